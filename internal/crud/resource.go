package crud

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	rschema "github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
)

// Resource is a complete resource.Resource for one record type: the
// platform gives its Spec (schema, calls, mapping, plan rules); the flow
// is this package's and is the same for every platform.
type Resource[M any, PM interface {
	*M
	Record[W]
}, W any] struct {
	spec Spec[M, W]
	ops  *Ops[M, W]
}

var (
	_ resource.ResourceWithConfigure   = &Resource[noRecord, *noRecord, struct{}]{}
	_ resource.ResourceWithImportState = &Resource[noRecord, *noRecord, struct{}]{}
	_ resource.ResourceWithIdentity    = &Resource[noRecord, *noRecord, struct{}]{}
	_ resource.ResourceWithModifyPlan  = &Resource[noRecord, *noRecord, struct{}]{}
)

// NewResource builds a Resource from spec.
func NewResource[M any, PM interface {
	*M
	Record[W]
}, W any](spec Spec[M, W]) *Resource[M, PM, W] {
	return &Resource[M, PM, W]{spec: spec}
}

func (r *Resource[M, PM, W]) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + r.spec.TypeName
}

func (r *Resource[M, PM, W]) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	s := r.spec.Schema(ctx)
	if s.Blocks == nil {
		s.Blocks = map[string]rschema.Block{}
	}
	s.Blocks["timeouts"] = timeouts.Block(ctx, timeouts.Opts{Create: true, Update: true, Delete: r.spec.Forget == nil})
	resp.Schema = s
}

func (r *Resource[M, PM, W]) IdentitySchema(_ context.Context, _ resource.IdentitySchemaRequest, resp *resource.IdentitySchemaResponse) {
	resp.IdentitySchema = identitySchema(r.spec.Identity)
}

func (r *Resource[M, PM, W]) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	if req.ProviderData == nil {
		return // validation runs before the provider is configured
	}
	r.ops = r.spec.Bind(req.ProviderData, &resp.Diagnostics)
}

func (r *Resource[M, PM, W]) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	if r.configured(&resp.Diagnostics) {
		r.create(ctx, req, resp)
	}
}

func (r *Resource[M, PM, W]) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	if r.configured(&resp.Diagnostics) {
		r.read(ctx, req, resp)
	}
}

func (r *Resource[M, PM, W]) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	if r.configured(&resp.Diagnostics) {
		r.update(ctx, req, resp)
	}
}

func (r *Resource[M, PM, W]) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	if r.configured(&resp.Diagnostics) {
		r.delete(ctx, req, resp)
	}
}

func (r *Resource[M, PM, W]) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	r.modifyPlan(ctx, req, resp)
}

// ImportState takes the record's id (`terraform import`, `import { id }`)
// or its identity (`import { identity }`), checking the id's form first so
// a typo fails with a clear message instead of a confusing API error. Read
// then fills in the rest.
func (r *Resource[M, PM, W]) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	if req.ID == "" && req.Identity != nil && !req.Identity.Raw.IsNull() {
		importIdentity(ctx, r.spec.Identity, r.spec.CheckID, *req.Identity, &resp.State, &resp.Diagnostics)
		return
	}
	if err := r.spec.CheckID(req.ID); err != nil {
		resp.Diagnostics.AddError("Invalid import id", err.Error()+". Import with the record's id, e.g. `terraform import ADDRESS "+r.spec.IDExample+"`.")
		return
	}
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("id"), req.ID)...)
}

// setState writes m as the new state, and the identity derived from it.
func (r *Resource[M, PM, W]) setState(ctx context.Context, m *M, state *tfsdk.State, identity *tfsdk.ResourceIdentity, diags *diag.Diagnostics) {
	diags.Append(state.Set(ctx, m)...)
	if !diags.HasError() {
		setIdentity(ctx, r.spec.Identity, *state, identity, diags)
	}
}

// configured guards against a call before Configure bound the platform.
func (r *Resource[M, PM, W]) configured(diags *diag.Diagnostics) bool {
	if r.ops == nil {
		AddNotConfigured(diags)
		return false
	}
	return true
}

// AddNotConfigured reports a resource or data source used without its
// platform client. It should never show: the framework stops after
// Configure reports the platform missing; it guards against a nil
// dereference all the same.
func AddNotConfigured(diags *diag.Diagnostics) {
	diags.AddError("Provider not configured",
		"This resource or data source was used before the provider configured its platform client. This is a bug in the provider.")
}

// noRecord only instantiates Resource for the interface assertions above.
type noRecord struct{}

func (*noRecord) RecordID() string               { return "" }
func (*noRecord) RecordTimeouts() timeouts.Value { return timeouts.Value{} }
func (*noRecord) FromAPI(*struct{})              {}
