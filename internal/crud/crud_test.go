package crud

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	rschema "github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/customerops/terraform-provider-crm/internal/transport"
)

// thing is a minimal record: an id and a name.
type thing struct{ ID, Name string }

type thingModel struct {
	ID       types.String   `tfsdk:"id"`
	Name     types.String   `tfsdk:"name"`
	Timeouts timeouts.Value `tfsdk:"timeouts"`
}

func (m *thingModel) RecordID() string               { return m.ID.ValueString() }
func (m *thingModel) RecordTimeouts() timeouts.Value { return m.Timeouts }
func (m *thingModel) FromAPI(t *thing) {
	m.ID, m.Name = types.StringValue(t.ID), types.StringValue(t.Name)
}

func thingSchema(ctx context.Context) rschema.Schema {
	return rschema.Schema{
		Attributes: map[string]rschema.Attribute{
			"id":   rschema.StringAttribute{Computed: true},
			"name": rschema.StringAttribute{Required: true},
		},
		Blocks: map[string]rschema.Block{"timeouts": timeouts.Block(ctx, timeouts.Opts{Create: true, Update: true, Delete: true})},
	}
}

// object builds a plan or state value with id and name (nil = null).
func object(ctx context.Context, id, name any) tftypes.Value {
	typ := thingSchema(ctx).Type().TerraformType(ctx).(tftypes.Object)
	return tftypes.NewValue(typ, map[string]tftypes.Value{
		"id":       tftypes.NewValue(tftypes.String, id),
		"name":     tftypes.NewValue(tftypes.String, name),
		"timeouts": tftypes.NewValue(typ.AttributeTypes["timeouts"], nil),
	})
}

func newThingResource(ops *Ops[thingModel, thing]) *Resource[thingModel, *thingModel, thing] {
	return NewResource[thingModel](Spec[thingModel, thing]{
		TypeName:  "_thing",
		Schema:    thingSchema,
		Bind:      func(any, *diag.Diagnostics) *Ops[thingModel, thing] { return ops },
		CheckID:   func(string) error { return nil },
		IDExample: "1",
	})
}

var errGone = &transport.APIError{Platform: "test", Status: 404, Message: "Thing not found", NotFound: true}

func TestCreateStoresARecordReturnedWithAnError(t *testing.T) {
	ctx := context.Background()
	s := thingSchema(ctx)
	r := newThingResource(&Ops[thingModel, thing]{
		What: "thing",
		Create: func(context.Context, *thingModel) (*thing, error) {
			return &thing{ID: "7", Name: "made"}, errors.New("follow-up edit failed")
		},
	})
	r.Configure(ctx, resource.ConfigureRequest{ProviderData: struct{}{}}, &resource.ConfigureResponse{})
	req := resource.CreateRequest{Plan: tfsdk.Plan{Schema: s, Raw: object(ctx, tftypes.UnknownValue, "made")}}
	resp := resource.CreateResponse{State: tfsdk.State{Schema: s, Raw: object(ctx, nil, nil)}}
	r.Create(ctx, req, &resp)
	if !resp.Diagnostics.HasError() || !strings.Contains(resp.Diagnostics.Errors()[0].Detail(), "follow-up edit failed") {
		t.Fatalf("want the error reported, got %v", resp.Diagnostics)
	}
	var got thingModel
	resp.State.Get(ctx, &got)
	if got.ID.ValueString() != "7" {
		t.Errorf("state id = %s, want 7: the created record must not be lost", got.ID)
	}
}

func TestReadRemovesARecordGoneOutOfBand(t *testing.T) {
	ctx := context.Background()
	s := thingSchema(ctx)
	r := newThingResource(&Ops[thingModel, thing]{
		What: "thing",
		Read: func(context.Context, string) (*thing, error) { return nil, errGone },
	})
	r.Configure(ctx, resource.ConfigureRequest{ProviderData: struct{}{}}, &resource.ConfigureResponse{})
	st := tfsdk.State{Schema: s, Raw: object(ctx, "7", "x")}
	resp := resource.ReadResponse{State: st}
	r.Read(ctx, resource.ReadRequest{State: st}, &resp)
	if resp.Diagnostics.HasError() || len(resp.Diagnostics.Warnings()) != 1 {
		t.Fatalf("want one warning and no error, got %v", resp.Diagnostics)
	}
	if !resp.State.Raw.IsNull() {
		t.Error("the record was not removed from state")
	}
}

func TestDeleteOfARecordAlreadyGoneSucceeds(t *testing.T) {
	ctx := context.Background()
	s := thingSchema(ctx)
	for name, err := range map[string]error{"gone": errGone, "other": errors.New("boom")} {
		r := newThingResource(&Ops[thingModel, thing]{
			What:   "thing",
			Delete: func(context.Context, string) error { return err },
		})
		r.Configure(ctx, resource.ConfigureRequest{ProviderData: struct{}{}}, &resource.ConfigureResponse{})
		st := tfsdk.State{Schema: s, Raw: object(ctx, "7", "x")}
		resp := resource.DeleteResponse{State: st}
		r.Delete(ctx, resource.DeleteRequest{State: st}, &resp)
		if got := resp.Diagnostics.HasError(); got != (name == "other") {
			t.Errorf("%s: error = %v, diagnostics %v", name, got, resp.Diagnostics)
		}
	}
}

func TestUnconfiguredResourceErrorsInsteadOfPanicking(t *testing.T) {
	ctx := context.Background()
	s := thingSchema(ctx)
	r := newThingResource(nil)
	st := tfsdk.State{Schema: s, Raw: object(ctx, "7", "x")}
	resp := resource.ReadResponse{State: st}
	r.Read(ctx, resource.ReadRequest{State: st}, &resp)
	if !resp.Diagnostics.HasError() {
		t.Fatal("want an error")
	}
}

type source interface{ Client() *int }

type fakeSource struct{ c *int }

func (f fakeSource) Client() *int { return f.c }

func TestClientFrom(t *testing.T) {
	p := Platform{Name: "Acme", Example: "acme { key = ... }", EnvHint: "ACME_KEY"}
	n := 1
	var diags diag.Diagnostics
	if got := ClientFrom(fakeSource{&n}, source.Client, p, &diags); got != &n || diags.HasError() {
		t.Errorf("configured: got %v, %v", got, diags)
	}
	diags = nil
	if got := ClientFrom(fakeSource{}, source.Client, p, &diags); got != nil || !diags.HasError() ||
		!strings.Contains(diags.Errors()[0].Summary(), "Acme is not configured") ||
		!strings.Contains(diags.Errors()[0].Detail(), "acme { key = ... }") || !strings.Contains(diags.Errors()[0].Detail(), "ACME_KEY") {
		t.Errorf("unconfigured: got %v, %v", got, diags)
	}
	diags = nil
	if got := ClientFrom("not a source", source.Client, p, &diags); got != nil || !diags.HasError() {
		t.Errorf("wrong provider data: got %v, %v", got, diags)
	}
}
