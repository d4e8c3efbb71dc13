package axim_test

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/customerops/terraform-provider-crm/internal/acctest"
	sbaxim "github.com/customerops/terraform-provider-crm/internal/sandbox/axim"
)

// TestAccAximCustomer_identity: the identity follows the id, and imports by
// identity plan empty.
func TestAccAximCustomer_identity(t *testing.T) {
	s := acctest.Sandbox(t)
	seeded := sbaxim.StoreOf(s).Customers.Seed(sbaxim.Customer{FirstName: "Ada", LastName: "Byron", Email: "ada@example.com", Status: "active"})
	config := acctest.Config(s, full().hcl())
	adopted := `
resource "crm_axim_customer" "seeded" {
  first_name = "Ada"
  last_name  = "Byron"
  email      = "ada@example.com"
}
`
	steps := acctest.IdentitySteps(config, customerAddr, idPattern)
	steps = append(steps, acctest.AdoptByIdentity(config+adopted, "crm_axim_customer.seeded", seeded.ID))
	resource.ParallelTest(t, resource.TestCase{
		TerraformVersionChecks:   acctest.NeedsIdentity(t),
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps:                    steps,
	})
}
