package xtrakit_test

import (
	"regexp"
	"strconv"
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

const groupAddr = "crm_xtrakit_customer_group.test"

func groupConfig(s *sandbox.Server, name, description string) string {
	desc := ""
	if description != "" {
		desc = "description = " + strconv.Quote(description)
	}
	return acctest.Config(s, `
resource "crm_xtrakit_customer_group" "test" {
  name = `+strconv.Quote(name)+`
  `+desc+`
}
`)
}

func TestAccXtrakitCustomerGroup_basic(t *testing.T) {
	s := acctest.Sandbox(t)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config: groupConfig(s, "Premium Customers", "Spent over $1000."),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(groupAddr, tfjsonpath.New("id"), knownvalue.StringRegexp(regexp.MustCompile(`^[1-9][0-9]*$`))),
					statecheck.ExpectKnownValue(groupAddr, tfjsonpath.New("name"), knownvalue.StringExact("Premium Customers")),
					statecheck.ExpectKnownValue(groupAddr, tfjsonpath.New("description"), knownvalue.StringExact("Spent over $1000.")),
					statecheck.ExpectKnownValue(groupAddr, tfjsonpath.New("created_at"), knownvalue.StringRegexp(regexp.MustCompile(`^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$`))),
					statecheck.ExpectKnownValue(groupAddr, tfjsonpath.New("user_id"), knownvalue.NotNull()),
					statecheck.ExpectKnownValue(groupAddr, tfjsonpath.New("business_code"), knownvalue.NotNull()),
				},
				Check: acctest.CheckLastBody(s, sbxtrakit.Name, "POST", map[string]any{
					"group_name": "Premium Customers", "group_description": "Spent over $1000.",
				}),
			},
			{
				ResourceName:      groupAddr,
				ImportState:       true,
				ImportStateVerify: true,
			},
			{
				Config: groupConfig(s, "Gold Customers", ""),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(groupAddr, plancheck.ResourceActionUpdate)},
				},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(groupAddr, tfjsonpath.New("name"), knownvalue.StringExact("Gold Customers")),
					statecheck.ExpectKnownValue(groupAddr, tfjsonpath.New("description"), knownvalue.Null()),
				},
				// The edit PUT carries the whole group; the removed description is sent as null.
				Check: resource.ComposeAggregateTestCheckFunc(
					acctest.CheckLastBody(s, sbxtrakit.Name, "PUT", map[string]any{
						"group_name": "Gold Customers", "group_description": nil,
					}),
					acctest.CheckRequestCount(s, sbxtrakit.Name, "POST", 1),
				),
			},
		},
	})
}

func TestAccXtrakitCustomerGroup_importBlock(t *testing.T) {
	s := acctest.Sandbox(t)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{Config: groupConfig(s, "Wholesale", "B2B buyers")},
			{
				ResourceName:    groupAddr,
				ImportState:     true,
				ImportStateKind: resource.ImportBlockWithID,
			},
		},
	})
}

func TestAccXtrakitCustomerGroup_disappears(t *testing.T) {
	s := acctest.Sandbox(t)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config: groupConfig(s, "Ephemeral", ""),
				Check: func(st *terraform.State) error {
					id := idAt(st, groupAddr)
					if !sbxtrakit.StoreOf(s).Groups.Delete(id) {
						return errorf("group %d not in the sandbox", id)
					}
					return nil
				},
				ExpectNonEmptyPlan: true,
			},
			{
				Config: groupConfig(s, "Ephemeral", ""),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(groupAddr, plancheck.ResourceActionCreate)},
				},
				Check: acctest.CheckRequestCount(s, sbxtrakit.Name, "POST", 2),
			},
		},
	})
}

func TestAccXtrakitCustomerGroup_drift(t *testing.T) {
	s := acctest.Sandbox(t)
	var id int64
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config: groupConfig(s, "Retail", "Walk-in"),
				Check: func(st *terraform.State) error {
					id = idAt(st, groupAddr)
					return nil
				},
			},
			{
				PreConfig: acctest.Mutate(t, func() error {
					return sbxtrakit.StoreOf(s).Groups.Mutate(id, map[string]any{"group_name": "Renamed by hand"})
				}),
				Config: groupConfig(s, "Retail", "Walk-in"),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(groupAddr, plancheck.ResourceActionUpdate),
						plancheck.ExpectKnownValue(groupAddr, tfjsonpath.New("name"), knownvalue.StringExact("Retail")),
					},
				},
				Check: func(*terraform.State) error {
					g, _ := sbxtrakit.StoreOf(s).Groups.Get(id)
					if g.GroupName != "Retail" {
						return errorf("apply did not restore the name: %q", g.GroupName)
					}
					return nil
				},
			},
		},
	})
}

// TestAccXtrakitCustomerGroup_wrongBaseURL: a 404 that is not Xtrakit's
// "not found" (here the sandbox's unknown route, as a mistyped base_url
// gives) is an error; the group stays in state instead of being re-created.
func TestAccXtrakitCustomerGroup_wrongBaseURL(t *testing.T) {
	s := acctest.Sandbox(t)
	wrong := `
provider "crm" {
  xtrakit {
    api_key  = "` + sbxtrakit.APIKey + `"
    base_url = "` + s.URL() + `/xtrakit/api/v2"
  }
}
resource "crm_xtrakit_customer_group" "test" {
  name = "Kept"
}
`
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{Config: groupConfig(s, "Kept", "")},
			{
				Config:      wrong,
				ExpectError: regexp.MustCompile(`(?s)Could not read Xtrakit customer group.*HTTP 404`),
			},
			{
				// Back on the right URL: nothing to do, nothing duplicated.
				Config: groupConfig(s, "Kept", ""),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				Check: acctest.CheckRequestCount(s, sbxtrakit.Name, "POST", 1),
			},
		},
	})
}

// TestAccXtrakitCustomerGroup_deleteWithCustomers: a group that still has
// customers cannot be destroyed (Xtrakit's 409 is shown, the group stays in
// Xtrakit and in state); once they are gone the destroy goes through.
func TestAccXtrakitCustomerGroup_deleteWithCustomers(t *testing.T) {
	s := acctest.Sandbox(t)
	var groupID int64
	var walkIn sbxtrakit.Customer
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config: groupConfig(s, "Premium", ""),
				Check: func(st *terraform.State) error {
					groupID = idAt(st, groupAddr)
					// A customer Terraform does not manage still uses the group.
					walkIn = sbxtrakit.StoreOf(s).Customers.Seed(sbxtrakit.Customer{
						CustomerGroupID: &groupID, CustomerName: "Walk-in", CustomerPhone: "+233200000000",
						CustomerCountry: "Ghana", CustomerState: "Ashanti", CustomerCity: "Kumasi",
						Address1: "1 Market St", CreatedBy: "pos",
					})
					return nil
				},
			},
			{
				Config:      acctest.ProviderConfig(s),
				ExpectError: regexp.MustCompile(`(?s)Could not delete Xtrakit customer group.*HTTP 409.*Customer group has customers`),
			},
			{
				// The refused delete kept the group, in Xtrakit and in state
				// (the plan destroys it again); once the customer is gone
				// the destroy goes through.
				PreConfig: acctest.Mutate(t, func() error {
					if _, ok := sbxtrakit.StoreOf(s).Groups.Get(groupID); !ok {
						return errorf("group %d is gone from the sandbox after the refused delete", groupID)
					}
					if !sbxtrakit.StoreOf(s).Customers.Delete(walkIn.ID) {
						return errorf("customer %d not in the sandbox", walkIn.ID)
					}
					if n := len(sbxtrakit.StoreOf(s).Customers.List()); n != 0 {
						return errorf("the sandbox still holds %d customers", n)
					}
					return nil
				}),
				Config: acctest.ProviderConfig(s),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(groupAddr, plancheck.ResourceActionDestroy)},
				},
				Check: func(st *terraform.State) error {
					if _, ok := st.RootModule().Resources[groupAddr]; ok {
						return errorf("%s is still in state", groupAddr)
					}
					if _, ok := sbxtrakit.StoreOf(s).Groups.Get(groupID); ok {
						return errorf("group %d is still in the sandbox", groupID)
					}
					path := "/customer-groups/" + strconv.FormatInt(groupID, 10)
					var statuses []int
					for _, r := range acctest.Requests(s, sbxtrakit.Name, "DELETE") {
						if r.Path != path {
							return errorf("unexpected DELETE %s", r.Path)
						}
						statuses = append(statuses, r.Status)
					}
					// The refused delete, then the one that went through.
					if len(statuses) != 2 || statuses[0] != 409 || statuses[1] != 200 {
						return errorf("DELETE %s answered %v, want [409 200]", path, statuses)
					}
					return nil
				},
			},
		},
	})
}
