package webcommander

import (
	"context"
	"strconv"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	dschema "github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/customerops/terraform-provider-crm/internal/crud"
	"github.com/customerops/terraform-provider-crm/internal/fields"
	"github.com/customerops/terraform-provider-crm/internal/platform"
)

// NewCustomerDataSource is crm_webcommander_customer: one customer by id or e-mail.
func NewCustomerDataSource() datasource.DataSource {
	return crud.NewLookupDataSource[customerModel](crud.LookupSpec[Customer]{
		TypeName: "_webcommander_customer",
		What:     "WebCommander customer",
		Schema: func() dschema.Schema {
			return dschema.Schema{
				MarkdownDescription: "Reads one WebCommander customer by `id` or by `email` (set exactly one; e-mails are unique in a store).",
				Attributes:          customerDataSourceAttributes(true),
			}
		},
		Keys: []string{"id", "email"},
		Bind: platform.Bind(about, func(c *Client) map[string]crud.Lookup[Customer] {
			return map[string]crud.Lookup[Customer]{"id": c.GetCustomer, "email": crud.MustFind("WebCommander customer", "email", c.FindCustomer)}
		}),
	})
}

// NewCustomersDataSource is crm_webcommander_customers: every customer
// (or the one with an e-mail).
func NewCustomersDataSource() datasource.DataSource {
	return crud.NewListDataSource[customersModel](crud.ListSpec[customersModel, Customer]{
		TypeName: "_webcommander_customers",
		What:     "WebCommander customers",
		Schema: func() dschema.Schema {
			return dschema.Schema{
				MarkdownDescription: "Lists WebCommander customers in id order, paging through the API (20 a page, its " +
					"maximum). To bring existing customers under Terraform, see the guide " +
					"\"Adopting existing customers\".",
				Attributes: crud.ListAttributes("customers", "customers", customerDataSourceAttributes(false), map[string]dschema.Attribute{
					"email": dschema.StringAttribute{MarkdownDescription: "Only list the customer with this e-mail address.", Optional: true},
				}),
			}
		},
		Bind: platform.Bind(about, func(c *Client) func(context.Context, *customersModel) ([]Customer, error) {
			return func(ctx context.Context, m *customersModel) ([]Customer, error) {
				return c.ListCustomers(ctx, m.Email.ValueString())
			}
		}),
	})
}

type customersModel struct {
	Email     types.String    `tfsdk:"email"`
	IDs       []types.String  `tfsdk:"ids"`
	Customers []customerModel `tfsdk:"customers"`
}

func (m *customersModel) SetListed(all []Customer) {
	m.IDs = make([]types.String, len(all))
	m.Customers = make([]customerModel, len(all))
	for i := range all {
		m.Customers[i] = customerModel{Email: fields.EmailNull()}
		m.Customers[i].FromAPI(&all[i])
		m.IDs[i] = types.StringValue(strconv.FormatInt(all[i].ID, 10))
	}
}
