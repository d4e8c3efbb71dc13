package stripe_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/customerops/terraform-provider-crm/internal/acctest"
	"github.com/customerops/terraform-provider-crm/internal/sandbox"
	sbstripe "github.com/customerops/terraform-provider-crm/internal/sandbox/stripe"
)

const listedCustomers = 150 // two pages of 100

// TestAccStripeCustomer_refreshByList: a plan of 150 customers reads
// Stripe's list (two pages of 100, newest first, the second after the
// first's last id) instead of 150 GETs, and still sees a customer changed
// in the Dashboard and one deleted, which the list leaves out and its own
// GET answers deleted: true (CONTRACT.md §2, §6).
func TestAccStripeCustomer_refreshByList(t *testing.T) {
	s := acctest.Sandbox(t)
	store := sbstripe.StoreOf(s).Customers
	acctest.RefreshByList{
		Server: s, Platform: sbstripe.Name, Type: "crm_stripe_customer", N: listedCustomers,
		Config: fmt.Sprintf(`
resource "crm_stripe_customer" "many" {
  count = %d
  name  = "Listed ${count.index}"
  email = "listed${count.index}@example.com"
}
`, listedCustomers),
		Attr: "name", Want: fmt.Sprintf("Listed %d", acctest.Changed),
		Change: func(id string) error { return store.Mutate(id, map[string]any{"name": "Changed in the Dashboard"}) },
		Delete: store.Delete,
		Refresh: func(ids []string) func([]sandbox.Request) error {
			return refreshedByList(t, ids, acctest.Deleted)
		},
		Stored: func() int { return len(store.List()) },
		Restored: func(id string) error {
			if c, ok := store.Get(id); !ok || c.Name == nil || *c.Name != fmt.Sprintf("Listed %d", acctest.Changed) {
				return fmt.Errorf("customer %d in the sandbox: %+v", acctest.Changed, c)
			}
			return nil
		},
	}.Test(t)
}

// refreshedByList checks the plan's refresh of the 150 customers against
// what the client's growing snapshot (internal/transport/growing.go)
// guarantees: each page of the list is read at most once (two of them:
// limit=100, then limit=100 after the first page's last id), the first
// reads (listAfter-1 = 2) are GETs, the customer deleted is read by its own
// GET (answered deleted: true), and at most one GET per page read beyond
// those: nowhere near 150.
func refreshedByList(t *testing.T, ids []string, gone int) func([]sandbox.Request) error {
	return func(reqs []sandbox.Request) error {
		known := map[string]bool{}
		for _, id := range ids { // filled by the first step
			known[id] = true
		}
		var pages []string
		gets := map[string]int{}
		for _, r := range reqs {
			switch {
			case r.Path == "/v1/customers":
				pages = append(pages, r.Query.Encode())
			case strings.HasPrefix(r.Path, "/v1/customers/"):
				gets[strings.TrimPrefix(r.Path, "/v1/customers/")]++
			default:
				return fmt.Errorf("the refresh sent %s %s", r.Method, r.Path)
			}
		}
		if len(pages) != 2 || pages[0] != "limit=100" || !strings.HasPrefix(pages[1], "limit=100&starting_after=") ||
			!known[strings.TrimPrefix(pages[1], "limit=100&starting_after=")] {
			return fmt.Errorf("list pages read: %q (and %d GETs); want limit=100, then limit=100&starting_after=<a managed id>, once each", pages, len(gets))
		}
		if gets[ids[gone]] != 1 {
			return fmt.Errorf("the customer deleted was read %d times by its own GET, want 1", gets[ids[gone]])
		}
		if total := len(gets); total > 2+1+len(pages) {
			return fmt.Errorf("%d customers read by GET beside %d list pages: want at most %d", total, len(pages), 2+1+len(pages))
		}
		t.Logf("refreshing %d customers: %d list pages and %d GETs", len(ids), len(pages), len(gets))
		return nil
	}
}
