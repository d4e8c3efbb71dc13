package xtrakit_test

import (
	"fmt"
	"net/http"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/customerops/terraform-provider-crm/internal/acctest"
	sbxtrakit "github.com/customerops/terraform-provider-crm/internal/sandbox/xtrakit"
)

// TestAccXtrakitCustomer_adaptiveRateLimit applies 200 customers, with the
// provider's default settings (no requests_per_second), against a server
// that accepts 20 requests/s: the provider slows to the server's pace, so
// the apply converges with fewer than 10 % of requests answered 429. (How
// long it takes is measured by `make bench`, not asserted here.) Like the
// fault matrix it tests the provider, not the CLI, and needs a machine that
// can go faster than 20 requests/s: scripts/acc.sh runs it once, on
// Terraform 1.16.4.
func TestAccXtrakitCustomer_adaptiveRateLimit(t *testing.T) {
	const customers, serverRPS = 200, 20
	s := acctest.Sandbox(t)
	var mark acctest.Mark
	config := acctest.Config(s, fmt.Sprintf(`
resource "crm_xtrakit_customer" "many" {
  count      = %d
  name       = "Customer ${count.index}"
  email      = "paced${count.index}@example.com"
  phone      = "+233201234567"
  country    = "Ghana"
  state      = "Ashanti"
  city       = "Kumasi"
  address1   = "12 Harper Road"
  created_by = "platform-team"
}
`, customers))
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{{
			PreConfig: func() {
				s.SetRateLimit(sbxtrakit.Name, serverRPS)
				mark = acctest.MarkRequests(s)
			},
			Config: config,
			Check: func(*terraform.State) error {
				// Destroying needs no pacing test of its own.
				defer s.SetRateLimit(sbxtrakit.Name, 0)
				if n := len(sbxtrakit.StoreOf(s).Customers.List()); n != customers {
					return errorf("sandbox has %d customers, want %d", n, customers)
				}
				var sent, throttled int
				for _, r := range mark.Since() {
					if r.Platform != sbxtrakit.Name {
						continue
					}
					sent++
					if r.Status == http.StatusTooManyRequests {
						throttled++
					}
				}
				t.Logf("%d requests, %d answered 429 (%.1f%%)", sent, throttled, 100*float64(throttled)/float64(sent))
				if throttled == 0 {
					return errorf("no request was answered 429: the server limit was not reached, so this proves nothing")
				}
				if float64(throttled) >= 0.10*float64(sent) {
					return errorf("%d of %d requests were answered 429, want under 10%%", throttled, sent)
				}
				return nil
			},
		}},
	})
}
