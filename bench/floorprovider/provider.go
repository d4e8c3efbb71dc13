package main

import (
	"context"
	"math/big"
	"strconv"
	"sync/atomic"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/provider"
	pschema "github.com/hashicorp/terraform-plugin-framework/provider/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	crm "github.com/customerops/terraform-provider-crm/internal/provider"
)

// TypeName is the floor provider's local name: its resources are
// crmfloor_<platform>_customer where the crm provider's are crm_<...>.
const TypeName = "crmfloor"

type floorProvider struct {
	ids atomic.Uint64 // the id counter every resource draws from
}

func newProvider() provider.Provider { return &floorProvider{} }

func (p *floorProvider) Metadata(_ context.Context, _ provider.MetadataRequest, resp *provider.MetadataResponse) {
	resp.TypeName = TypeName
	resp.Version = "bench"
}

// Schema: no settings (there is no API to point at).
func (p *floorProvider) Schema(_ context.Context, _ provider.SchemaRequest, resp *provider.SchemaResponse) {
	resp.Schema = pschema.Schema{Description: "make bench's floor: the crm provider's resource schemas, no API."}
}

func (p *floorProvider) Configure(context.Context, provider.ConfigureRequest, *provider.ConfigureResponse) {
}

// Resources are every resource of the crm provider, API taken away.
func (p *floorProvider) Resources(ctx context.Context) []func() resource.Resource {
	crmResources := crm.New("floor")().Resources(ctx)
	all := make([]func() resource.Resource, 0, len(crmResources))
	for _, newReal := range crmResources {
		all = append(all, func() resource.Resource { return wrap(newReal(), &p.ids) })
	}
	return all
}

func (p *floorProvider) DataSources(context.Context) []func() datasource.DataSource { return nil }

// floorResource is one crm resource's schema with no API behind it.
type floorResource struct {
	res resource.Resource
	ids *atomic.Uint64
}

// floorIdentityResource is a floorResource whose crm resource has an
// identity: the floor keeps it in step with the state, as crud does.
type floorIdentityResource struct {
	floorResource
	identity resource.ResourceWithIdentity
}

var (
	_ resource.Resource             = &floorResource{}
	_ resource.ResourceWithIdentity = &floorIdentityResource{}
)

func wrap(res resource.Resource, ids *atomic.Uint64) resource.Resource {
	f := floorResource{res: res, ids: ids}
	if withID, ok := res.(resource.ResourceWithIdentity); ok {
		return &floorIdentityResource{floorResource: f, identity: withID}
	}
	return &f
}

// Metadata: the crm resource's own, under the floor's provider type name.
func (r *floorResource) Metadata(ctx context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	r.res.Metadata(ctx, req, resp)
}

// Schema: the crm resource's own (attributes, validators, plan modifiers,
// custom types, the timeouts block).
func (r *floorResource) Schema(ctx context.Context, req resource.SchemaRequest, resp *resource.SchemaResponse) {
	r.res.Schema(ctx, req, resp)
}

func (r *floorIdentityResource) IdentitySchema(ctx context.Context, req resource.IdentitySchemaRequest, resp *resource.IdentitySchemaResponse) {
	r.identity.IdentitySchema(ctx, req, resp)
}

func (r *floorResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	resp.State.Raw = r.known(req.Plan.Raw, &resp.Diagnostics)
	identify(ctx, resp.State, resp.Identity, &resp.Diagnostics)
}

// Read returns the state as it is (the framework pre-fills it).
func (r *floorResource) Read(ctx context.Context, _ resource.ReadRequest, resp *resource.ReadResponse) {
	identify(ctx, resp.State, resp.Identity, &resp.Diagnostics)
}

func (r *floorResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	resp.State.Raw = r.known(req.Plan.Raw, &resp.Diagnostics)
	identify(ctx, resp.State, resp.Identity, &resp.Diagnostics)
}

// Delete does nothing: the framework removes the state.
func (r *floorResource) Delete(context.Context, resource.DeleteRequest, *resource.DeleteResponse) {}

// FixedString is what the floor gives every computed string but the id
// (timestamps, owners): a fixed value, so a refresh changes nothing.
const FixedString = "2026-01-01 00:00:00"

var idPath = tftypes.NewAttributePath().WithAttributeName("id")

// known is plan with every unknown value made known: the top-level id
// from the counter, other strings FixedString, numbers 1, bools false, and
// anything else null (no crm resource computes one).
func (r *floorResource) known(plan tftypes.Value, diags *diag.Diagnostics) tftypes.Value {
	v, err := tftypes.Transform(plan, func(p *tftypes.AttributePath, v tftypes.Value) (tftypes.Value, error) {
		if v.IsKnown() {
			return v, nil
		}
		t := v.Type()
		switch {
		case t.Is(tftypes.String) && p.Equal(idPath):
			return tftypes.NewValue(t, strconv.FormatUint(r.ids.Add(1), 10)), nil
		case t.Is(tftypes.String):
			return tftypes.NewValue(t, FixedString), nil
		case t.Is(tftypes.Number):
			return tftypes.NewValue(t, big.NewFloat(1)), nil
		case t.Is(tftypes.Bool):
			return tftypes.NewValue(t, false), nil
		default:
			return tftypes.NewValue(t, nil), nil
		}
	})
	if err != nil {
		diags.AddError("Floor provider", "making the planned values known: "+err.Error())
		return plan
	}
	return v
}

// identify sets the identity from the state's attributes of the same
// names, as crud.setIdentity does (every identity here mirrors state).
// A CLI without identities passes none.
func identify(ctx context.Context, state tfsdk.State, identity *tfsdk.ResourceIdentity, diags *diag.Diagnostics) {
	if identity == nil || state.Raw.IsNull() || !state.Raw.IsKnown() {
		return
	}
	var attrs map[string]tftypes.Value
	if err := state.Raw.As(&attrs); err != nil {
		diags.AddError("Floor provider", "reading the state: "+err.Error())
		return
	}
	typ := identity.Schema.Type().TerraformType(ctx)
	obj, ok := typ.(tftypes.Object)
	if !ok {
		diags.AddError("Floor provider", "the identity schema is not an object")
		return
	}
	vals := make(map[string]tftypes.Value, len(obj.AttributeTypes))
	for name, t := range obj.AttributeTypes {
		v, found := attrs[name]
		if !found {
			v = tftypes.NewValue(t, nil)
		}
		vals[name] = v
	}
	identity.Raw = tftypes.NewValue(typ, vals)
}
