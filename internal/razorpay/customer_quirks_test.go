package razorpay_test

import (
	"fmt"
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/customerops/terraform-provider-crm/internal/acctest"
	"github.com/customerops/terraform-provider-crm/internal/sandbox"
	sbrazorpay "github.com/customerops/terraform-provider-crm/internal/sandbox/razorpay"
)

// TestAccRazorpayCustomer_adoptExistingFalse: a duplicate email + contact
// fails with Razorpay's message, the existing id and how to import it.
func TestAccRazorpayCustomer_adoptExistingFalse(t *testing.T) {
	s := newSandbox(t)
	seeded := sbrazorpay.StoreOf(s).Customers.Seed(sbxCustomer("Someone Else", "+919876543210", "gaurav.kumar@example.com"))
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{{
			Config: gaurav().config(s),
			ExpectError: regexp.MustCompile(`(?s)Customer already exists for the merchant.*` + seeded.ID +
				`.*terraform import\s+<resource address>\s+` + seeded.ID),
		}},
	})
	if n := len(sbrazorpay.StoreOf(s).Customers.List()); n != 1 {
		t.Errorf("the sandbox holds %d customers, want only the seeded one", n)
	}
}

// TestAccRazorpayCustomer_adoptExistingTrue: fail_existing "0" hands back
// the existing customer, whose name is then edited to the configured one.
func TestAccRazorpayCustomer_adoptExistingTrue(t *testing.T) {
	s := newSandbox(t)
	seeded := sbrazorpay.StoreOf(s).Customers.Seed(sbxCustomer("Old Name", "+919876543210", "Gaurav.Kumar@example.com"))
	c := gaurav()
	c.Adopt = ptr(true)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{{
			Config: c.config(s),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(customerAddr, tfjsonpath.New("id"), knownvalue.StringExact(seeded.ID)),
				statecheck.ExpectKnownValue(customerAddr, tfjsonpath.New("name"), knownvalue.StringExact("Gaurav Kumar")),
				statecheck.ExpectKnownValue(customerAddr, tfjsonpath.New("created_at"), knownvalue.Int64Exact(seeded.CreatedAt)),
				statecheck.ExpectKnownValue(customerAddr, tfjsonpath.New("adopt_existing"), knownvalue.Bool(true)),
			},
			Check: resource.ComposeAggregateTestCheckFunc(
				acctest.CheckLastBody(s, sbrazorpay.Name, "POST", map[string]any{
					"name": "Gaurav Kumar", "contact": "+919876543210", "email": "gaurav.kumar@example.com", "fail_existing": "0",
				}),
				acctest.CheckLastBody(s, sbrazorpay.Name, "PUT", map[string]any{
					"name": "Gaurav Kumar", "contact": "+919876543210", "email": "gaurav.kumar@example.com",
				}),
				storeCount(s, 1),
				func(*terraform.State) error {
					if got, _ := sbrazorpay.StoreOf(s).Customers.Get(seeded.ID); got.Name != "Gaurav Kumar" {
						return fmt.Errorf("adopted customer's name is %q, want the configured one", got.Name)
					}
					return nil
				},
			),
		}},
	})
}

// TestAccRazorpayCustomer_adoptExistingMismatch: an existing customer whose
// notes (not editable) differ cannot be adopted; nothing is created.
func TestAccRazorpayCustomer_adoptExistingMismatch(t *testing.T) {
	s := newSandbox(t)
	seed := sbxCustomer("Gaurav Kumar", "+919876543210", "gaurav.kumar@example.com")
	seed.Notes = map[string]string{"tier": "gold"}
	sbrazorpay.StoreOf(s).Customers.Seed(seed)
	c := gaurav()
	c.Adopt = ptr(true)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{{
			Config:      c.config(s),
			ExpectError: acctest.ErrorText(`notes are { tier = "gold" } in Razorpay, {} in the configuration`),
		}},
	})
	if n := len(sbrazorpay.StoreOf(s).Customers.List()); n != 1 {
		t.Errorf("the sandbox holds %d customers, want only the seeded one", n)
	}
}

// TestAccRazorpayCustomer_replaceOnGSTIN: a new gstin (with a new email, as
// Razorpay requires) replaces the customer; the old one stays in Razorpay.
func TestAccRazorpayCustomer_replaceOnGSTIN(t *testing.T) {
	s := newSandbox(t)
	before := gaurav()
	before.GSTIN = "29ABCDE1234F1Z5"
	after := before
	after.GSTIN, after.Email = "27ABCDE1234F1Z5", "gaurav.mumbai@example.com"
	var oldID string
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{Config: before.config(s), Check: captureID(&oldID)},
			{
				Config: after.config(s),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(customerAddr, plancheck.ResourceActionReplace)},
				},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(customerAddr, tfjsonpath.New("gstin"), knownvalue.StringExact("27ABCDE1234F1Z5")),
				},
				Check: resource.ComposeAggregateTestCheckFunc(
					storeCount(s, 2),
					func(st *terraform.State) error {
						old, ok := sbrazorpay.StoreOf(s).Customers.Get(oldID)
						if !ok || old.GSTIN == nil || *old.GSTIN != "29ABCDE1234F1Z5" {
							return fmt.Errorf("the replaced customer %s should stay in Razorpay unchanged, got %+v", oldID, old)
						}
						if stateID(st) == oldID {
							return fmt.Errorf("state still holds the replaced id")
						}
						return nil
					},
				),
			},
		},
	})
}

// TestAccRazorpayCustomer_replaceSameKey: a gstin change alone cannot
// work (the old customer stays and keeps the email + contact), so the plan
// fails and says what to do; the same GSTIN in another case is no change
// of GSTIN: an in-place update that sends nothing, then an empty plan.
func TestAccRazorpayCustomer_replaceSameKey(t *testing.T) {
	s := newSandbox(t)
	before := gaurav()
	before.GSTIN = "29ABCDE1234F1Z5"
	changed, recased := before, before
	changed.GSTIN = "27ABCDE1234F1Z5"
	recased.GSTIN = "29abcde1234f1z5"
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{Config: before.config(s)},
			{
				Config:      changed.config(s),
				PlanOnly:    true,
				ExpectError: acctest.ErrorText("cannot be replaced with the same email and contact"),
			},
			{
				Config: recased.config(s),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(customerAddr, plancheck.ResourceActionUpdate)},
				},
			},
			{
				Config: recased.config(s),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				Check: resource.ComposeAggregateTestCheckFunc(storeCount(s, 1), acctest.CheckRequestCount(s, sbrazorpay.Name, "POST", 1),
					acctest.CheckRequestCount(s, sbrazorpay.Name, "PUT", 0)),
			},
		},
	})
}

// TestAccRazorpayCustomer_emptyNotes: notes = {}, no notes and Razorpay's
// [] are the same; going from some notes to none replaces the customer.
func TestAccRazorpayCustomer_emptyNotes(t *testing.T) {
	s := newSandbox(t)
	empty := gaurav()
	empty.Notes = map[string]string{}
	omitted := gaurav()
	withNotes := gaurav()
	withNotes.Email, withNotes.Notes = "gaurav.2@example.com", map[string]string{"tier": "gold"}
	emptyAgain := withNotes
	emptyAgain.Email, emptyAgain.Notes = "gaurav.3@example.com", nil
	emptyPlan := resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}}
	noNotes := []statecheck.StateCheck{statecheck.ExpectKnownValue(customerAddr, tfjsonpath.New("notes"), knownvalue.MapSizeExact(0))}
	replace := resource.ConfigPlanChecks{
		PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(customerAddr, plancheck.ResourceActionReplace)},
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config:            empty.config(s),
				ConfigStateChecks: noNotes,
				// Empty notes are not sent at all.
				Check: acctest.CheckLastBody(s, sbrazorpay.Name, "POST", map[string]any{
					"name": "Gaurav Kumar", "contact": "+919876543210", "email": "gaurav.kumar@example.com", "fail_existing": "1",
				}),
			},
			{Config: omitted.config(s), ConfigPlanChecks: emptyPlan},
			{Config: empty.config(s), ConfigPlanChecks: emptyPlan},
			{ResourceName: customerAddr, ImportState: true, ImportStateVerify: true},
			{Config: withNotes.config(s), ConfigPlanChecks: replace},
			{Config: emptyAgain.config(s), ConfigPlanChecks: replace, ConfigStateChecks: noNotes, Check: storeCount(s, 3)},
		},
	})
}

// TestAccRazorpayCustomer_rateLimited: a 429 with Retry-After is waited out
// and retried.
func TestAccRazorpayCustomer_rateLimited(t *testing.T) {
	s := newSandbox(t)
	c := gaurav()
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{Config: c.config(s)},
			{
				PreConfig: func() {
					s.InjectFault(sandbox.Fault{Platform: sbrazorpay.Name, Method: "GET", Path: "/customers/", Status: 429, RetryAfter: "1", Times: 1})
				},
				Config:           c.config(s),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
				Check: func(*terraform.State) error {
					limited := 0
					for _, r := range acctest.Requests(s, sbrazorpay.Name, "GET") {
						if r.Status == 429 {
							limited++
						}
					}
					if limited != 1 {
						return fmt.Errorf("the sandbox answered %d GETs with 429, want 1", limited)
					}
					return nil
				},
			},
		},
	})
}

// TestAccRazorpayCustomer_adoptThenEditFails: the adopted customer's edit
// fails; the customer is kept in state (tainted), not lost, and the next
// apply replaces it by adopting the same customer again.
func TestAccRazorpayCustomer_adoptThenEditFails(t *testing.T) {
	s := newSandbox(t)
	seeded := sbrazorpay.StoreOf(s).Customers.Seed(sbxCustomer("Old Name", "+919876543210", "gaurav.kumar@example.com"))
	s.InjectFault(sandbox.Fault{Platform: sbrazorpay.Name, Method: "PUT", Times: 1, Status: 500})
	c := gaurav()
	c.Adopt = ptr(true)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config:      c.config(s),
				ExpectError: regexp.MustCompile(`(?s)Could not create Razorpay customer.*HTTP 500`),
			},
			{
				Config: c.config(s),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(customerAddr, plancheck.ResourceActionReplace)},
				},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(customerAddr, tfjsonpath.New("id"), knownvalue.StringExact(seeded.ID)),
					statecheck.ExpectKnownValue(customerAddr, tfjsonpath.New("name"), knownvalue.StringExact("Gaurav Kumar")),
				},
				Check: storeCount(s, 1),
			},
		},
	})
}
