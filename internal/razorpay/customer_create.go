package razorpay

import (
	"context"
	"fmt"
	"strings"

	"github.com/customerops/terraform-provider-crm/internal/crud"
)

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
	if c.Name == want.Name && c.Contact == want.Contact && strings.EqualFold(c.Email, want.Email) {
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
