package webcommander_test

import (
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"testing"

	"github.com/customerops/terraform-provider-crm/internal/acctest"
	"github.com/customerops/terraform-provider-crm/internal/sandbox"
	sbwebcommander "github.com/customerops/terraform-provider-crm/internal/sandbox/webcommander"
)

const listedCustomers = 40

// TestAccWebCommanderCustomer_refreshByList: the store holds only the 40
// managed customers (2 pages of 20), so after a few GETs the plan reads the
// rest from the store's list (refreshedByList says exactly what is
// asserted), and still sees a customer changed out of band and one deleted
// out of band (confirmed by its own GET).
func TestAccWebCommanderCustomer_refreshByList(t *testing.T) {
	s := acctest.Sandbox(t)
	store := sbwebcommander.StoreOf(s).Customers
	acctest.RefreshByList{
		Server: s, Platform: sbwebcommander.Name, Type: "crm_webcommander_customer", N: listedCustomers,
		Config: hcl("many", with(full(), "count", strconv.Itoa(listedCustomers), "email", `"c${count.index}@example.com"`)),
		Attr:   "last_name", Want: "Lovelace",
		Change: func(id string) error {
			return store.Mutate(acctest.NumericID(id), map[string]any{"last_name": "Byron"})
		},
		Delete: func(id string) bool { return store.Delete(acctest.NumericID(id)) },
		Refresh: func(ids []string) func([]sandbox.Request) error {
			return refreshedByList(t, ids, acctest.Deleted)
		},
		Stored: func() int { return len(store.List()) },
		Restored: func(id string) error {
			if c, _ := store.Get(acctest.NumericID(id)); c.LastName != "Lovelace" {
				return fmt.Errorf("customer %d not restored: last name %q", acctest.Changed, c.LastName)
			}
			return nil
		},
	}.Test(t)
}

// refreshedByList checks the plan's refresh of the 40 customers against
// what the client's paged snapshot (internal/transport/snapshot.go,
// NewPagedSnapshot; internal/webcommander/client.go) guarantees:
//
//   - the list's size is asked once (limit=1), on the third read, and the
//     list is read at most once, 2 pages of 20 (39 customers are left),
//     only after the size is known;
//   - the first 3 reads are GETs (listAfter = 3; the read that asks the
//     size stays a GET), so at least 3 GETs; no customer is read twice;
//   - the customer deleted out of band is read by its own GET once,
//     answered 404 (before the list, or to confirm it is missing there).
//
// Reads that start while the size request is out are GETs, every later one
// is served by the list; how many overlap is timing, so the number of GETs
// is held to no exact count. That the list is read at all, and serves at
// least one read, needs one of the 37 later reads to start after that one
// request is answered: the test requires it, as a refresh that never uses
// the list would prove nothing, and it asserts exactly 3 list requests.
// (All within the snapshot's 30 s lifetime, which a plan of 40 reads
// against a local sandbox does not outlast.)
func refreshedByList(t *testing.T, ids []string, deleted int) func([]sandbox.Request) error {
	return func(reqs []sandbox.Request) error {
		const base = "/api/v4/admin/customers"
		managed := map[string]bool{}
		for _, id := range ids {
			managed[base+"/"+id] = true
		}
		gone := base + "/" + ids[deleted]
		var lists []string
		gets := map[string]int{}
		total := 0
		for _, r := range reqs {
			switch {
			case r.Path == base:
				lists = append(lists, r.Query.Encode())
			case managed[r.Path]:
				gets[r.Path]++
				total++
				if r.Path == gone && r.Status != http.StatusNotFound {
					return fmt.Errorf("the GET of the deleted customer was answered %d, want 404", r.Status)
				}
			default:
				return fmt.Errorf("the refresh sent GET %s?%s, which is neither the list nor a managed customer", r.Path, r.Query.Encode())
			}
		}
		t.Logf("refresh: %d list requests %q, %d GETs", len(lists), lists, total)
		if want := []string{"limit=1", "limit=20&offset=0", "limit=20&offset=20"}; !slices.Equal(lists, want) {
			return fmt.Errorf("refreshing %d customers sent the list requests %q, want exactly %q: its size once, then its 2 pages once each",
				listedCustomers, lists, want)
		}
		for path, n := range gets {
			if n > 1 {
				return fmt.Errorf("the refresh read %s %d times, want at most once", path, n)
			}
		}
		if gets[gone] != 1 {
			return fmt.Errorf("the refresh sent %d GETs of the deleted customer, want exactly 1", gets[gone])
		}
		if total < 3 {
			return fmt.Errorf("the refresh sent %d GETs, want at least 3: the first 3 reads never use the list", total)
		}
		if remaining := listedCustomers - 1; total-1 >= remaining {
			return fmt.Errorf("the refresh sent GETs for %d of the %d remaining customers, want fewer: the list served none", total-1, remaining)
		}
		return nil
	}
}
