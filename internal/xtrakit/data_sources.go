package xtrakit

import (
	"context"
	"sort"
	"strconv"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	dschema "github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/customerops/terraform-provider-crm/internal/crud"
	"github.com/customerops/terraform-provider-crm/internal/fields"
)

// NewCustomerDataSource is crm_xtrakit_customer: one customer by id or e-mail.
func NewCustomerDataSource() datasource.DataSource {
	return crud.NewLookupDataSource[customerModel](crud.LookupSpec[Customer]{
		TypeName: "_xtrakit_customer",
		What:     "Xtrakit customer",
		Schema: func() dschema.Schema {
			return dschema.Schema{
				MarkdownDescription: "Reads one Xtrakit customer by `id` or by `email` (set exactly one). An e-mail matches " +
					"case-insensitively and must name exactly one customer: Xtrakit does not keep e-mails unique.",
				Attributes: customerDataSourceAttributes(lookupByKey),
			}
		},
		Keys: []string{"id", "email"},
		Bind: func(providerData any, diags *diag.Diagnostics) map[string]crud.Lookup[Customer] {
			c := clientFrom(providerData, diags)
			if c == nil {
				return nil
			}
			return map[string]crud.Lookup[Customer]{"id": c.GetCustomer, "email": c.customerByEmail}
		},
	})
}

// customerByEmail lists the customers and picks the one with this e-mail.
func (c *Client) customerByEmail(ctx context.Context, email string) (*Customer, error) {
	all, err := c.ListCustomers(ctx, nil)
	if err != nil {
		return nil, err
	}
	return crud.One(all, "Xtrakit customer", "email", email,
		func(c *Customer) bool { return c.CustomerEmail != nil && strings.EqualFold(*c.CustomerEmail, email) },
		func(c *Customer) string { return strconv.FormatInt(c.ID, 10) })
}

// NewCustomerGroupDataSource is crm_xtrakit_customer_group: one group by id.
func NewCustomerGroupDataSource() datasource.DataSource {
	return crud.NewLookupDataSource[groupModel](crud.LookupSpec[Group]{
		TypeName: "_xtrakit_customer_group",
		What:     "Xtrakit customer group",
		Schema: func() dschema.Schema {
			return dschema.Schema{
				MarkdownDescription: "Reads one Xtrakit customer group by id.",
				Attributes:          groupDataSourceAttributes(),
			}
		},
		Keys: []string{"id"},
		Bind: func(providerData any, diags *diag.Diagnostics) map[string]crud.Lookup[Group] {
			if c := clientFrom(providerData, diags); c != nil {
				return map[string]crud.Lookup[Group]{"id": c.GetGroup}
			}
			return nil
		},
	})
}

// ---- crm_xtrakit_customers ----

// NewCustomersDataSource is registered by the provider.
func NewCustomersDataSource() datasource.DataSource { return &CustomersDataSource{} }

// CustomersDataSource lists customers, optionally of one group; with
// `import { for_each = ... }` it adopts existing customers.
type CustomersDataSource struct {
	client *Client
}

var _ datasource.DataSourceWithConfigure = &CustomersDataSource{}

type customersModel struct {
	GroupID   types.Int64     `tfsdk:"group_id"`
	IDs       []types.String  `tfsdk:"ids"`
	Customers []customerModel `tfsdk:"customers"`
}

func (d *CustomersDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	if req.ProviderData != nil {
		d.client = clientFrom(req.ProviderData, &resp.Diagnostics)
	}
}

func (d *CustomersDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_xtrakit_customers"
}

func (d *CustomersDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = dschema.Schema{
		MarkdownDescription: "Lists Xtrakit customers (all of them, or one group's), in id order. " +
			"Use it with `import { for_each = ... }` blocks to bring existing customers under Terraform.",
		Attributes: map[string]dschema.Attribute{
			"group_id": dschema.Int64Attribute{
				MarkdownDescription: "Only list the customers of this group (sent as `customer_group_id`). A positive integer.",
				Optional:            true,
				Validators:          []validator.Int64{int64validator.AtLeast(1)},
			},
			"ids": dschema.ListAttribute{
				MarkdownDescription: "Ids of the listed customers.",
				ElementType:         types.StringType,
				Computed:            true,
			},
			"customers": dschema.ListNestedAttribute{
				MarkdownDescription: "The listed customers.",
				Computed:            true,
				NestedObject:        dschema.NestedAttributeObject{Attributes: customerDataSourceAttributes(listed)},
			},
		},
	}
}

func (d *CustomersDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	if d.client == nil {
		crud.AddNotConfigured(&resp.Diagnostics)
		return
	}
	var m customersModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	all, err := d.client.ListCustomers(ctx, fields.Int64Pointer(m.GroupID))
	if err != nil {
		crud.AddAPIError(&resp.Diagnostics, "list", "Xtrakit customers", err)
		return
	}
	sort.Slice(all, func(i, j int) bool { return all[i].ID < all[j].ID })
	m.IDs = make([]types.String, len(all))
	m.Customers = make([]customerModel, len(all))
	for i := range all {
		m.Customers[i].Email = fields.EmailNull()
		m.Customers[i].FromAPI(&all[i])
		m.IDs[i] = m.Customers[i].ID
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
}
