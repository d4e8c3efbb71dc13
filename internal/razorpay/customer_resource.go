package razorpay

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	rschema "github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/booldefault"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/customerops/terraform-provider-crm/internal/crud"
)

// NewCustomerResource is crm_razorpay_customer: the shared crud flow, with
// Razorpay's create (adoption), plan-time refusals and no delete.
func NewCustomerResource() resource.Resource {
	return crud.NewResource[customerResourceModel](crud.Spec[customerResourceModel, Customer]{
		TypeName:   "_razorpay_customer",
		Schema:     customerSchema,
		Bind:       bind,
		CheckID:    CheckID,
		IDExample:  "cust_1Aa00000000004",
		ModifyPlan: refuseImpossibleReplacement,
		Forget:     forgetWarning,
	})
}

type customerResourceModel struct {
	customerModel
	AdoptExisting types.Bool     `tfsdk:"adopt_existing"`
	Timeouts      timeouts.Value `tfsdk:"timeouts"`
}

func (m *customerResourceModel) RecordTimeouts() timeouts.Value { return m.Timeouts }

// FromAPI also settles adopt_existing after an import, which leaves it null.
func (m *customerResourceModel) FromAPI(c *Customer) {
	m.customerModel.FromAPI(c)
	if m.AdoptExisting.IsNull() || m.AdoptExisting.IsUnknown() {
		m.AdoptExisting = types.BoolValue(false)
	}
}

const resourceDescription = `A Razorpay customer.

~> **Razorpay cannot delete customers.** Destroying this resource only removes it from the Terraform state and ` +
	`warns with the customer's id; the customer stays in Razorpay. No request is sent.

` + "`name`, `contact` and `email` are changed in place with Razorpay's edit (`PUT /customers/{id}`), which carries " +
	"exactly those three. `gstin` and `notes` can only be set at creation, so changing them **replaces** the customer: " +
	"a new customer is created and the old one is left behind in Razorpay with its old values. Because Razorpay refuses " +
	"a second customer with the same `email` and `contact`, a replacement must also change one of them; the plan fails " +
	"with an explanation otherwise.\n\n" +
	"A customer with this `email` and `contact` may already exist. By default creation then fails with Razorpay's " +
	"message and the existing customer's id, ready for `terraform import`. With `adopt_existing = true` the existing customer " +
	"is adopted instead: if its name differs, it is edited to the configured one at once; if its `gstin` or `notes` " +
	"differ (they cannot be edited), creation fails and says so. A create whose answer is lost is reconciled the same " +
	"way, by looking the customer up by `email` and `contact`, so a retry never makes a second customer."

func customerSchema(ctx context.Context) rschema.Schema {
	attrs := customerResourceAttributes()
	attrs["adopt_existing"] = rschema.BoolAttribute{
		MarkdownDescription: "What to do when Razorpay already has a customer with this `email` and `contact`: `false` " +
			"(the default) fails and suggests `terraform import`; `true` adopts it (sent as `fail_existing = \"0\"`). " +
			"Only used at creation: changing it later (or setting it to `true` on an imported customer) plans an update " +
			"that only records the value in state and sends nothing to Razorpay.",
		Optional: true,
		Computed: true,
		Default:  booldefault.StaticBool(false),
	}
	return rschema.Schema{
		MarkdownDescription: resourceDescription,
		Attributes:          attrs,
		Blocks: map[string]rschema.Block{
			// No delete timeout: delete sends nothing.
			"timeouts": timeouts.Block(ctx, timeouts.Opts{Create: true, Update: true}),
		},
	}
}

// bind builds the operations on the Razorpay client. Delete stays nil:
// Razorpay has no API to delete a customer, so destroy only forgets it.
func bind(providerData any, diags *diag.Diagnostics) *crud.Ops[customerResourceModel, Customer] {
	c := clientFrom(providerData, diags)
	if c == nil {
		return nil
	}
	cr := customers{client: c}
	return &crud.Ops[customerResourceModel, Customer]{
		What:   "Razorpay customer",
		Create: cr.create,
		Read:   c.GetCustomer,
		Update: func(ctx context.Context, ch crud.Change[customerResourceModel]) (*Customer, error) {
			return c.UpdateCustomer(ctx, ch.State.RecordID(), ch.Plan.toEditInput())
		},
		// adopt_existing and timeouts live in Terraform alone (after an
		// import, `adopt_existing = true` plans one such update), and a
		// gstin differing only in case is the same gstin to Razorpay: the
		// edit is sent only when name, contact or email change.
		NeedsUpdate: func(ch crud.Change[customerResourceModel]) bool {
			return ch.Plan.toEditInput() != ch.State.toEditInput()
		},
	}
}
