package xtrakit_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/customerops/terraform-provider-crm/internal/acctest"
	"github.com/customerops/terraform-provider-crm/internal/sandbox"
	sbxtrakit "github.com/customerops/terraform-provider-crm/internal/sandbox/xtrakit"
)

const listedCustomers = 40

// manyCustomers is a group and listedCustomers customers in it.
const manyCustomers = `
resource "crm_xtrakit_customer_group" "g" {
  name = "Wholesale"
}

resource "crm_xtrakit_customer" "many" {
  count      = 40
  group_id   = crm_xtrakit_customer_group.g.id
  name       = "Customer ${count.index}"
  email      = "customer${count.index}@example.com"
  phone      = "+233201234567"
  country    = "Ghana"
  state      = "Ashanti"
  city       = "Kumasi"
  address1   = "12 Harper Road"
  created_by = "platform-team"
}
`

// TestAccXtrakitCustomer_refreshByList: a plan refreshing 40 customers reads
// them from one list request, not 40 GETs, and still sees a customer
// changed out of band (update) and one deleted out of band (confirmed gone
// by its own GET, then re-created).
func TestAccXtrakitCustomer_refreshByList(t *testing.T) {
	s := acctest.Sandbox(t)
	store := sbxtrakit.StoreOf(s).Customers
	acctest.RefreshByList{
		Server: s, Platform: sbxtrakit.Name, Type: "crm_xtrakit_customer", N: listedCustomers, Config: manyCustomers,
		Attr: "city", Want: "Kumasi",
		Change: func(id string) error {
			return store.Mutate(acctest.NumericID(id), map[string]any{"customer_city": "Accra"})
		},
		Delete:  func(id string) bool { return store.Delete(acctest.NumericID(id)) },
		Refresh: func([]string) func([]sandbox.Request) error { return refreshRequests },
		Stored:  func() int { return len(store.List()) },
		Restored: func(id string) error {
			if c, _ := store.Get(acctest.NumericID(id)); c.CustomerCity != "Kumasi" {
				return errorf("customer %d not restored: city %q", acctest.Changed, c.CustomerCity)
			}
			return nil
		},
	}.Test(t)
}

// refreshRequests checks what the plan's refresh asked the sandbox: one
// customer list, and per-customer GETs only for the first reads (before
// the list pays) and for the customer missing from the list.
func refreshRequests(reqs []sandbox.Request) error {
	var lists, gets int
	for _, r := range reqs {
		switch {
		case r.Path == "/customers":
			lists++
		case strings.HasPrefix(r.Path, "/customers/"):
			gets++
		}
	}
	// Reads 1 and 2 are GETs; the deleted customer's absence is confirmed
	// by one more.
	if lists != 1 || gets > 3 {
		return fmt.Errorf("refreshing %d customers sent %d list requests and %d GETs, want 1 list and at most 3 GETs",
			listedCustomers, lists, gets)
	}
	return nil
}
