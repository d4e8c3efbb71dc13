package razorpay

import (
	"context"
	"fmt"
	"iter"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/list"
	listschema "github.com/hashicorp/terraform-plugin-framework/list/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/customerops/terraform-provider-crm/internal/crud"
	"github.com/customerops/terraform-provider-crm/internal/fields"
	"github.com/customerops/terraform-provider-crm/internal/platform"
)

// customerFilters are crm_razorpay_customer's list block `config`. Razorpay's
// list filters nothing (count and skip only, CONTRACT.md §2): the provider
// applies both.
type customerFilters struct {
	Email        types.String `tfsdk:"email"`
	CreatedAfter types.String `tfsdk:"created_after"`
}

// NewCustomerListResource lists Razorpay customers for `terraform query`
// and `generate`.
func NewCustomerListResource() list.ListResource {
	return crud.NewListResource[customerFilters, customerResourceModel](crud.QuerySpec[customerFilters, customerResourceModel, Customer]{
		TypeName: "_razorpay_customer",
		What:     "Razorpay customers",
		Description: "Lists Razorpay customers, newest first as Razorpay lists them, 100 a page: all of them, those with " +
			"an `email`, or those created after `created_after`. Razorpay's list has no filters: the provider applies " +
			"both. With `created_after` the listing ends at the first older customer, so the pages of older customers " +
			"are never read; `email` alone reads every page (until `limit` customers match).",
		Filters: map[string]listschema.Attribute{
			"email": listschema.StringAttribute{
				MarkdownDescription: "Only the customers with this e-mail, compared case-insensitively (Razorpay keeps only " +
					"`email` + `contact` unique, so there may be several). Razorpay cannot filter by e-mail: the provider " +
					"reads the list and keeps the matches.",
				Optional: true,
			},
			"created_after": listschema.StringAttribute{
				MarkdownDescription: "Only the customers created after this time, an RFC 3339 timestamp such as " +
					"`2024-08-12T07:03:13Z` (Razorpay's creation times are whole seconds; a fraction is dropped, as Stripe's " +
					"`created[gt]` does). Razorpay cannot filter by date: the provider reads the list, newest first, and stops " +
					"at the first customer created at that time or before.",
				Optional:   true,
				Validators: []validator.String{fields.RFC3339()},
			},
		},
		Bind: platform.Bind(about, func(c *Client) func(context.Context, *customerFilters) iter.Seq2[Customer, error] {
			return func(ctx context.Context, f *customerFilters) iter.Seq2[Customer, error] {
				all := c.EachCustomer(ctx)
				if !f.CreatedAfter.IsNull() {
					after, err := time.Parse(time.RFC3339, f.CreatedAfter.ValueString())
					if err != nil { // refused at plan time already
						return func(yield func(Customer, error) bool) {
							yield(Customer{}, fmt.Errorf("created_after: %w", err))
						}
					}
					// Before the e-mail filter: the first older customer ends
					// the listing, whatever its e-mail.
					all = crud.While(all, func(cu *Customer) bool { return cu.CreatedAt > after.Unix() })
				}
				if !f.Email.IsNull() {
					email := f.Email.ValueString()
					all = crud.Where(all, func(cu *Customer) bool { return strings.EqualFold(cu.Email, email) })
				}
				return all
			}
		}),
		DisplayName: func(cu *Customer) string { return crud.DisplayName(cu.Name, cu.Email, cu.ID) },
	})
}
