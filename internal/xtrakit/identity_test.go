package xtrakit_test

import (
	"regexp"
	"strconv"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/customerops/terraform-provider-crm/internal/acctest"

	sbxtrakit "github.com/customerops/terraform-provider-crm/internal/sandbox/xtrakit"
)

var xtrakitID = regexp.MustCompile(`^[1-9][0-9]*$`)

// TestAccXtrakitCustomer_identity: the identity follows the id, an import
// block by identity imports with no diff, and a customer made outside
// Terraform is adopted by identity with an empty plan.
func TestAccXtrakitCustomer_identity(t *testing.T) {
	s := acctest.Sandbox(t)
	seeded := sbxtrakit.StoreOf(s).Customers.Seed(sbxtrakit.Customer{
		CustomerName: "Kwame Mensah", CustomerPhone: "+233201234567", CustomerCountry: "Ghana",
		CustomerState: "Ashanti", CustomerCity: "Kumasi", Address1: "12 Harper Road", CreatedBy: "platform-team",
	})
	adopted := `
resource "crm_xtrakit_customer" "seeded" {
  name       = "Kwame Mensah"
  phone      = "+233201234567"
  country    = "Ghana"
  state      = "Ashanti"
  city       = "Kumasi"
  address1   = "12 Harper Road"
  created_by = "platform-team"
}
`
	config := acctest.Config(s, fullCustomer("Accra", "jane.doe@example.com"))
	steps := acctest.IdentitySteps(config, customerAddr, xtrakitID)
	steps = append(steps, acctest.AdoptByIdentity(config+adopted, "crm_xtrakit_customer.seeded", strconv.FormatInt(seeded.ID, 10)))
	resource.ParallelTest(t, resource.TestCase{
		TerraformVersionChecks:   acctest.NeedsIdentity(t),
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps:                    steps,
	})
}

func TestAccXtrakitCustomerGroup_identity(t *testing.T) {
	s := acctest.Sandbox(t)
	seeded := sbxtrakit.StoreOf(s).Groups.Seed(sbxtrakit.Group{GroupName: "Wholesale"})
	config := groupConfig(s, "Premium Customers", "Spent over $1000.")
	adopted := `
resource "crm_xtrakit_customer_group" "seeded" {
  name = "Wholesale"
}
`
	steps := acctest.IdentitySteps(config, groupAddr, xtrakitID)
	steps = append(steps, acctest.AdoptByIdentity(config+adopted, "crm_xtrakit_customer_group.seeded", strconv.FormatInt(seeded.ID, 10)))
	resource.ParallelTest(t, resource.TestCase{
		TerraformVersionChecks:   acctest.NeedsIdentity(t),
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps:                    steps,
	})
}
