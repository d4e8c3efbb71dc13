package axim

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/resource"
	rschema "github.com/hashicorp/terraform-plugin-framework/resource/schema"

	"github.com/customerops/terraform-provider-crm/internal/crud"
	"github.com/customerops/terraform-provider-crm/internal/platform"
)

type customerResourceModel struct {
	customerModel
	crud.Timeouts
}

// NewCustomerResource is crm_axim_customer.
func NewCustomerResource() resource.Resource {
	return crud.NewResource[customerResourceModel](crud.Spec[customerResourceModel, Customer]{
		TypeName: "_axim_customer",
		Schema: func(ctx context.Context) rschema.Schema {
			return rschema.Schema{
				MarkdownDescription: "An AximCommerce customer, with its addresses and meta fields. Updates send Axim's " +
					"`PUT /customers/{id}` with the whole record (Axim clears what a PUT leaves out), so anything changed " +
					"outside Terraform shows as drift and is put back on apply.",
				Attributes: customerResourceAttributes(),
			}
		},
		Bind: platform.Bind(about, func(c *Client) *crud.Ops[customerResourceModel, Customer] {
			return &crud.Ops[customerResourceModel, Customer]{
				What: "Axim customer",
				Create: func(ctx context.Context, ch crud.Change[customerResourceModel]) (*Customer, error) {
					in, err := ch.Plan.toInput(ctx)
					if err != nil {
						return nil, err
					}
					created, err := c.CreateCustomer(ctx, in)
					if IsDuplicate(err) {
						return nil, crud.WithHint(err, importHint(ctx, c, in.Email))
					}
					return created, err
				},
				Read: c.ReadCustomer,
				Update: func(ctx context.Context, ch crud.Change[customerResourceModel]) (*Customer, error) {
					in, err := ch.Plan.toInput(ctx)
					if err != nil {
						return nil, err
					}
					return c.UpdateCustomer(ctx, ch.State.RecordID(), in)
				},
				Delete: c.DeleteCustomer,
			}
		}),
		CheckID:   IDs.Check,
		IDExample: "638df9e713920facde1a1cfa",
	})
}

// importHint tells the user how to manage the customer Axim already has
// with this e-mail, naming its id when a lookup finds it.
func importHint(ctx context.Context, c *Client, email string) string {
	var id string
	if found, err := c.FindCustomer(ctx, email); err == nil && found != nil {
		id = found.ID
	}
	return crud.ImportHint(fmt.Sprintf("An Axim customer with e-mail %q", email), id)
}
