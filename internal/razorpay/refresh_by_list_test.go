package razorpay_test

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
	sbrazorpay "github.com/customerops/terraform-provider-crm/internal/sandbox/razorpay"
)

const listedCustomers = 150 // two pages of 100

// TestAccRazorpayCustomer_refreshByList: a plan of 150 customers reads
// Razorpay's list (two pages, newest first) instead of 150 GETs, and still
// sees a customer changed out of band and one gone (confirmed by its own
// GET, answered "does not exist").
func TestAccRazorpayCustomer_refreshByList(t *testing.T) {
	s := newSandbox(t)
	config := acctest.Config(s, fmt.Sprintf(`
resource "crm_razorpay_customer" "many" {
  count   = %d
  name    = "Listed ${count.index}"
  contact = "+91987650${format("%%04d", count.index)}"
  email   = "listed${count.index}@example.com"
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
						ids[i] = st.RootModule().Resources[fmt.Sprintf("crm_razorpay_customer.many.%d", i)].Primary.ID
					}
					return nil
				},
			},
			{
				PreConfig: func() {
					store := sbrazorpay.StoreOf(s).Customers
					if err := store.Mutate(ids[5], map[string]any{"name": "Changed by hand"}); err != nil {
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
						plancheck.ExpectResourceAction("crm_razorpay_customer.many[5]", plancheck.ResourceActionUpdate),
						plancheck.ExpectKnownValue("crm_razorpay_customer.many[5]", tfjsonpath.New("name"), knownvalue.StringExact("Listed 5")),
						plancheck.ExpectResourceAction("crm_razorpay_customer.many[7]", plancheck.ResourceActionCreate),
						plancheck.ExpectResourceAction("crm_razorpay_customer.many[8]", plancheck.ResourceActionNoop),
						acctest.RefreshGETs(&mark, sbrazorpay.Name, refreshedByList(ids, 7)),
					},
				},
			},
		},
	})
}

// refreshedByList checks the plan's refresh of the 150 customers against
// what the client's growing snapshot (internal/transport/growing.go)
// guarantees: each page of the list is read at most once (two of them),
// the first reads (listAfter-1 = 2) are GETs, the customer gone is read
// by its own GET, and at most one GET per page read beyond those (the
// reads that come before the budget reaches a page): nowhere near 150.
func refreshedByList(ids map[int]string, gone int) func([]sandbox.Request) error {
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
