package webcommander

import (
	"context"
	"iter"
	"strconv"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/list"
	listschema "github.com/hashicorp/terraform-plugin-framework/list/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/customerops/terraform-provider-crm/internal/crud"
	"github.com/customerops/terraform-provider-crm/internal/platform"
)

// customerFilters are crm_webcommander_customer's list block `config`.
type customerFilters struct {
	Email  types.String `tfsdk:"email"`
	Status types.String `tfsdk:"status"`
}

// NewCustomerListResource lists WebCommander customers for `terraform
// query` and `generate`.
func NewCustomerListResource() list.ListResource {
	return crud.NewListResource[customerFilters, customerResourceModel](crud.QuerySpec[customerFilters, customerResourceModel, Customer]{
		TypeName: "_webcommander_customer",
		What:     "WebCommander customers",
		Description: "Lists WebCommander customers, in id order, 20 a page: all of them, the one with an `email` " +
			"(filtered by WebCommander), or those with a `status` (filtered by the provider: WebCommander's list has " +
			"no status filter). Set both and a customer must match both.",
		Filters: map[string]listschema.Attribute{
			"email": listschema.StringAttribute{
				MarkdownDescription: "Only the customer with this e-mail, in any case (sent as `email`; WebCommander filters it).",
				Optional:            true,
			},
			"status": listschema.StringAttribute{
				MarkdownDescription: "Only the customers with this status: `active`, `inactive`, `pending`, `approval_awaiting` " +
					"or `awaiting_verification`. WebCommander cannot filter by status: the provider reads the list and keeps " +
					"the matches, so it reads every page (up to `limit` matches).",
				Optional:   true,
				Validators: []validator.String{stringvalidator.OneOf(statuses...)},
			},
		},
		Bind: platform.Bind(about, func(c *Client) func(context.Context, *customerFilters) iter.Seq2[Customer, error] {
			return func(ctx context.Context, f *customerFilters) iter.Seq2[Customer, error] {
				all := c.EachCustomer(ctx, f.Email.ValueString())
				if !f.Status.IsNull() {
					status := f.Status.ValueString()
					return crud.Where(all, func(cu *Customer) bool { return cu.Status == status })
				}
				return all
			}
		}),
		DisplayName: func(cu *Customer) string {
			return crud.DisplayName(crud.FullName(cu.FirstName, deref(cu.LastName)), deref(cu.Email), strconv.FormatInt(cu.ID, 10))
		},
	})
}

func deref(p *string) string {
	if p == nil {
		return ""
	}
	return *p
}
