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
					id, _ := strconv.ParseInt(st.RootModule().Resources[groupAddr].Primary.ID, 10, 64)
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
					id, _ = strconv.ParseInt(st.RootModule().Resources[groupAddr].Primary.ID, 10, 64)
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
