package razorpay_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/customerops/terraform-provider-crm/internal/acctest"
	"github.com/customerops/terraform-provider-crm/internal/sandbox"
	sbrazorpay "github.com/customerops/terraform-provider-crm/internal/sandbox/razorpay"
)

const listedCustomers = 150 // two pages of 100

// TestAccRazorpayCustomer_refreshByList: a plan of 150 customers reads
// Razorpay's list (two pages, newest first) instead of 150 GETs, and still
// sees a customer changed out of band and one gone (confirmed by its own
// GET, answered "does not exist").
func TestAccRazorpayCustomer_refreshByList(t *testing.T) {
	s := newSandbox(t)
	store := sbrazorpay.StoreOf(s).Customers
	acctest.RefreshByList{
		Server: s, Platform: sbrazorpay.Name, Type: "crm_razorpay_customer", N: listedCustomers,
		Config: fmt.Sprintf(`
resource "crm_razorpay_customer" "many" {
  count   = %d
  name    = "Listed ${count.index}"
  contact = "+91987650${format("%%04d", count.index)}"
  email   = "listed${count.index}@example.com"
}
`, listedCustomers),
		Attr: "name", Want: fmt.Sprintf("Listed %d", acctest.Changed),
		Change: func(id string) error { return store.Mutate(id, map[string]any{"name": "Changed by hand"}) },
		Delete: store.Delete,
		Refresh: func(ids []string) func([]sandbox.Request) error {
			return refreshedByList(ids, acctest.Deleted)
		},
		Stored: func() int { return len(store.List()) },
		Restored: func(id string) error {
			if c, ok := store.Get(id); !ok || c.Name != fmt.Sprintf("Listed %d", acctest.Changed) {
				return fmt.Errorf("customer %d in the sandbox: %+v", acctest.Changed, c)
			}
			return nil
		},
	}.Test(t)
}

// refreshedByList checks the plan's refresh of the 150 customers against
// what the client's growing snapshot (internal/transport/growing.go)
// guarantees: each page of the list is read at most once (two of them),
// the first reads (listAfter-1 = 2) are GETs, the customer gone is read
// by its own GET, and at most one GET per page read beyond those (the
// reads that come before the budget reaches a page): nowhere near 150.
func refreshedByList(ids []string, gone int) func([]sandbox.Request) error {
	return func(reqs []sandbox.Request) error {
		pages := map[string]int{}
		gets := map[string]int{}
		for _, r := range reqs {
			switch {
			case r.Path == "/customers":
				pages[r.Query.Encode()]++
			case strings.HasPrefix(r.Path, "/customers/"):
				gets[strings.TrimPrefix(r.Path, "/customers/")]++
			default:
				return fmt.Errorf("the refresh sent %s %s", r.Method, r.Path)
			}
		}
		for q, n := range pages {
			if n > 1 || (q != "count=100&skip=0" && q != "count=100&skip=100") {
				return fmt.Errorf("list pages read: %v; want count=100&skip=0 and skip=100 at most once each", pages)
			}
		}
		if len(pages) == 0 {
			return fmt.Errorf("the list was never read: %d GETs", len(gets))
		}
		if gets[ids[gone]] != 1 {
			return fmt.Errorf("the customer gone was read %d times by its own GET, want 1", gets[ids[gone]])
		}
		if total := len(gets); total > 2+1+len(pages) {
			return fmt.Errorf("%d customers read by GET beside %d list pages: want at most %d", total, len(pages), 2+1+len(pages))
		}
		return nil
	}
}
