package xtrakit_test

import (
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/customerops/terraform-provider-crm/internal/acctest"
	sbxtrakit "github.com/customerops/terraform-provider-crm/internal/sandbox/xtrakit"
)

// TestAccXtrakitCustomer_adaptiveRateLimitOnce applies 200 customers, with the
// provider's default settings (no requests_per_second), against a server
// that accepts 20 requests/s: the provider slows to the server's pace, so
// the apply converges (every instance holds a customer of its own, with its
// own e-mail, and the sandbox holds no other) with fewer than 10 % of
// requests answered 429. (How
// long it takes is measured by `make bench`, not asserted here.) Like the
// fault matrix it tests the provider, not the CLI, and needs a machine that
// can go faster than 20 requests/s: scripts/acc.sh runs it once, on
// Terraform 1.16.4.
func TestAccXtrakitCustomer_adaptiveRateLimitOnce(t *testing.T) {
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
			Check: func(st *terraform.State) error {
				// Destroying needs no pacing test of its own.
				defer s.SetRateLimit(sbxtrakit.Name, 0)
				// Converging means every instance got its own customer:
				// 200 records alone could be one instance's retries.
				if err := oneCustomerPerInstance(st, "crm_xtrakit_customer.many", customers, sbxtrakit.StoreOf(s).Customers.List()); err != nil {
					return err
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

// oneCustomerPerInstance checks that the n instances of addr (count) and
// the sandbox's customers match one to one: the customers' e-mails are
// distinct; instance i has e-mail paced<i>@example.com and an id of its
// own, naming a sandbox customer with that e-mail; and every sandbox
// customer is some instance's.
func oneCustomerPerInstance(st *terraform.State, addr string, n int, all []sbxtrakit.Customer) error {
	byID := make(map[string]sbxtrakit.Customer, len(all))
	byEmail := make(map[string]int64, len(all))
	for _, c := range all {
		if c.CustomerEmail == nil {
			return errorf("sandbox customer %d has no e-mail", c.ID)
		}
		if other, dup := byEmail[*c.CustomerEmail]; dup {
			return errorf("sandbox customers %d and %d both have e-mail %q", other, c.ID, *c.CustomerEmail)
		}
		byEmail[*c.CustomerEmail] = c.ID
		byID[strconv.FormatInt(c.ID, 10)] = c
	}
	instances := 0
	for key := range st.RootModule().Resources {
		if strings.HasPrefix(key, addr+".") {
			instances++
		}
	}
	if instances != n {
		return errorf("state holds %d instances of %s, want %d", instances, addr, n)
	}
	owner := make(map[string]int, n)
	for i := range n {
		rs, ok := st.RootModule().Resources[fmt.Sprintf("%s.%d", addr, i)]
		if !ok {
			return errorf("%s[%d] is not in state", addr, i)
		}
		id, email, want := rs.Primary.ID, rs.Primary.Attributes["email"], fmt.Sprintf("paced%d@example.com", i)
		if email != want {
			return errorf("%s[%d] has e-mail %q in state, want %q", addr, i, email, want)
		}
		if j, dup := owner[id]; dup {
			return errorf("%s[%d] and [%d] both hold customer %s", addr, j, i, id)
		}
		owner[id] = i
		c, ok := byID[id]
		if !ok {
			return errorf("%s[%d] holds id %s, which no sandbox customer has", addr, i, id)
		}
		if *c.CustomerEmail != want {
			return errorf("%s[%d] holds customer %s, whose e-mail in the sandbox is %q, want %q", addr, i, id, *c.CustomerEmail, want)
		}
	}
	for id, c := range byID {
		if _, ok := owner[id]; !ok {
			return errorf("sandbox customer %s (%q) belongs to no instance of %s", id, *c.CustomerEmail, addr)
		}
	}
	return nil
}
