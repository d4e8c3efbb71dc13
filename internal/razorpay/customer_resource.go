package razorpay

import (
	"context"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	rschema "github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/booldefault"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/customerops/terraform-provider-crm/internal/crud"
	"github.com/customerops/terraform-provider-crm/internal/fields"
	"github.com/customerops/terraform-provider-crm/internal/platform"
)

// NewCustomerResource is crm_razorpay_customer: the shared crud flow, with
// Razorpay's create (adoption), plan-time refusals and no delete.
func NewCustomerResource() resource.Resource {
	return crud.NewResource[customerResourceModel](crud.Spec[customerResourceModel, Customer]{
		TypeName:   "_razorpay_customer",
		Schema:     customerSchema,
		Bind:       platform.Bind(about, bind),
		CheckID:    IDs.Check,
		IDExample:  "cust_1Aa00000000004",
		ModifyPlan: refuseImpossibleReplacement,
		Forget:     forgetWarning,
	})
}

type customerResourceModel struct {
	customerModel
	AdoptExisting types.Bool `tfsdk:"adopt_existing"`
	crud.Timeouts
}

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

func customerSchema(context.Context) rschema.Schema {
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
	}
}

// bind builds the operations on the Razorpay client. Delete stays nil:
// Razorpay has no API to delete a customer, so destroy only forgets it.
func bind(c *Client) *crud.Ops[customerResourceModel, Customer] {
	cr := customers{client: c}
	return &crud.Ops[customerResourceModel, Customer]{
		What:   "Razorpay customer",
		Create: cr.create,
		Read:   c.ReadCustomer,
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

// customers are the calls of crm_razorpay_customer that take more than one
// request.
type customers struct{ client *Client }

// create makes the customer, or adopts the one Razorpay already has with
// this email + contact (adopt_existing, or a lost create answer), and then
// converges it on the configuration.
func (r customers) create(ctx context.Context, ch crud.Change[customerResourceModel]) (*Customer, error) {
	m := ch.Plan
	c, err := r.client.CreateCustomer(ctx, m.toCreateInput(m.AdoptExisting.ValueBool()))
	if IsDuplicate(err) {
		return nil, crud.WithHint(err, r.importHint(ctx, m))
	}
	if err != nil {
		return nil, err
	}
	return r.converge(ctx, m, c)
}

// converge makes an adopted customer match the configuration. name,
// contact and email are edited at once, so the apply ends with what was
// planned; gstin and notes cannot be edited, so a difference is an error
// rather than a replacement that would adopt the same customer again.
func (r customers) converge(ctx context.Context, m *customerResourceModel, c *Customer) (*Customer, error) {
	want := m.toCreateInput(false)
	var differ []string
	if !strings.EqualFold(deref(c.GSTIN), deref(want.GSTIN)) {
		differ = append(differ, fmt.Sprintf("gstin is %q in Razorpay, %q in the configuration", deref(c.GSTIN), deref(want.GSTIN)))
	}
	if !sameNotes(c.Notes, want.Notes) {
		differ = append(differ, fmt.Sprintf("notes are %s in Razorpay, %s in the configuration", notesText(c.Notes), notesText(want.Notes)))
	}
	if len(differ) > 0 {
		return nil, fmt.Errorf("customer %s already exists in Razorpay with email %q and contact %q, and adopting it would "+
			"not match the configuration: %s. Razorpay cannot edit gstin or notes: set them to the customer's values (and "+
			"import it or keep adopt_existing = true), or use another email or contact to create a new customer",
			c.ID, want.Email, want.Contact, strings.Join(differ, "; "))
	}
	// A platform that stores the name trimmed or the e-mail in lower case
	// answers the same customer: nothing to edit.
	if fields.SameText(c.Name, want.Name) && fields.SameText(c.Contact, want.Contact) && fields.SameEmail(c.Email, want.Email) {
		return c, nil
	}
	edited, err := r.client.UpdateCustomer(ctx, c.ID, m.toEditInput())
	if err != nil {
		// Keep the customer in state (tainted) rather than lose track of it.
		return c, err
	}
	return edited, nil
}

// importHint tells the user how to manage the customer Razorpay already
// has, naming its id when a lookup finds it.
func (r customers) importHint(ctx context.Context, m *customerResourceModel) string {
	id := "<customer id>"
	if found, err := r.client.FindCustomer(ctx, m.Email.ValueString(), m.Contact.ValueString()); err == nil && found != nil {
		id = found.ID
	}
	return fmt.Sprintf("A Razorpay customer with email %q and contact %q already exists (%s). To manage it with Terraform, "+
		"import it: `terraform import <resource address> %s` (or an `import` block), or set `adopt_existing = true`. "+
		"To create a separate customer, use another email or contact.", m.Email.ValueString(), m.Contact.ValueString(), id, id)
}

func deref(p *string) string {
	if p == nil {
		return ""
	}
	return *p
}

// forgetWarning is what destroy (and so a replacement) leaves behind.
func forgetWarning(id string) diag.Diagnostic {
	return diag.NewWarningDiagnostic("Razorpay customer "+id+" still exists in Razorpay",
		fmt.Sprintf("Razorpay has no API to delete a customer, so Terraform only removed %s from its state; nothing was "+
			"sent to Razorpay. If it was replaced (gstin or notes changed), the old customer %s stays in Razorpay with its "+
			"old values, next to the new one. Remove it from the Razorpay Dashboard if needed, or bring it back under "+
			"Terraform with `terraform import`.", id, id))
}

// refuseImpossibleReplacement refuses, at plan time, a replacement that
// cannot work: the old customer stays in Razorpay (there is no delete), and
// Razorpay refuses (or, with adopt_existing, hands back) a second customer
// with the same email + contact. Failing at apply instead would leave the
// old customer forgotten by Terraform and no new one.
func refuseImpossibleReplacement(_ context.Context, ch crud.Change[customerResourceModel], diags *diag.Diagnostics) {
	state, plan := ch.State, ch.Plan
	if state == nil {
		return // create
	}
	if plan.Email.IsUnknown() || plan.Contact.IsUnknown() || plan.GSTIN.IsUnknown() || plan.Notes.IsUnknown() {
		return
	}
	sameKey := strings.EqualFold(plan.Email.ValueString(), state.Email.ValueString()) && plan.Contact.Equal(state.Contact)
	if !sameKey {
		return
	}
	var changed []string
	if !strings.EqualFold(plan.GSTIN.ValueString(), state.GSTIN.ValueString()) || plan.GSTIN.IsNull() != state.GSTIN.IsNull() {
		changed = append(changed, "gstin")
	}
	if !sameNotes(notesToAPI(plan.Notes), notesToAPI(state.Notes)) {
		changed = append(changed, "notes")
	}
	for _, name := range changed {
		diags.AddAttributeError(path.Root(name), "Razorpay customer "+state.ID.ValueString()+" cannot be replaced with the same email and contact",
			fmt.Sprintf("Razorpay cannot edit %s, so changing it replaces the customer. But Razorpay cannot delete the current "+
				"customer either, and refuses a second one with the same email (%s) and contact (%s). Either keep %s as it is "+
				"(currently %s), or also change email or contact so a new customer can be created; the old one will stay in Razorpay.",
				name, state.Email.ValueString(), state.Contact.ValueString(), name, currentValue(name, state)))
	}
}

func currentValue(name string, m *customerResourceModel) string {
	if name == "notes" {
		return notesText(notesToAPI(m.Notes))
	}
	if m.GSTIN.IsNull() {
		return "unset"
	}
	return fmt.Sprintf("%q", m.GSTIN.ValueString())
}
