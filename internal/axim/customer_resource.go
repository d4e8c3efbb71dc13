package axim

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	rschema "github.com/hashicorp/terraform-plugin-framework/resource/schema"

	"github.com/customerops/terraform-provider-crm/internal/crud"
)

type customerResourceModel struct {
	customerModel
	Timeouts timeouts.Value `tfsdk:"timeouts"`
}

func (m *customerResourceModel) RecordTimeouts() timeouts.Value { return m.Timeouts }

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
				Blocks: map[string]rschema.Block{
					"timeouts": timeouts.Block(ctx, timeouts.Opts{Create: true, Update: true, Delete: true}),
				},
			}
		},
		Bind: func(providerData any, diags *diag.Diagnostics) *crud.Ops[customerResourceModel, Customer] {
			c := clientFrom(providerData, diags)
			if c == nil {
				return nil
			}
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
				Read: c.RefreshCustomer,
				Update: func(ctx context.Context, ch crud.Change[customerResourceModel]) (*Customer, error) {
					in, err := ch.Plan.toInput(ctx)
					if err != nil {
						return nil, err
					}
					return c.UpdateCustomer(ctx, ch.State.RecordID(), in)
				},
				Delete: c.DeleteCustomer,
			}
		},
		CheckID:   CheckID,
		IDExample: "638df9e713920facde1a1cfa",
	})
}

// importHint tells the user how to manage the customer Axim already has
// with this e-mail, naming its id when a lookup finds it.
func importHint(ctx context.Context, c *Client, email string) string {
	id := "<customer id>"
	if found, err := c.FindByEmail(ctx, email); err == nil && found != nil {
		id = found.ID
	}
	return fmt.Sprintf("An Axim customer with e-mail %q already exists (%s). To manage it with Terraform, import it:\n"+
		"  terraform import <resource address> %s\nor with an import block:\n"+
		"  import {\n    to = <resource address>\n    id = %q\n  }", email, id, id, id)
}
