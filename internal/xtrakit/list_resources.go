package xtrakit

import (
	"context"
	"iter"
	"strconv"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework/list"
	listschema "github.com/hashicorp/terraform-plugin-framework/list/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/customerops/terraform-provider-crm/internal/crud"
	"github.com/customerops/terraform-provider-crm/internal/fields"
	"github.com/customerops/terraform-provider-crm/internal/platform"
)

// customerFilters are crm_xtrakit_customer's list block `config`.
type customerFilters struct {
	GroupID types.Int64  `tfsdk:"group_id"`
	Email   types.String `tfsdk:"email"`
}

// NewCustomerListResource lists Xtrakit customers for `terraform query`
// and `generate`.
func NewCustomerListResource() list.ListResource {
	return crud.NewListResource[customerFilters, customerResourceModel](crud.QuerySpec[customerFilters, customerResourceModel, Customer]{
		TypeName: "_xtrakit_customer",
		What:     "Xtrakit customers",
		Description: "Lists Xtrakit customers, in id order: all of them, one group's (filtered by Xtrakit), " +
			"or those with one e-mail (filtered by the provider, any case: Xtrakit's list has no e-mail filter).",
		Filters: map[string]listschema.Attribute{
			"group_id": listschema.Int64Attribute{
				MarkdownDescription: "Only the customers of this group (sent as `customer_group_id`). A positive integer.",
				Optional:            true,
				Validators:          []validator.Int64{int64validator.AtLeast(1)},
			},
			"email": listschema.StringAttribute{
				MarkdownDescription: "Only the customers with this e-mail, compared case-insensitively. Xtrakit cannot filter by e-mail: " +
					"the provider reads the whole list and keeps the matches.",
				Optional: true,
			},
		},
		Bind: platform.Bind(about, func(c *Client) func(context.Context, *customerFilters) iter.Seq2[Customer, error] {
			return func(ctx context.Context, f *customerFilters) iter.Seq2[Customer, error] {
				all := c.EachCustomer(ctx, fields.Int64Pointer(f.GroupID))
				if email := f.Email.ValueString(); email != "" {
					return crud.Where(all, func(cu *Customer) bool { return strings.EqualFold(deref(cu.CustomerEmail), email) })
				}
				return all
			}
		}),
		DisplayName: func(cu *Customer) string {
			return crud.DisplayName(cu.CustomerName, deref(cu.CustomerEmail), strconv.FormatInt(cu.ID, 10))
		},
	})
}

// NewCustomerGroupListResource lists Xtrakit customer groups.
func NewCustomerGroupListResource() list.ListResource {
	return crud.NewListResource[struct{}, groupResourceModel](crud.QuerySpec[struct{}, groupResourceModel, Group]{
		TypeName:    "_xtrakit_customer_group",
		What:        "Xtrakit customer groups",
		Description: "Lists every Xtrakit customer group, in id order.",
		Bind: platform.Bind(about, func(c *Client) func(context.Context, *struct{}) iter.Seq2[Group, error] {
			return func(ctx context.Context, _ *struct{}) iter.Seq2[Group, error] { return c.EachGroup(ctx) }
		}),
		DisplayName: func(g *Group) string { return crud.DisplayName(g.GroupName, "", strconv.FormatInt(g.ID, 10)) },
	})
}
