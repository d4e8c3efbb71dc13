package stripe_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

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
	config := acctest.Config(s, fmt.Sprintf(`
resource "crm_stripe_customer" "many" {
  count = %d
  name  = "Listed ${count.index}"
  email = "listed${count.index}@example.com"
}
`, listedCustomers))
	ids := map[int]string{}
	var mark acctest.Mark
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config: config,
				Check: func(st *terraform.State) error {
					for i := range listedCustomers {
						ids[i] = st.RootModule().Resources[fmt.Sprintf("crm_stripe_customer.many.%d", i)].Primary.ID
					}
					return nil
				},
			},
			{
				PreConfig: func() {
					store := sbstripe.StoreOf(s).Customers
					if err := store.Mutate(ids[5], map[string]any{"name": "Changed in the Dashboard"}); err != nil {
						t.Fatal(err)
					}
					if !store.Delete(ids[7]) {
						t.Fatal("customer 7 not in the sandbox")
					}
					mark = acctest.MarkRequests(s)
				},
				Config: config,
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction("crm_stripe_customer.many[5]", plancheck.ResourceActionUpdate),
						plancheck.ExpectKnownValue("crm_stripe_customer.many[5]", tfjsonpath.New("name"), knownvalue.StringExact("Listed 5")),
						plancheck.ExpectResourceAction("crm_stripe_customer.many[7]", plancheck.ResourceActionCreate),
						plancheck.ExpectResourceAction("crm_stripe_customer.many[8]", plancheck.ResourceActionNoop),
						acctest.RefreshGETs(&mark, sbstripe.Name, refreshedByList(t, ids, 7)),
					},
				},
				Check: func(st *terraform.State) error {
					res := st.RootModule().Resources
					if got := res["crm_stripe_customer.many.5"].Primary; got.ID != ids[5] || got.Attributes["name"] != "Listed 5" {
						return fmt.Errorf("customer 5 in state: %s %q", got.ID, got.Attributes["name"])
					}
					if c, ok := sbstripe.StoreOf(s).Customers.Get(ids[5]); !ok || c.Name == nil || *c.Name != "Listed 5" {
						return fmt.Errorf("customer 5 in the sandbox: %+v", c)
					}
					again := res["crm_stripe_customer.many.7"].Primary.ID
					if again == ids[7] || again == "" {
						return fmt.Errorf("customer 7 in state: %q, want a new customer (was %s)", again, ids[7])
					}
					if all := sbstripe.StoreOf(s).Customers.List(); len(all) != listedCustomers {
						return fmt.Errorf("the sandbox holds %d customers, want %d", len(all), listedCustomers)
					}
					return nil
				},
			},
		},
	})
}

// refreshedByList checks the plan's refresh of the 150 customers against
// what the client's growing snapshot (internal/transport/growing.go)
// guarantees: each page of the list is read at most once (two of them:
// limit=100, then limit=100 after the first page's last id), the first
// reads (listAfter-1 = 2) are GETs, the customer deleted is read by its own
// GET (answered deleted: true), and at most one GET per page read beyond
// those: nowhere near 150.
func refreshedByList(t *testing.T, ids map[int]string, gone int) func([]sandbox.Request) error {
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
