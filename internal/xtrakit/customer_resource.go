package xtrakit

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/resource"
	rschema "github.com/hashicorp/terraform-plugin-framework/resource/schema"

	"github.com/customerops/terraform-provider-crm/internal/crud"
	"github.com/customerops/terraform-provider-crm/internal/platform"
)

type customerResourceModel struct {
	customerModel
	crud.Timeouts
}

// NewCustomerResource is crm_xtrakit_customer.
func NewCustomerResource() resource.Resource {
	return crud.NewResource[customerResourceModel](crud.Spec[customerResourceModel, Customer]{
		TypeName: "_xtrakit_customer",
		Schema: func(ctx context.Context) rschema.Schema {
			return rschema.Schema{
				MarkdownDescription: "An Xtrakit customer. Updates send Xtrakit's edit `PUT /customers/{id}` with the whole record, " +
					"so anything changed outside Terraform shows as drift and is put back on apply.",
				Attributes: customerResourceAttributes(),
			}
		},
		Bind: platform.Bind(about, func(c *Client) *crud.Ops[customerResourceModel, Customer] {
			return &crud.Ops[customerResourceModel, Customer]{
				What: "Xtrakit customer",
				Create: func(ctx context.Context, ch crud.Change[customerResourceModel]) (*Customer, error) {
					return c.CreateCustomer(ctx, ch.Plan.toInput())
				},
				Read: c.ReadCustomer,
				Update: func(ctx context.Context, ch crud.Change[customerResourceModel]) (*Customer, error) {
					return c.UpdateCustomer(ctx, ch.State.RecordID(), ch.Plan.toInput())
				},
				Delete: c.DeleteCustomer,
			}
		}),
		CheckID:   IDs.Check,
		IDExample: "42",
	})
}
