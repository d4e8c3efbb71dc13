package xtrakit_test

import (
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/customerops/terraform-provider-crm/internal/acctest"
	"github.com/customerops/terraform-provider-crm/internal/sandbox"
	sbxtrakit "github.com/customerops/terraform-provider-crm/internal/sandbox/xtrakit"
)

const customerAddr = "crm_xtrakit_customer.test"

// minimalCustomer sets only the required fields.
const minimalCustomer = `
resource "crm_xtrakit_customer" "test" {
  name       = "Kwame Mensah"
  phone      = "+233201234567"
  country    = "Ghana"
  state      = "Ashanti"
  city       = "Kumasi"
  address1   = "12 Harper Road"
  created_by = "platform-team"
}
`

// fullCustomer sets every field, in a group, with a zip with a leading zero.
func fullCustomer(city, email string) string {
	return `
resource "crm_xtrakit_customer_group" "premium" {
  name        = "Premium Customers"
  description = "Spent over $1000."
}

resource "crm_xtrakit_customer" "test" {
  group_id   = crm_xtrakit_customer_group.premium.id
  name       = "Jane Doe"
  email      = "` + email + `"
  phone      = "+233244567890"
  whatsapp   = "+233209876543"
  country    = "Ghana"
  state      = "Greater Accra"
  city       = "` + city + `"
  zip        = "00233"
  address1   = "123 Main Street"
  address2   = "Apt 4B, Downtown Complex"
  profile    = "https://example.com/profiles/customer123.jpg"
  created_by = "Edward"
}
`
}

func customerID(st *terraform.State) int64 { return idAt(st, customerAddr) }

// idAt is the numeric id of the resource at addr in st; 0 when it has none.
func idAt(st *terraform.State, addr string) int64 {
	if res := st.RootModule().Resources[addr]; res != nil {
		return acctest.NumericID(res.Primary.ID)
	}
	return 0
}

func TestAccXtrakitCustomer_minimal(t *testing.T) {
	s := acctest.Sandbox(t)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{{
			Config: acctest.Config(s, minimalCustomer),
			ConfigPlanChecks: resource.ConfigPlanChecks{
				PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
			},
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(customerAddr, tfjsonpath.New("group_id"), knownvalue.Null()),
				statecheck.ExpectKnownValue(customerAddr, tfjsonpath.New("email"), knownvalue.Null()),
				statecheck.ExpectKnownValue(customerAddr, tfjsonpath.New("zip"), knownvalue.Null()),
				statecheck.ExpectKnownValue(customerAddr, tfjsonpath.New("created_by"), knownvalue.StringExact("platform-team")),
			},
			// Create sends the whole record, unset optionals as null.
			Check: acctest.CheckLastBody(s, sbxtrakit.Name, "POST", map[string]any{
				"customer_group_id": nil, "customer_name": "Kwame Mensah", "customer_email": nil,
				"customer_phone": "+233201234567", "customer_whatsapp": nil, "customer_country": "Ghana",
				"customer_city": "Kumasi", "customer_state": "Ashanti", "customer_zip": nil,
				"address1": "12 Harper Road", "address2": nil, "customer_profile": nil, "created_by": "platform-team",
			}),
		}},
	})
}

// TestAccXtrakitCustomer_full: every field set, in a new group: the
// creates send every field of CONTRACT.md §4 as it says (the group id a
// JSON integer, the zip a string keeping its leading zero), and the plan
// is empty after apply.
func TestAccXtrakitCustomer_full(t *testing.T) {
	s := acctest.Sandbox(t)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{{
			Config: acctest.Config(s, fullCustomer("Accra", "jane.doe+tf@example.com")),
			ConfigPlanChecks: resource.ConfigPlanChecks{
				PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
			},
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.CompareValuePairs(customerAddr, tfjsonpath.New("group_id"),
					"crm_xtrakit_customer_group.premium", tfjsonpath.New("id"), stringNumberEqual{}),
				statecheck.ExpectKnownValue(customerAddr, tfjsonpath.New("email"), knownvalue.StringExact("jane.doe+tf@example.com")),
				statecheck.ExpectKnownValue(customerAddr, tfjsonpath.New("zip"), knownvalue.StringExact("00233")),
				statecheck.ExpectKnownValue(customerAddr, tfjsonpath.New("address2"), knownvalue.StringExact("Apt 4B, Downtown Complex")),
				statecheck.ExpectKnownValue(customerAddr, tfjsonpath.New("profile"), knownvalue.StringExact("https://example.com/profiles/customer123.jpg")),
				statecheck.ExpectKnownValue(customerAddr, tfjsonpath.New("updated_at"), knownvalue.NotNull()),
			},
			Check: resource.ComposeAggregateTestCheckFunc(
				acctest.CheckRequestCount(s, sbxtrakit.Name, "POST", 2),
				acctest.CheckLastBodyTo(s, sbxtrakit.Name, "POST", "/customer-groups/add", map[string]any{
					"group_name": "Premium Customers", "group_description": "Spent over $1000.",
				}),
				func(st *terraform.State) error {
					group, err := strconv.ParseInt(st.RootModule().Resources["crm_xtrakit_customer_group.premium"].Primary.ID, 10, 64)
					if err != nil {
						return err
					}
					return acctest.CheckLastBodyTo(s, sbxtrakit.Name, "POST", "/customers/add", map[string]any{
						"customer_group_id": group, "customer_name": "Jane Doe", "customer_email": "jane.doe+tf@example.com",
						"customer_phone": "+233244567890", "customer_whatsapp": "+233209876543", "customer_country": "Ghana",
						"customer_city": "Accra", "customer_state": "Greater Accra", "customer_zip": "00233",
						"address1": "123 Main Street", "address2": "Apt 4B, Downtown Complex",
						"customer_profile": "https://example.com/profiles/customer123.jpg", "created_by": "Edward",
					})(st)
				},
			),
		}},
	})
}

// TestAccXtrakitCustomer_emailCase: Xtrakit answering the e-mail address in
// another case than configured (here after an edit out of band, which the
// test checks did happen) is no change: the plan is empty.
func TestAccXtrakitCustomer_emailCase(t *testing.T) {
	s := acctest.Sandbox(t)
	config := acctest.Config(s, fullCustomer("Accra", "jane.doe@example.com"))
	var id int64
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config: config,
				Check: func(st *terraform.State) error {
					id = customerID(st)
					return nil
				},
			},
			{
				PreConfig: acctest.Mutate(t, func() error {
					before := customerEmails(s)
					if err := sbxtrakit.StoreOf(s).Customers.Mutate(id, map[string]any{"customer_email": "Jane.Doe@Example.com"}); err != nil {
						return err
					}
					return changedOnly(before, customerEmails(s), id, "Jane.Doe@Example.com")
				}),
				Config: config,
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(customerAddr, tfjsonpath.New("email"), knownvalue.StringExact("jane.doe@example.com")),
				},
			},
		},
	})
}

// customerEmails maps every customer in the sandbox to its stored e-mail
// ("<null>" for none).
func customerEmails(s *sandbox.Server) map[int64]string {
	out := map[int64]string{}
	for _, c := range sbxtrakit.StoreOf(s).Customers.List() {
		out[c.ID] = "<null>"
		if c.CustomerEmail != nil {
			out[c.ID] = *c.CustomerEmail
		}
	}
	return out
}

// changedOnly checks that between before and after exactly one e-mail
// changed, customer id's, and that it is now want.
func changedOnly(before, after map[int64]string, id int64, want string) error {
	if len(before) != len(after) {
		return errorf("the sandbox held %d customers, now %d", len(before), len(after))
	}
	var changed []int64
	for k, v := range after {
		if before[k] != v {
			changed = append(changed, k)
		}
	}
	if len(changed) != 1 || changed[0] != id {
		return errorf("want exactly customer %d's e-mail changed, changed: %v (before %v, after %v)", id, changed, before, after)
	}
	if after[id] != want {
		return errorf("customer %d's e-mail is %q, want %q", id, after[id], want)
	}
	return nil
}

func TestAccXtrakitCustomer_basic(t *testing.T) {
	s := acctest.Sandbox(t)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{Config: acctest.Config(s, fullCustomer("Accra", "jane.doe@example.com"))},
			{
				ResourceName:      customerAddr,
				ImportState:       true,
				ImportStateVerify: true,
			},
			{
				Config: acctest.Config(s, fullCustomer("Tema", "jane@example.org")),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(customerAddr, plancheck.ResourceActionUpdate),
						plancheck.ExpectUnknownValue(customerAddr, tfjsonpath.New("updated_at")),
						plancheck.ExpectKnownValue(customerAddr, tfjsonpath.New("created_at"), knownvalue.NotNull()),
					},
				},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(customerAddr, tfjsonpath.New("city"), knownvalue.StringExact("Tema")),
				},
				Check: func(st *terraform.State) error {
					groupID, _ := strconv.Atoi(st.RootModule().Resources["crm_xtrakit_customer_group.premium"].Primary.ID)
					// The edit PUT replaces the record: it carries every field.
					return acctest.CheckLastBody(s, sbxtrakit.Name, "PUT", map[string]any{
						"customer_group_id": groupID, "customer_name": "Jane Doe", "customer_email": "jane@example.org",
						"customer_phone": "+233244567890", "customer_whatsapp": "+233209876543",
						"customer_country": "Ghana", "customer_city": "Tema", "customer_state": "Greater Accra",
						"customer_zip": "00233", "address1": "123 Main Street", "address2": "Apt 4B, Downtown Complex",
						"customer_profile": "https://example.com/profiles/customer123.jpg", "created_by": "Edward",
					})(st)
				},
			},
		},
	})
}

func TestAccXtrakitCustomer_importBlock(t *testing.T) {
	s := acctest.Sandbox(t)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{Config: acctest.Config(s, fullCustomer("Accra", "jane.doe@example.com"))},
			{
				ResourceName:    customerAddr,
				ImportState:     true,
				ImportStateKind: resource.ImportBlockWithID,
			},
		},
	})
}

// TestAccXtrakitCustomer_importExisting adopts a customer made outside
// Terraform with an import block; the plan afterwards is empty.
func TestAccXtrakitCustomer_importExisting(t *testing.T) {
	s := acctest.Sandbox(t)
	zip := "00233"
	seeded := sbxtrakit.StoreOf(s).Customers.Seed(sbxtrakit.Customer{
		CustomerName: "Kwame Mensah", CustomerPhone: "+233201234567", CustomerCountry: "Ghana",
		CustomerState: "Ashanti", CustomerCity: "Kumasi", Address1: "12 Harper Road",
		CreatedBy: "platform-team", CustomerZip: &zip,
	})
	config := acctest.Config(s, `
import {
  to = crm_xtrakit_customer.test
  id = "`+strconv.FormatInt(seeded.ID, 10)+`"
}
`+minimalCustomer[:len(minimalCustomer)-2]+`  zip        = "00233"
}
`)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{{
			Config: config,
			ConfigPlanChecks: resource.ConfigPlanChecks{
				PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(customerAddr, plancheck.ResourceActionNoop)},
			},
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(customerAddr, tfjsonpath.New("id"), knownvalue.StringExact(strconv.FormatInt(seeded.ID, 10))),
			},
			Check: acctest.CheckRequestCount(s, sbxtrakit.Name, "POST", 0),
		}},
	})
}

func TestAccXtrakitCustomer_disappears(t *testing.T) {
	s := acctest.Sandbox(t)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config: acctest.Config(s, minimalCustomer),
				Check: func(st *terraform.State) error {
					if !sbxtrakit.StoreOf(s).Customers.Delete(customerID(st)) {
						return errorf("customer not in the sandbox")
					}
					return nil
				},
				ExpectNonEmptyPlan: true,
			},
			{
				Config: acctest.Config(s, minimalCustomer),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(customerAddr, plancheck.ResourceActionCreate)},
				},
				Check: func(*terraform.State) error {
					if n := len(sbxtrakit.StoreOf(s).Customers.List()); n != 1 {
						return errorf("want 1 customer after re-creation, sandbox has %d", n)
					}
					return nil
				},
			},
		},
	})
}

func TestAccXtrakitCustomer_drift(t *testing.T) {
	s := acctest.Sandbox(t)
	var id int64
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config: acctest.Config(s, fullCustomer("Accra", "jane.doe@example.com")),
				Check: func(st *terraform.State) error {
					id = customerID(st)
					return nil
				},
			},
			{
				PreConfig: acctest.Mutate(t, func() error {
					return sbxtrakit.StoreOf(s).Customers.Mutate(id, map[string]any{
						"customer_city": "Kumasi", "customer_zip": nil, "customer_group_id": nil,
					})
				}),
				Config: acctest.Config(s, fullCustomer("Accra", "jane.doe@example.com")),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(customerAddr, plancheck.ResourceActionUpdate),
						plancheck.ExpectKnownValue(customerAddr, tfjsonpath.New("city"), knownvalue.StringExact("Accra")),
						plancheck.ExpectKnownValue(customerAddr, tfjsonpath.New("zip"), knownvalue.StringExact("00233")),
					},
				},
				Check: func(*terraform.State) error {
					c, _ := sbxtrakit.StoreOf(s).Customers.Get(id)
					if c.CustomerCity != "Accra" || c.CustomerZip == nil || *c.CustomerZip != "00233" || c.CustomerGroupID == nil {
						return errorf("apply did not restore the record: %+v", c)
					}
					return nil
				},
			},
		},
	})
}

// TestAccXtrakitCustomer_removeGroup takes a customer out of its group: the
// PUT sends customer_group_id null, and the group can then be deleted.
func TestAccXtrakitCustomer_removeGroup(t *testing.T) {
	s := acctest.Sandbox(t)
	ungrouped := `
resource "crm_xtrakit_customer" "test" {
  name       = "Jane Doe"
  phone      = "+233244567890"
  country    = "Ghana"
  state      = "Greater Accra"
  city       = "Accra"
  address1   = "123 Main Street"
  created_by = "Edward"
}
`
	group := `
resource "crm_xtrakit_customer_group" "premium" {
  name = "Premium Customers"
}
`
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{Config: acctest.Config(s, group+strings.Replace(ungrouped, "name ", "group_id   = crm_xtrakit_customer_group.premium.id\n  name ", 1))},
			{
				Config: acctest.Config(s, group+ungrouped),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(customerAddr, plancheck.ResourceActionUpdate),
						plancheck.ExpectKnownValue(customerAddr, tfjsonpath.New("group_id"), knownvalue.Null()),
					},
				},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(customerAddr, tfjsonpath.New("group_id"), knownvalue.Null()),
				},
				Check: func(*terraform.State) error {
					reqs := acctest.Requests(s, sbxtrakit.Name, "PUT")
					if len(reqs) != 1 || !regexp.MustCompile(`"customer_group_id":null`).Match(reqs[0].Body) {
						return errorf("want one PUT with customer_group_id null, got %d: %s", len(reqs), lastBody(reqs))
					}
					if c := sbxtrakit.StoreOf(s).Customers.List(); len(c) != 1 || c[0].CustomerGroupID != nil {
						return errorf("the customer is still in a group: %+v", c)
					}
					return nil
				},
			},
			{
				// No customer is left in the group, so deleting it succeeds.
				Config: acctest.Config(s, ungrouped),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction("crm_xtrakit_customer_group.premium", plancheck.ResourceActionDestroy),
					},
				},
				Check: func(*terraform.State) error {
					if n := len(sbxtrakit.StoreOf(s).Groups.List()); n != 0 {
						return errorf("the group should be deleted, sandbox has %d groups", n)
					}
					return nil
				},
			},
		},
	})
}

func lastBody(reqs []sandbox.Request) string {
	if len(reqs) == 0 {
		return "(none)"
	}
	return string(reqs[len(reqs)-1].Body)
}
