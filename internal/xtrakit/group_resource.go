package xtrakit

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/resource"
	rschema "github.com/hashicorp/terraform-plugin-framework/resource/schema"

	"github.com/customerops/terraform-provider-crm/internal/crud"
	"github.com/customerops/terraform-provider-crm/internal/platform"
)

type groupResourceModel struct {
	groupModel
	crud.Timeouts
}

// NewCustomerGroupResource is crm_xtrakit_customer_group.
func NewCustomerGroupResource() resource.Resource {
	return crud.NewResource[groupResourceModel](crud.Spec[groupResourceModel, Group]{
		TypeName: "_xtrakit_customer_group",
		Schema: func(ctx context.Context) rschema.Schema {
			return rschema.Schema{
				MarkdownDescription: "An Xtrakit customer group. Updates send Xtrakit's edit `PUT /customer-groups/{id}`. " +
					"Xtrakit refuses to delete a group that still has customers (HTTP 409): move or delete them first.",
				Attributes: groupResourceAttributes(),
			}
		},
		Bind: platform.Bind(about, func(c *Client) *crud.Ops[groupResourceModel, Group] {
			return &crud.Ops[groupResourceModel, Group]{
				What: "Xtrakit customer group",
				Create: func(ctx context.Context, ch crud.Change[groupResourceModel]) (*Group, error) {
					return c.CreateGroup(ctx, ch.Plan.toInput())
				},
				Read: c.ReadGroup,
				Update: func(ctx context.Context, ch crud.Change[groupResourceModel]) (*Group, error) {
					return c.UpdateGroup(ctx, ch.State.RecordID(), ch.Plan.toInput())
				},
				Delete: c.DeleteGroup,
			}
		}),
		CheckID:   IDs.Check,
		IDExample: "7",
	})
}
