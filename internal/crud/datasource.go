package crud

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	dschema "github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
)

// Fetched is implemented by a data source's model (a pointer to it): the id
// the user asked for, and the mapping of the platform's answer.
type Fetched[W any] interface {
	RecordID() string
	FromAPI(*W)
}

// ByIDSpec describes a data source that reads one record by id.
type ByIDSpec[W any] struct {
	TypeName string // "_xtrakit_customer"
	What     string // "Xtrakit customer": used in diagnostics
	Schema   func() dschema.Schema
	// Bind returns the read call bound to the platform's client, or nil
	// (with an error in diags) when the platform is not configured.
	Bind func(providerData any, diags *diag.Diagnostics) func(ctx context.Context, id string) (*W, error)
}

// ByIDDataSource reads one record by id; a missing record is an error with
// the platform's own answer.
type ByIDDataSource[M any, PM interface {
	*M
	Fetched[W]
}, W any] struct {
	spec ByIDSpec[W]
	get  func(ctx context.Context, id string) (*W, error)
}

// NewByIDDataSource builds a ByIDDataSource from spec.
func NewByIDDataSource[M any, PM interface {
	*M
	Fetched[W]
}, W any](spec ByIDSpec[W]) *ByIDDataSource[M, PM, W] {
	return &ByIDDataSource[M, PM, W]{spec: spec}
}

func (d *ByIDDataSource[M, PM, W]) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + d.spec.TypeName
}

func (d *ByIDDataSource[M, PM, W]) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = d.spec.Schema()
}

func (d *ByIDDataSource[M, PM, W]) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	if req.ProviderData == nil {
		return
	}
	d.get = d.spec.Bind(req.ProviderData, &resp.Diagnostics)
}

func (d *ByIDDataSource[M, PM, W]) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var m M
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	if d.get == nil {
		AddNotConfigured(&resp.Diagnostics)
		return
	}
	id := PM(&m).RecordID()
	record, err := d.get(ctx, id)
	if err != nil {
		AddAPIError(&resp.Diagnostics, "read", d.spec.What+" "+id, err)
		return
	}
	PM(&m).FromAPI(record)
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
}
