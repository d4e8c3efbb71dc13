package stripe

import (
	"context"
	"net/url"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	dschema "github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/customerops/terraform-provider-crm/internal/crud"
	"github.com/customerops/terraform-provider-crm/internal/platform"
)

// NewCustomerDataSource is crm_stripe_customer: one customer by id or e-mail.
func NewCustomerDataSource() datasource.DataSource {
	return crud.NewLookupDataSource[customerModel](crud.LookupSpec[Customer]{
		TypeName: "_stripe_customer",
		What:     "Stripe customer",
		Schema: func() dschema.Schema {
			return dschema.Schema{
				MarkdownDescription: "Reads one Stripe customer by `id` or by `email` (set exactly one). Stripe matches the e-mail " +
					"exactly, case included, and does not keep e-mails unique: more than one customer with it is an error.",
				Attributes: customerDataSourceAttributes(),
			}
		},
		Keys: []string{"id", "email"},
		Bind: platform.Bind(about, func(c *Client) map[string]crud.Lookup[Customer] {
			return map[string]crud.Lookup[Customer]{"id": c.GetCustomer, "email": crud.MustFind("Stripe customer", "email", c.FindCustomer)}
		}),
	})
}

// NewCustomersDataSource is crm_stripe_customers: every customer, or those
// with one e-mail.
func NewCustomersDataSource() datasource.DataSource {
	return crud.NewListDataSource[customersModel](crud.ListSpec[customersModel, Customer]{
		TypeName: "_stripe_customers",
		What:     "Stripe customers",
		Schema: func() dschema.Schema {
			return dschema.Schema{
				MarkdownDescription: "Lists Stripe customers, newest first, paging through the API (100 a page, its maximum, with " +
					"`starting_after` cursors), optionally only those with one `email` (matched exactly, case included). To bring " +
					"existing customers under Terraform, see the guide \"Adopting existing customers\": " +
					"`terraform query` (Terraform 1.14+) or `terraform-provider-crm generate` write the resource and import blocks.",
				Attributes: crud.ListAttributes("customers", "customers", summaryAttributes(), map[string]dschema.Attribute{
					"email": dschema.StringAttribute{
						MarkdownDescription: "Only list customers with exactly this e-mail address (case included).",
						Optional:            true,
						Validators:          []validator.String{emailFormat},
					},
				}),
			}
		},
		Bind: platform.Bind(about, func(c *Client) func(context.Context, *customersModel) ([]Customer, error) {
			return func(ctx context.Context, m *customersModel) ([]Customer, error) {
				q := url.Values{}
				if e := m.Email.ValueString(); e != "" {
					q.Set("email", e)
				}
				return c.ListCustomers(ctx, q)
			}
		}),
	})
}

type customersModel struct {
	Email     types.String      `tfsdk:"email"`
	IDs       []types.String    `tfsdk:"ids"`
	Customers []customerSummary `tfsdk:"customers"`
}

// customerSummary is a listed customer; crm_stripe_customer reads the rest.
type customerSummary struct {
	ID          types.String `tfsdk:"id"`
	Email       types.String `tfsdk:"email"`
	Name        types.String `tfsdk:"name"`
	Phone       types.String `tfsdk:"phone"`
	Description types.String `tfsdk:"description"`
	Created     types.Int64  `tfsdk:"created"`
}

func (m *customersModel) SetListed(all []Customer) {
	m.IDs = make([]types.String, len(all))
	m.Customers = make([]customerSummary, len(all))
	for i, c := range all {
		m.IDs[i] = types.StringValue(c.ID)
		m.Customers[i] = customerSummary{
			ID: m.IDs[i], Email: types.StringPointerValue(c.Email), Name: types.StringPointerValue(c.Name),
			Phone: types.StringPointerValue(c.Phone), Description: types.StringPointerValue(c.Description),
			Created: types.Int64Value(c.Created),
		}
	}
}
