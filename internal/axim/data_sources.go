package axim

import (
	"context"
	"net/url"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	dschema "github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/customerops/terraform-provider-crm/internal/crud"
	"github.com/customerops/terraform-provider-crm/internal/fields"
	"github.com/customerops/terraform-provider-crm/internal/platform"
)

// NewCustomerDataSource is crm_axim_customer: one customer by id or e-mail.
func NewCustomerDataSource() datasource.DataSource {
	return crud.NewLookupDataSource[customerModel](crud.LookupSpec[Customer]{
		TypeName: "_axim_customer",
		What:     "Axim customer",
		Schema: func() dschema.Schema {
			return dschema.Schema{
				MarkdownDescription: "Reads one AximCommerce customer by `id` or by `email` (set exactly one; e-mails are unique in a store).",
				Attributes:          customerDataSourceAttributes(lookupByKey),
			}
		},
		Keys: []string{"id", "email"},
		Bind: platform.Bind(about, func(c *Client) map[string]crud.Lookup[Customer] {
			return map[string]crud.Lookup[Customer]{"id": c.GetCustomer, "email": crud.MustFind("Axim customer", "email", c.FindCustomer)}
		}),
	})
}

// NewCustomersDataSource is crm_axim_customers: customers, filtered by
// status or e-mail.
func NewCustomersDataSource() datasource.DataSource {
	return crud.NewListDataSource[customersModel](crud.ListSpec[customersModel, Customer]{
		TypeName: "_axim_customers",
		What:     "Axim customers",
		Schema: func() dschema.Schema {
			return dschema.Schema{
				MarkdownDescription: "Lists AximCommerce customers, paging through the API (10 a page, its maximum), " +
					"optionally filtered by `status` or `email`. To bring existing customers under Terraform, see the guide " +
					"\"Adopting existing customers\".",
				Attributes: crud.ListAttributes("customers", "customers", summaryAttributes(), map[string]dschema.Attribute{
					"status": dschema.StringAttribute{
						MarkdownDescription: "Only list customers with this status: `active`, `pending` or `inactive`.",
						Optional:            true,
						Validators:          []validator.String{stringvalidator.OneOf(statuses...)},
					},
					"email": dschema.StringAttribute{
						MarkdownDescription: "Only list the customer with this e-mail address.",
						Optional:            true,
						Validators:          []validator.String{fields.EmailFormat()},
					},
				}),
			}
		},
		Bind: platform.Bind(about, func(c *Client) func(context.Context, *customersModel) ([]Customer, error) {
			return func(ctx context.Context, m *customersModel) ([]Customer, error) {
				q := url.Values{}
				if s := m.Status.ValueString(); s != "" {
					q.Set("status", s)
				}
				if e := m.Email.ValueString(); e != "" {
					q.Set("email", e)
				}
				return c.ListCustomers(ctx, q)
			}
		}),
	})
}

type customersModel struct {
	Status    types.String      `tfsdk:"status"`
	Email     types.String      `tfsdk:"email"`
	IDs       []types.String    `tfsdk:"ids"`
	Customers []customerSummary `tfsdk:"customers"`
}

// customerSummary is a listed customer. The framework cannot hold
// meta_fields (a dynamic value) inside a list, so a list shows the main
// fields; crm_axim_customer reads the rest.
type customerSummary struct {
	ID        types.String `tfsdk:"id"`
	Email     types.String `tfsdk:"email"`
	FirstName types.String `tfsdk:"first_name"`
	LastName  types.String `tfsdk:"last_name"`
	Status    types.String `tfsdk:"status"`
	CreatedAt types.String `tfsdk:"created_at"`
}

func (m *customersModel) SetListed(all []Customer) {
	m.IDs = make([]types.String, len(all))
	m.Customers = make([]customerSummary, len(all))
	for i, c := range all {
		m.IDs[i] = types.StringValue(c.ID)
		m.Customers[i] = customerSummary{
			ID: m.IDs[i], Email: types.StringValue(c.Email), FirstName: types.StringValue(c.FirstName),
			LastName: types.StringValue(c.LastName), Status: types.StringValue(c.Status), CreatedAt: types.StringValue(c.CreatedAt),
		}
	}
}
