package axim_test

import (
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/customerops/terraform-provider-crm/internal/acctest"
	sbaxim "github.com/customerops/terraform-provider-crm/internal/sandbox/axim"
)

// TestAccAximCustomer_duplicateEmail: Axim's refusal, with the import
// command and block naming the existing customer.
func TestAccAximCustomer_duplicateEmail(t *testing.T) {
	s := acctest.Sandbox(t)
	existing := sbaxim.StoreOf(s).Customers.Seed(sbaxim.Customer{FirstName: "Jane", LastName: "Roe", Email: "john@aximcommerce.com", Status: "active"})
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{{
			Config: acctest.Config(s, minimal().hcl()),
			ExpectError: regexp.MustCompile(`(?s)HTTP 400: Customer with this email already exists.*terraform\s+import\s+<resource\s+address>\s+` +
				existing.ID + `.*id\s+=\s+"` + existing.ID + `"`),
		}},
	})
}
