package razorpay_test

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/customerops/terraform-provider-crm/internal/acctest"
	sbrazorpay "github.com/customerops/terraform-provider-crm/internal/sandbox/razorpay"
)

// TestAccRazorpayCustomer_identity: the identity follows the id, an import
// block by identity imports with no diff, and a customer made outside
// Terraform is adopted by identity with an empty plan.
func TestAccRazorpayCustomer_identity(t *testing.T) {
	s := newSandbox(t)
	seeded := sbrazorpay.StoreOf(s).Customers.Seed(sbxCustomer("Asha Verma", "+919812345678", "asha.verma@example.com"))
	c := gaurav()
	config := c.config(s)
	adopted := `
resource "crm_razorpay_customer" "seeded" {
  name    = "Asha Verma"
  contact = "+919812345678"
  email   = "asha.verma@example.com"
}
`
	steps := acctest.IdentitySteps(config, customerAddr, idPattern)
	steps = append(steps, acctest.AdoptByIdentity(config+adopted, "crm_razorpay_customer.seeded", seeded.ID))
	resource.ParallelTest(t, resource.TestCase{
		TerraformVersionChecks:   acctest.NeedsIdentity(t),
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps:                    steps,
	})
}
