package stripe

import (
	"context"
	"fmt"
	"iter"
	"net/url"
	"strconv"
	"time"

	fwlist "github.com/hashicorp/terraform-plugin-framework/list"
	listschema "github.com/hashicorp/terraform-plugin-framework/list/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/customerops/terraform-provider-crm/internal/crud"
	"github.com/customerops/terraform-provider-crm/internal/fields"
	"github.com/customerops/terraform-provider-crm/internal/platform"
)

// customerFilters are crm_stripe_customer's list block `config`.
type customerFilters struct {
	Email        types.String `tfsdk:"email"`
	CreatedAfter types.String `tfsdk:"created_after"`
}

// query is the list's filters as Stripe takes them (CONTRACT.md §2): both
// are applied by Stripe.
func (f *customerFilters) query() (url.Values, error) {
	q := url.Values{}
	if e := f.Email.ValueString(); e != "" {
		q.Set("email", e)
	}
	if s := f.CreatedAfter.ValueString(); s != "" {
		t, err := time.Parse(time.RFC3339, s)
		if err != nil {
			return nil, fmt.Errorf("created_after: %w", err) // refused at plan time already
		}
		// Whole seconds, rounded down: created is whole seconds, so
		// "after 10:00:00.5" is created[gt] 10:00:00.
		q.Set("created[gt]", strconv.FormatInt(t.Unix(), 10))
	}
	return q, nil
}

// NewCustomerListResource lists Stripe customers for `terraform query`
// and `generate`.
func NewCustomerListResource() fwlist.ListResource {
	return crud.NewListResource[customerFilters, customerResourceModel](crud.QuerySpec[customerFilters, customerResourceModel, Customer]{
		TypeName: "_stripe_customer",
		What:     "Stripe customers",
		Description: "Lists Stripe customers, newest first, 100 a page (`starting_after` cursors): all of them, or those " +
			"with one e-mail, or those created after a time (both filtered by Stripe).",
		Filters: map[string]listschema.Attribute{
			"email": listschema.StringAttribute{
				MarkdownDescription: "Only the customers with exactly this e-mail (sent as `email`). Stripe matches it **exactly, " +
					"case included**: `Jane@example.com` does not find `jane@example.com`. At most 512 characters; `\"\"` is no filter.",
				Optional:   true,
				Validators: []validator.String{fields.MaxLength(512)},
			},
			"created_after": listschema.StringAttribute{
				MarkdownDescription: "Only the customers created after this time, an RFC 3339 timestamp such as " +
					"`2025-01-31T00:00:00Z` (sent as `created[gt]`, in Unix seconds).",
				Optional:   true,
				Validators: []validator.String{fields.RFC3339()},
			},
		},
		Bind: platform.Bind(about, func(c *Client) func(context.Context, *customerFilters) iter.Seq2[Customer, error] {
			return func(ctx context.Context, f *customerFilters) iter.Seq2[Customer, error] {
				q, err := f.query()
				if err != nil {
					return func(yield func(Customer, error) bool) { yield(Customer{}, err) }
				}
				return c.EachCustomer(ctx, q)
			}
		}),
		DisplayName: func(cu *Customer) string { return crud.DisplayName(deref(cu.Name), deref(cu.Email), cu.ID) },
	})
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}
