package stripe_test

import (
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/customerops/terraform-provider-crm/internal/acctest"
	sbstripe "github.com/customerops/terraform-provider-crm/internal/sandbox/stripe"
)

// TestAccStripeDataSources: crm_stripe_customer by id and by e-mail
// (exact, case included); crm_stripe_customers pages through 150 customers
// (two pages of 100 with starting_after) and filters by e-mail.
func TestAccStripeDataSources(t *testing.T) {
	s := acctest.Sandbox(t)
	st := sbstripe.StoreOf(s)
	for i := range 150 {
		e := fmt.Sprintf("bulk-%d@example.com", i)
		st.Customers.Seed(sbstripe.Customer{Email: &e})
	}
	upper, lower := "Jenny@Example.com", "jenny@example.com"
	name := "Jenny Rosen"
	a := st.Customers.Seed(sbstripe.Customer{Email: &upper, Name: &name, Metadata: map[string]string{"tier": "gold"}})
	st.Customers.Seed(sbstripe.Customer{Email: &lower})
	config := acctest.Config(s, fmt.Sprintf(`
data "crm_stripe_customer" "by_id" {
  id = %q
}
data "crm_stripe_customer" "by_email" {
  email = "Jenny@Example.com"
}
data "crm_stripe_customers" "all" {}
data "crm_stripe_customers" "jenny" {
  email = "jenny@example.com"
}
`, a.ID))
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{{
			Config: config,
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("data.crm_stripe_customer.by_id", tfjsonpath.New("name"), knownvalue.StringExact(name)),
				statecheck.ExpectKnownValue("data.crm_stripe_customer.by_id", tfjsonpath.New("metadata").AtMapKey("tier"), knownvalue.StringExact("gold")),
				statecheck.ExpectKnownValue("data.crm_stripe_customer.by_email", tfjsonpath.New("id"), knownvalue.StringExact(a.ID)),
				statecheck.ExpectKnownValue("data.crm_stripe_customers.all", tfjsonpath.New("ids"), listOf(152)),
				statecheck.ExpectKnownValue("data.crm_stripe_customers.jenny", tfjsonpath.New("customers").AtSliceIndex(0).AtMapKey("email"), knownvalue.StringExact(lower)),
				statecheck.ExpectKnownValue("data.crm_stripe_customers.jenny", tfjsonpath.New("ids"), listOf(1)),
			},
		}},
	})
}

func listOf(n int) knownvalue.Check {
	checks := make([]knownvalue.Check, n)
	for i := range checks {
		checks[i] = knownvalue.NotNull()
	}
	return knownvalue.ListExact(checks)
}
