package crud

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	rschema "github.com/hashicorp/terraform-plugin-framework/resource/schema"
)

// Spec describes one record resource; Resource does the rest.
type Spec[M any, W any] struct {
	// TypeName follows the provider's: "_xtrakit_customer".
	TypeName string
	Schema   func(context.Context) rschema.Schema
	// Bind returns the operations bound to the platform's client, or nil
	// (with an error in diags) when the platform is not configured.
	Bind func(providerData any, diags *diag.Diagnostics) *Ops[M, W]
	// CheckID validates an import id; IDExample shows a valid one.
	CheckID   func(string) error
	IDExample string
}

// Resource is a complete resource.Resource for one record type: the
// platform gives its schema, calls and mapping; the flow is shared. A
// platform with extra behaviour embeds it and overrides a method.
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
	resp.Schema = r.spec.Schema(ctx)
}

func (r *Resource[M, PM, W]) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	if req.ProviderData == nil {
		return // validation runs before the provider is configured
	}
	r.ops = r.spec.Bind(req.ProviderData, &resp.Diagnostics)
}

func (r *Resource[M, PM, W]) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	if r.ops == nil {
		AddNotConfigured(&resp.Diagnostics)
		return
	}
	Create[M, PM](ctx, *r.ops, req, resp)
}

func (r *Resource[M, PM, W]) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	if r.ops == nil {
		AddNotConfigured(&resp.Diagnostics)
		return
	}
	Read[M, PM](ctx, *r.ops, req, resp)
}

func (r *Resource[M, PM, W]) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	if r.ops == nil {
		AddNotConfigured(&resp.Diagnostics)
		return
	}
	Update[M, PM](ctx, *r.ops, req, resp)
}

func (r *Resource[M, PM, W]) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	if r.ops == nil {
		AddNotConfigured(&resp.Diagnostics)
		return
	}
	Delete[M, PM](ctx, *r.ops, req, resp)
}

func (r *Resource[M, PM, W]) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	ImportByID(ctx, r.spec.CheckID, r.spec.IDExample, req, resp)
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
