package razorpay

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	dschema "github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/customerops/terraform-provider-crm/internal/crud"
	"github.com/customerops/terraform-provider-crm/internal/platform"
)

// NewCustomerDataSource is crm_razorpay_customer: one customer by id or e-mail.
func NewCustomerDataSource() datasource.DataSource {
	return crud.NewLookupDataSource[customerModel](crud.LookupSpec[Customer]{
		TypeName: "_razorpay_customer",
		What:     "Razorpay customer",
		Schema: func() dschema.Schema {
			return dschema.Schema{
				MarkdownDescription: "Reads one Razorpay customer by `id` or by `email` (set exactly one). An e-mail matches " +
					"case-insensitively and must name exactly one customer: Razorpay keeps only `email` + `contact` unique.",
				Attributes: customerDataSourceAttributes(lookupByKey),
			}
		},
		Keys: []string{"id", "email"},
		Bind: platform.Bind(about, func(c *Client) map[string]crud.Lookup[Customer] {
			return map[string]crud.Lookup[Customer]{
				"id": c.GetCustomer,
				"email": crud.ByEmail("Razorpay customer", c.ListCustomers,
					func(c *Customer) string { return c.Email }, func(c *Customer) string { return c.ID }),
			}
		}),
	})
}

// ---- crm_razorpay_customers ----

// NewCustomersDataSource is crm_razorpay_customers: every customer.
func NewCustomersDataSource() datasource.DataSource {
	return crud.NewListDataSource[customersModel](crud.ListSpec[customersModel, Customer]{
		TypeName: "_razorpay_customers",
		What:     "Razorpay customers",
		Schema: func() dschema.Schema {
			return dschema.Schema{
				MarkdownDescription: "Lists every Razorpay customer, newest first as Razorpay lists them, paging through the API " +
					"(`count` = 100, `skip`). To bring existing customers under Terraform, see the guide " +
					"\"Adopting existing customers\".",
				Attributes: crud.ListAttributes("customers", "customers", customerDataSourceAttributes(listed), nil),
			}
		},
		Bind: platform.Bind(about, func(c *Client) func(context.Context, *customersModel) ([]Customer, error) {
			return func(ctx context.Context, _ *customersModel) ([]Customer, error) { return c.ListCustomers(ctx) }
		}),
	})
}

type customersModel struct {
	IDs       []types.String  `tfsdk:"ids"`
	Customers []customerModel `tfsdk:"customers"`
}

func (m *customersModel) SetListed(all []Customer) {
	m.IDs = make([]types.String, len(all))
	m.Customers = make([]customerModel, len(all))
	for i := range all {
		m.Customers[i].FromAPI(&all[i])
		m.IDs[i] = m.Customers[i].ID
	}
}
