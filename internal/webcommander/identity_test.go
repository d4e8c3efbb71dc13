package webcommander_test

import (
	"strconv"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/customerops/terraform-provider-crm/internal/acctest"
	sbwebcommander "github.com/customerops/terraform-provider-crm/internal/sandbox/webcommander"
)

// TestAccWebCommanderCustomer_identity: the identity follows the id, and
// imports by identity plan empty but for what cannot be read back.
func TestAccWebCommanderCustomer_identity(t *testing.T) {
	s := acctest.Sandbox(t)
	seeded := sbwebcommander.StoreOf(s).Customers.Seed(sbwebcommander.Customer{FirstName: "Grace", LastName: "Hopper", Email: "grace@example.com", Status: "active"})
	config := acctest.Config(s, hcl("test", with(full(), "newsletter_subscribed", "-")))
	adopted := hcl("seeded", map[string]string{"first_name": `"Grace"`, "last_name": `"Hopper"`, "email": `"grace@example.com"`, "status": `"active"`})
	steps := acctest.IdentitySteps(config, customerAddr, idPattern)
	steps = append(steps, acctest.AdoptByIdentity(config+adopted, "crm_webcommander_customer.seeded", strconv.FormatInt(seeded.ID, 10)))
	resource.ParallelTest(t, resource.TestCase{
		TerraformVersionChecks:   acctest.NeedsIdentity(t),
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps:                    steps,
	})
}
