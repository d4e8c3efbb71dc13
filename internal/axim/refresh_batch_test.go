package axim_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/customerops/terraform-provider-crm/internal/acctest"
	"github.com/customerops/terraform-provider-crm/internal/sandbox"
	sbaxim "github.com/customerops/terraform-provider-crm/internal/sandbox/axim"
)

const batchedCustomers = 30

var batchedConfig = fmt.Sprintf(`
resource "crm_axim_customer" "many" {
  count      = %d
  first_name = "Customer"
  last_name  = "No. ${count.index}"
  email      = "batched${count.index}@aximcommerce.com"
  notes      = "wholesale"
  addresses = [{
    address1   = "12/4, test st"
    city       = "Elizabeth"
    state      = "NJ"
    country    = "US"
    zipcode    = "07202"
    is_default = true
  }]
  meta_fields = {
    tier = "gold"
    rank = count.index
  }
}
`, batchedCustomers)

// TestAccAximCustomer_refreshInBatches: a plan refreshing 30 customers reads
// them in id:in list requests of up to 10, not 30 GETs, and still sees a
// customer changed out of band and one deleted out of band (confirmed by its
// own GET).
func TestAccAximCustomer_refreshInBatches(t *testing.T) {
	s := acctest.Sandbox(t)
	store := sbaxim.StoreOf(s).Customers
	acctest.RefreshByList{
		Server: s, Platform: sbaxim.Name, Type: "crm_axim_customer", N: batchedCustomers, Config: batchedConfig,
		Attr: "notes", Want: "wholesale",
		Change:  func(id string) error { return store.Mutate(id, map[string]any{"notes": "retail"}) },
		Delete:  store.Delete,
		Refresh: func([]string) func([]sandbox.Request) error { return batchedRequests },
		Stored:  func() int { return len(store.List()) },
		Restored: func(id string) error {
			if c, _ := store.Get(id); c.Notes == nil || *c.Notes != "wholesale" {
				return fmt.Errorf("customer %d not restored: notes %v", acctest.Changed, c.Notes)
			}
			return nil
		},
	}.Test(t)
}

// batchedRequests checks the plan's refresh: id:in lists of customers, and
// one GET, for the customer the list lacked.
func batchedRequests(reqs []sandbox.Request) error {
	var lists, asked, most, gets int
	for _, r := range reqs {
		switch {
		case r.Path == "/customers" && r.Query.Has("id:in"):
			lists++
			n := len(strings.Split(r.Query.Get("id:in"), ","))
			asked += n
			most = max(most, n)
		case strings.HasPrefix(r.Path, "/customers/"):
			gets++
		}
	}
	// Every customer is asked for in a list; reads that arrive together
	// share one (how many do depends on timing, so only "some" is asserted);
	// the deleted one, missing from its list, gets one GET.
	if asked != batchedCustomers || most < 2 || lists >= batchedCustomers || gets != 1 {
		return fmt.Errorf("refreshing %d customers asked for %d in %d id:in lists (at most %d in one) and sent %d GETs; "+
			"want all %d in fewer lists, some shared, and exactly 1 GET", batchedCustomers, asked, lists, most, gets, batchedCustomers)
	}
	return nil
}
