package crud

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	dschema "github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// Listed is implemented by a list data source's model (a pointer to it):
// its filters come from config, and SetListed stores what the list found.
type Listed[W any] interface {
	SetListed(records []W)
}

// ListSpec describes a data source that lists records: for reading them,
// and for `import { for_each }` into a resource of the same for_each (the
// adoption guide shows it; list resources write per-record configuration).
type ListSpec[M any, W any] struct {
	TypeName string // "_xtrakit_customers"
	What     string // "Xtrakit customers": used in diagnostics
	Schema   func() dschema.Schema
	// Bind returns the list call (reading its filters from the model),
	// or nil (with an error in diags) when the platform is not configured.
	Bind func(providerData any, diags *diag.Diagnostics) func(ctx context.Context, filters *M) ([]W, error)
}

// ListDataSource lists records through the platform's pager.
type ListDataSource[M any, PM interface {
	*M
	Listed[W]
}, W any] struct {
	spec ListSpec[M, W]
	list func(ctx context.Context, filters *M) ([]W, error)
}

// NewListDataSource builds a ListDataSource from spec.
func NewListDataSource[M any, PM interface {
	*M
	Listed[W]
}, W any](spec ListSpec[M, W]) *ListDataSource[M, PM, W] {
	return &ListDataSource[M, PM, W]{spec: spec}
}

func (d *ListDataSource[M, PM, W]) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + d.spec.TypeName
}

func (d *ListDataSource[M, PM, W]) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = d.spec.Schema()
}

func (d *ListDataSource[M, PM, W]) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	if req.ProviderData != nil {
		d.list = d.spec.Bind(req.ProviderData, &resp.Diagnostics)
	}
}

func (d *ListDataSource[M, PM, W]) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	m := read[M](ctx, req.Config, req.Config.Raw.IsNull(), &resp.Diagnostics)
	if resp.Diagnostics.HasError() || m == nil {
		return
	}
	if d.list == nil {
		AddNotConfigured(&resp.Diagnostics)
		return
	}
	all, err := d.list(ctx, m)
	if err != nil {
		AddAPIError(&resp.Diagnostics, "list", d.spec.What, err)
		return
	}
	PM(m).SetListed(all)
	resp.Diagnostics.Append(resp.State.Set(ctx, m)...)
}

// ListAttributes are the computed `ids` and `records` (named by
// recordsName) of a list data source, plus its filters.
func ListAttributes(recordsName, what string, record map[string]dschema.Attribute, filters map[string]dschema.Attribute) map[string]dschema.Attribute {
	attrs := map[string]dschema.Attribute{
		"ids": dschema.ListAttribute{
			MarkdownDescription: "Ids of the listed " + what + ". To adopt them, see the guide \"Adopting existing customers\": " +
				"`terraform query` or `terraform-provider-crm generate` write the configuration; an `import { for_each }` over " +
				"these ids needs a resource with the same `for_each`.",
			ElementType: types.StringType,
			Computed:    true,
		},
		recordsName: dschema.ListNestedAttribute{
			MarkdownDescription: "The listed " + what + ".",
			Computed:            true,
			NestedObject:        dschema.NestedAttributeObject{Attributes: record},
		},
	}
	for k, v := range filters {
		attrs[k] = v
	}
	return attrs
}
