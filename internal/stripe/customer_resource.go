package stripe

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

const resourceDescription = "A Stripe customer, with its address, shipping details and metadata. Updates send Stripe's " +
	"`POST /v1/customers/{id}` with only the parameters that changed: a cleared field is sent empty (`description=`), a " +
	"removed metadata key as `metadata[key]=`.\n\n" +
	"**Creates and lost answers.** The other platforms look a customer up by its natural key (an e-mail) when a create's " +
	"answer is lost, before trying again. Stripe has no unique natural key (many customers may share an e-mail), so " +
	"instead every create carries an `Idempotency-Key`, the same on every retry of that create: a retry after a lost " +
	"answer, a timeout or a 502/503/504 gets back the customer the first attempt made (Stripe replays its answer) and " +
	"never makes a second one. No lookup is made. Stripe keeps a key for 24 hours; a new `terraform apply` is a new create " +
	"with a new key.\n\n" +
	"A customer deleted outside Terraform (Stripe still answers it, with `deleted: true`) is gone: it is removed from " +
	"state and the next apply creates a new one."

// NewCustomerResource is crm_stripe_customer.
func NewCustomerResource() resource.Resource {
	return crud.NewResource[customerResourceModel](crud.Spec[customerResourceModel, Customer]{
		TypeName: "_stripe_customer",
		Schema: func(ctx context.Context) rschema.Schema {
			return rschema.Schema{MarkdownDescription: resourceDescription, Attributes: customerResourceAttributes()}
		},
		Bind: platform.Bind(about, func(c *Client) *crud.Ops[customerResourceModel, Customer] {
			return &crud.Ops[customerResourceModel, Customer]{
				What: "Stripe customer",
				Create: func(ctx context.Context, ch crud.Change[customerResourceModel]) (*Customer, error) {
					return c.CreateCustomer(ctx, ch.Plan.toCreate(ctx))
				},
				Read: c.ReadCustomer,
				Update: func(ctx context.Context, ch crud.Change[customerResourceModel]) (*Customer, error) {
					return c.UpdateCustomer(ctx, ch.State.RecordID(), ch.Plan.toUpdate(ctx, &ch.State.customerModel))
				},
				Delete: c.DeleteCustomer,
			}
		}),
		CheckID:   IDs.Check,
		IDExample: "cus_NffrFeUfNV2Hib",
		FieldPath: paramPath,
	})
}
