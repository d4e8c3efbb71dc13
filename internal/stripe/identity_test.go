package stripe_test

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/customerops/terraform-provider-crm/internal/acctest"
	sbstripe "github.com/customerops/terraform-provider-crm/internal/sandbox/stripe"
)

// TestAccStripeCustomer_identity: the identity holds the id; an import
// block by identity imports with no diff; a customer made outside
// Terraform is adopted by identity without a write.
func TestAccStripeCustomer_identity(t *testing.T) {
	s := acctest.Sandbox(t)
	config := acctest.Config(s, minimal().hcl())
	email := "jenny.rosen@example.com"
	seeded := sbstripe.StoreOf(s).Customers.Seed(sbstripe.Customer{Email: &email})
	other := acctest.Config(s, `resource "crm_stripe_customer" "adopted" {
  email = "jenny.rosen@example.com"
}
`)
	steps := acctest.IdentitySteps(config, customerAddr, idPattern)
	steps = append(steps, acctest.AdoptByIdentity(other, "crm_stripe_customer.adopted", seeded.ID))
	steps[len(steps)-1].Check = func(*terraform.State) error {
		return acctest.CheckRequestCount(s, sbstripe.Name, "POST", 1)(nil) // the first step's create only
	}
	resource.ParallelTest(t, resource.TestCase{
		TerraformVersionChecks:   acctest.NeedsIdentity(t),
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps:                    steps,
	})
}
