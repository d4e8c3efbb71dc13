package razorpay

import (
	"context"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"

	"github.com/customerops/terraform-provider-crm/internal/crud"
)

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
