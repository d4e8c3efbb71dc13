package razorpay

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	dschema "github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/customerops/terraform-provider-crm/internal/attr"
)

var (
	_ datasource.DataSourceWithConfigure = &CustomerDataSource{}
	_ datasource.DataSourceWithConfigure = &CustomersDataSource{}
)

// dataSourceBase holds the client every Razorpay data source needs.
type dataSourceBase struct {
	client *Client
}

func (d *dataSourceBase) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.client = clientFrom(req.ProviderData, &resp.Diagnostics)
}

// ---- crm_razorpay_customer ----

// NewCustomerDataSource is registered by the provider.
func NewCustomerDataSource() datasource.DataSource { return &CustomerDataSource{} }

// CustomerDataSource reads one customer by id.
type CustomerDataSource struct{ dataSourceBase }

func (d *CustomerDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_razorpay_customer"
}

func (d *CustomerDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = dschema.Schema{
		MarkdownDescription: "Reads one Razorpay customer by id.",
		Attributes:          customerDataSourceAttributes(true),
	}
}

func (d *CustomerDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var m customerModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	c, err := d.client.GetCustomer(ctx, m.ID.ValueString())
	if err != nil {
		attr.AddAPIError(&resp.Diagnostics, "read", "Razorpay customer "+m.ID.ValueString(), err)
		return
	}
	m.fromAPI(c)
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
}

// ---- crm_razorpay_customers ----

// NewCustomersDataSource is registered by the provider.
func NewCustomersDataSource() datasource.DataSource { return &CustomersDataSource{} }

// CustomersDataSource lists every customer; with `import { for_each = ... }`
// it adopts existing customers.
type CustomersDataSource struct{ dataSourceBase }

type customersModel struct {
	IDs       []types.String  `tfsdk:"ids"`
	Customers []customerModel `tfsdk:"customers"`
}

func (d *CustomersDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_razorpay_customers"
}

func (d *CustomersDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = dschema.Schema{
		MarkdownDescription: "Lists every Razorpay customer, newest first as Razorpay lists them, paging through the API " +
			"(`count` = 100, `skip`). Use it with `import { for_each = ... }` blocks to bring existing customers under Terraform.",
		Attributes: map[string]dschema.Attribute{
			"ids": dschema.ListAttribute{
				MarkdownDescription: "Ids of the listed customers.",
				ElementType:         types.StringType,
				Computed:            true,
			},
			"customers": dschema.ListNestedAttribute{
				MarkdownDescription: "The listed customers.",
				Computed:            true,
				NestedObject:        dschema.NestedAttributeObject{Attributes: customerDataSourceAttributes(false)},
			},
		},
	}
}

func (d *CustomersDataSource) Read(ctx context.Context, _ datasource.ReadRequest, resp *datasource.ReadResponse) {
	all, err := d.client.ListCustomers(ctx)
	if err != nil {
		attr.AddAPIError(&resp.Diagnostics, "list", "Razorpay customers", err)
		return
	}
	m := customersModel{IDs: make([]types.String, len(all)), Customers: make([]customerModel, len(all))}
	for i := range all {
		m.Customers[i].fromAPI(&all[i])
		m.IDs[i] = m.Customers[i].ID
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
}
