package axim

import (
	"context"
	"iter"
	"net/url"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/list"
	listschema "github.com/hashicorp/terraform-plugin-framework/list/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/customerops/terraform-provider-crm/internal/crud"
	"github.com/customerops/terraform-provider-crm/internal/platform"
)

// customerFilters are crm_axim_customer's list block `config`: each one is
// one of the list's own filters (CONTRACT.md §2), sent as it is written.
type customerFilters struct {
	Email   types.String `tfsdk:"email"`
	Status  types.String `tfsdk:"status"`
	Company types.String `tfsdk:"company_id"`
}

// query is the list's filters for f; the unset ones are left out.
func (f *customerFilters) query() url.Values {
	q := url.Values{}
	for param, v := range map[string]types.String{"email": f.Email, "status": f.Status, "company": f.Company} {
		if !v.IsNull() {
			q.Set(param, v.ValueString())
		}
	}
	return q
}

// NewCustomerListResource lists AximCommerce customers for `terraform
// query` and `generate`.
func NewCustomerListResource() list.ListResource {
	return crud.NewListResource[customerFilters, customerResourceModel](crud.QuerySpec[customerFilters, customerResourceModel, Customer]{
		TypeName: "_axim_customer",
		What:     "Axim customers",
		Description: "Lists AximCommerce customers, in the order Axim keeps them (oldest first), 10 a page: all of them, " +
			"or those matching `email`, `status` and `company_id` (every filter is Axim's own, applied by the API; set " +
			"several and a customer must match them all).",
		Filters: map[string]listschema.Attribute{
			"email": listschema.StringAttribute{
				MarkdownDescription: "Only the customer with this e-mail, in any case (sent as `email`).",
				Optional:            true,
			},
			"status": listschema.StringAttribute{
				MarkdownDescription: "Only the customers with this status: `active`, `pending` or `inactive` (sent as `status`).",
				Optional:            true,
				Validators:          []validator.String{stringvalidator.OneOf(statuses...)},
			},
			"company_id": listschema.StringAttribute{
				MarkdownDescription: "Only the customers of this company (B2B account), by its id (sent as `company`).",
				Optional:            true,
			},
		},
		Bind: platform.Bind(about, func(c *Client) func(context.Context, *customerFilters) iter.Seq2[Customer, error] {
			return func(ctx context.Context, f *customerFilters) iter.Seq2[Customer, error] {
				return c.EachCustomer(ctx, f.query())
			}
		}),
		DisplayName: func(cu *Customer) string {
			return crud.DisplayName(crud.FullName(cu.FirstName, cu.LastName), cu.Email, cu.ID)
		},
	})
}
