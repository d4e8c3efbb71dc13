package xtrakit

import (
	"context"
	"sort"
	"strconv"

	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	dschema "github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/customerops/terraform-provider-crm/internal/crud"
	"github.com/customerops/terraform-provider-crm/internal/fields"
	"github.com/customerops/terraform-provider-crm/internal/platform"
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
		Bind: platform.Bind(about, func(c *Client) map[string]crud.Lookup[Customer] {
			all := func(ctx context.Context) ([]Customer, error) { return c.ListCustomers(ctx, nil) }
			return map[string]crud.Lookup[Customer]{
				"id": c.GetCustomer,
				"email": crud.ByEmail("Xtrakit customer", all, func(c *Customer) string { return deref(c.CustomerEmail) },
					func(c *Customer) string { return strconv.FormatInt(c.ID, 10) }),
			}
		}),
	})
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
		Bind: platform.Bind(about, func(c *Client) map[string]crud.Lookup[Group] {
			return map[string]crud.Lookup[Group]{"id": c.GetGroup}
		}),
	})
}

// NewCustomersDataSource is crm_xtrakit_customers: all customers, or one
// group's, with every attribute.
func NewCustomersDataSource() datasource.DataSource {
	return crud.NewListDataSource[customersModel](crud.ListSpec[customersModel, Customer]{
		TypeName: "_xtrakit_customers",
		What:     "Xtrakit customers",
		Schema: func() dschema.Schema {
			return dschema.Schema{
				MarkdownDescription: "Lists Xtrakit customers (all of them, or one group's), in id order. " +
					"To bring existing customers under Terraform, see the guide \"Adopting existing customers\": " +
					"`terraform query` (Terraform 1.14+) or `terraform-provider-crm generate` write the resource and import blocks.",
				Attributes: crud.ListAttributes("customers", "customers", customerDataSourceAttributes(listed), map[string]dschema.Attribute{
					"group_id": dschema.Int64Attribute{
						MarkdownDescription: "Only list the customers of this group (sent as `customer_group_id`). A positive integer.",
						Optional:            true,
						Validators:          []validator.Int64{int64validator.AtLeast(1)},
					},
				}),
			}
		},
		Bind: platform.Bind(about, func(c *Client) func(context.Context, *customersModel) ([]Customer, error) {
			return func(ctx context.Context, m *customersModel) ([]Customer, error) {
				return c.ListCustomers(ctx, fields.Int64Pointer(m.GroupID))
			}
		}),
	})
}

type customersModel struct {
	GroupID   types.Int64     `tfsdk:"group_id"`
	IDs       []types.String  `tfsdk:"ids"`
	Customers []customerModel `tfsdk:"customers"`
}

func (m *customersModel) SetListed(all []Customer) {
	sort.Slice(all, func(i, j int) bool { return all[i].ID < all[j].ID })
	m.IDs = make([]types.String, len(all))
	m.Customers = make([]customerModel, len(all))
	for i := range all {
		m.Customers[i].Email = fields.EmailNull()
		m.Customers[i].FromAPI(&all[i])
		m.IDs[i] = m.Customers[i].ID
	}
}
