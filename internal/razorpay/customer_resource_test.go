package razorpay_test

import (
	"fmt"
	"os"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/compare"
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

func TestAccRazorpayCustomer_basic(t *testing.T) {
	s := newSandbox(t)
	full := gaurav()
	full.Email = "gaurav.kumar+tf@example.com"
	full.GSTIN = "29ABCDE1234F1Z5"
	full.Notes = map[string]string{"tier": "gold", "source": "terraform"}
	edited := full
	edited.Name, edited.Contact, edited.Email = "Gaurav K. (Ops)", "+919812345678", "gk@example.org"
	sameID := statecheck.CompareValue(compare.ValuesSame())

	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config: full.config(s),
				ConfigStateChecks: []statecheck.StateCheck{
					sameID.AddStateValue(customerAddr, tfjsonpath.New("id")),
					statecheck.ExpectKnownValue(customerAddr, tfjsonpath.New("id"), knownvalue.StringRegexp(idPattern)),
					statecheck.ExpectKnownValue(customerAddr, tfjsonpath.New("entity"), knownvalue.StringExact("customer")),
					statecheck.ExpectKnownValue(customerAddr, tfjsonpath.New("name"), knownvalue.StringExact("Gaurav Kumar")),
					statecheck.ExpectKnownValue(customerAddr, tfjsonpath.New("contact"), knownvalue.StringExact("+919876543210")),
					statecheck.ExpectKnownValue(customerAddr, tfjsonpath.New("email"), knownvalue.StringExact("gaurav.kumar+tf@example.com")),
					statecheck.ExpectKnownValue(customerAddr, tfjsonpath.New("gstin"), knownvalue.StringExact("29ABCDE1234F1Z5")),
					statecheck.ExpectKnownValue(customerAddr, tfjsonpath.New("notes"), knownvalue.MapExact(map[string]knownvalue.Check{
						"tier": knownvalue.StringExact("gold"), "source": knownvalue.StringExact("terraform"),
					})),
					statecheck.ExpectKnownValue(customerAddr, tfjsonpath.New("created_at"), knownvalue.Int64Func(func(v int64) error {
						if v < 1_600_000_000 {
							return fmt.Errorf("created_at %d is not a recent UNIX timestamp", v)
						}
						return nil
					})),
					statecheck.ExpectKnownValue(customerAddr, tfjsonpath.New("adopt_existing"), knownvalue.Bool(false)),
				},
				// fail_existing is always sent, as the string the API requires.
				Check: acctest.CheckLastBody(s, sbrazorpay.Name, "POST", map[string]any{
					"name": "Gaurav Kumar", "contact": "+919876543210", "email": "gaurav.kumar+tf@example.com",
					"fail_existing": "1", "gstin": "29ABCDE1234F1Z5",
					"notes": map[string]any{"tier": "gold", "source": "terraform"},
				}),
			},
			{
				ResourceName:            customerAddr,
				ImportState:             true,
				ImportStateVerify:       true,
				ImportStateVerifyIgnore: []string{"adopt_existing"},
			},
			{
				Config: edited.config(s),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(customerAddr, plancheck.ResourceActionUpdate)},
				},
				ConfigStateChecks: []statecheck.StateCheck{
					sameID.AddStateValue(customerAddr, tfjsonpath.New("id")),
					statecheck.ExpectKnownValue(customerAddr, tfjsonpath.New("name"), knownvalue.StringExact("Gaurav K. (Ops)")),
					statecheck.ExpectKnownValue(customerAddr, tfjsonpath.New("contact"), knownvalue.StringExact("+919812345678")),
					statecheck.ExpectKnownValue(customerAddr, tfjsonpath.New("email"), knownvalue.StringExact("gk@example.org")),
				},
				// Razorpay's edit takes exactly name, contact and email.
				Check: resource.ComposeAggregateTestCheckFunc(
					acctest.CheckLastBody(s, sbrazorpay.Name, "PUT", map[string]any{
						"name": "Gaurav K. (Ops)", "contact": "+919812345678", "email": "gk@example.org",
					}),
					acctest.CheckRequestCount(s, sbrazorpay.Name, "POST", 1),
					storeCount(s, 1),
				),
			},
		},
	})
}

func TestAccRazorpayCustomer_importBlock(t *testing.T) {
	s := newSandbox(t)
	c := gaurav()
	c.GSTIN = "29ABCDE1234F1Z5"
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{Config: c.config(s)},
			{
				Config:          c.config(s),
				ResourceName:    customerAddr,
				ImportState:     true,
				ImportStateKind: resource.ImportBlockWithID,
			},
		},
	})
}

// TestAccRazorpayCustomer_importExisting brings a customer made outside
// Terraform, with Razorpay's [] for empty notes, under management: the plan
// afterwards is empty, so notes omitted matches [].
func TestAccRazorpayCustomer_importExisting(t *testing.T) {
	s := newSandbox(t)
	seeded := sbrazorpay.StoreOf(s).Customers.Seed(sbxCustomer("Gaurav Kumar", "+919876543210", "gaurav.kumar@example.com"))
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{{
			Config: gaurav().config(s) + `
import {
  to = crm_razorpay_customer.test
  id = "` + seeded.ID + `"
}
`,
			ConfigPlanChecks: resource.ConfigPlanChecks{
				PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(customerAddr, plancheck.ResourceActionNoop)},
			},
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(customerAddr, tfjsonpath.New("id"), knownvalue.StringExact(seeded.ID)),
				statecheck.ExpectKnownValue(customerAddr, tfjsonpath.New("notes"), knownvalue.MapSizeExact(0)),
				statecheck.ExpectKnownValue(customerAddr, tfjsonpath.New("gstin"), knownvalue.Null()),
			},
			Check: acctest.CheckRequestCount(s, sbrazorpay.Name, "POST", 0),
		}},
	})
}

// TestAccRazorpayCustomer_importWithAdoptExisting: importing into a
// configuration with adopt_existing = true plans one update that only
// records the setting: nothing is sent to Razorpay, and the next plan is
// empty.
func TestAccRazorpayCustomer_importWithAdoptExisting(t *testing.T) {
	s := newSandbox(t)
	seeded := sbrazorpay.StoreOf(s).Customers.Seed(sbxCustomer("Gaurav Kumar", "+919876543210", "gaurav.kumar@example.com"))
	c := gaurav()
	c.Adopt = ptr(true)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{{
			Config: c.config(s) + `
import {
  to = crm_razorpay_customer.test
  id = "` + seeded.ID + `"
}
`,
			ConfigPlanChecks: resource.ConfigPlanChecks{
				PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(customerAddr, plancheck.ResourceActionUpdate),
					plancheck.ExpectKnownValue(customerAddr, tfjsonpath.New("adopt_existing"), knownvalue.Bool(true)),
				},
				PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
			},
			Check: resource.ComposeAggregateTestCheckFunc(
				acctest.CheckRequestCount(s, sbrazorpay.Name, "POST", 0),
				acctest.CheckRequestCount(s, sbrazorpay.Name, "PUT", 0),
			),
		}},
	})
}

// TestAccRazorpayCustomer_emailCase: Razorpay answering the address in
// another case (here after an edit out of band, which the test checks did
// happen) is no change.
func TestAccRazorpayCustomer_emailCase(t *testing.T) {
	s := newSandbox(t)
	c := gaurav()
	var id string
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{Config: c.config(s), Check: captureID(&id)},
			{
				PreConfig: acctest.Mutate(t, func() error {
					before := emails(s)
					if err := sbrazorpay.StoreOf(s).Customers.Mutate(id, map[string]any{"email": "Gaurav.Kumar@Example.com"}); err != nil {
						return err
					}
					after := emails(s)
					var changed []string
					for k, v := range after {
						if before[k] != v {
							changed = append(changed, k)
						}
					}
					if len(before) != len(after) || len(changed) != 1 || changed[0] != id || after[id] != "Gaurav.Kumar@Example.com" {
						return fmt.Errorf("want exactly customer %s's email changed to Gaurav.Kumar@Example.com: before %v, after %v", id, before, after)
					}
					return nil
				}),
				Config: c.config(s),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(customerAddr, tfjsonpath.New("email"), knownvalue.StringExact(c.Email)),
				},
			},
		},
	})
}

// emails maps every customer id in the sandbox to its stored email.
func emails(s *sandbox.Server) map[string]string {
	out := map[string]string{}
	for _, c := range sbrazorpay.StoreOf(s).Customers.List() {
		out[c.ID] = c.Email
	}
	return out
}

func TestAccRazorpayCustomer_drift(t *testing.T) {
	s := newSandbox(t)
	c := gaurav()
	var id string
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{Config: c.config(s), Check: captureID(&id)},
			{
				PreConfig: acctest.Mutate(t, func() error {
					return sbrazorpay.StoreOf(s).Customers.Mutate(id, map[string]any{
						"name": "Changed By Hand", "contact": "+911111111111", "email": "someone@example.net",
					})
				}),
				Config: c.config(s),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(customerAddr, plancheck.ResourceActionUpdate),
						plancheck.ExpectKnownValue(customerAddr, tfjsonpath.New("name"), knownvalue.StringExact("Gaurav Kumar")),
					},
				},
				Check: func(*terraform.State) error {
					got, _ := sbrazorpay.StoreOf(s).Customers.Get(id)
					if got.Name != c.Name || got.Contact != c.Contact || got.Email != c.Email {
						return fmt.Errorf("apply did not restore the customer: %+v", got)
					}
					return nil
				},
			},
		},
	})
}

// TestAccRazorpayCustomer_driftNotes: notes changed out of band are seen;
// putting them back would need a replacement with the same email and
// contact, which the plan refuses with an explanation.
func TestAccRazorpayCustomer_driftNotes(t *testing.T) {
	s := newSandbox(t)
	c := gaurav()
	c.Notes = map[string]string{"tier": "gold"}
	var id string
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{Config: c.config(s), Check: captureID(&id)},
			{
				PreConfig: acctest.Mutate(t, func() error {
					return sbrazorpay.StoreOf(s).Customers.Mutate(id, map[string]any{"notes": map[string]any{"tier": "silver"}})
				}),
				Config:      c.config(s),
				ExpectError: acctest.ErrorText(`Either keep notes as it is (currently { tier = "silver" })`),
			},
		},
	})
}

func TestAccRazorpayCustomer_disappears(t *testing.T) {
	s := newSandbox(t)
	c := gaurav()
	var id string
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config: c.config(s),
				Check: func(st *terraform.State) error {
					id = stateID(st)
					if !sbrazorpay.StoreOf(s).Customers.Delete(id) {
						return fmt.Errorf("customer %s not in the sandbox", id)
					}
					return nil
				},
				ExpectNonEmptyPlan: true,
			},
			{
				Config: c.config(s),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(customerAddr, plancheck.ResourceActionCreate)},
				},
				Check: resource.ComposeAggregateTestCheckFunc(
					acctest.CheckRequestCount(s, sbrazorpay.Name, "POST", 2),
					storeCount(s, 1),
					func(st *terraform.State) error {
						if stateID(st) == id {
							return fmt.Errorf("state still holds the removed id %s", id)
						}
						return nil
					},
				),
			},
		},
	})
}

// TestAccRazorpayCustomer_destroyKeepsCustomer: destroy sends nothing (the
// helper checks no DELETE) and the customer stays in Razorpay. The warning
// itself is checked by TestDeleteWarnsAndSendsNothing.
func TestAccRazorpayCustomer_destroyKeepsCustomer(t *testing.T) {
	s := newSandbox(t)
	var id string
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{Config: gaurav().config(s), Check: captureID(&id)},
			{Config: acctest.Config(s, "# the customer is removed from the configuration\n"), Check: storeCount(s, 1)},
		},
		CheckDestroy: func(*terraform.State) error {
			c, ok := sbrazorpay.StoreOf(s).Customers.Get(id)
			if !ok || c.Name != "Gaurav Kumar" {
				return fmt.Errorf("customer %s should still be in Razorpay after destroy, got %+v (found %v)", id, c, ok)
			}
			if n := len(sbrazorpay.StoreOf(s).Customers.List()); n != 1 {
				return fmt.Errorf("the sandbox holds %d customers, want 1", n)
			}
			return nil
		},
	})
}

// TestAccRazorpayCustomer_example applies the documented example, so the
// docs cannot drift from what the provider accepts.
func TestAccRazorpayCustomer_example(t *testing.T) {
	s := newSandbox(t)
	example, err := os.ReadFile("../../examples/resources/crm_razorpay_customer/resource.tf")
	if err != nil {
		t.Fatal(err)
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{{
			Config: acctest.Config(s, string(example)),
			Check:  storeCount(s, 2),
		}},
	})
}
