package axim_test

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
	ids := map[int]string{}
	var mark acctest.Mark
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config: acctest.Config(s, batchedConfig),
				Check: func(st *terraform.State) error {
					for i := range batchedCustomers {
						ids[i] = st.RootModule().Resources[fmt.Sprintf("crm_axim_customer.many.%d", i)].Primary.ID
					}
					return nil
				},
			},
			{
				PreConfig: func() {
					if err := sbaxim.StoreOf(s).Customers.Mutate(ids[5], map[string]any{"notes": "retail"}); err != nil {
						t.Fatal(err)
					}
					if !sbaxim.StoreOf(s).Customers.Delete(ids[7]) {
						t.Fatal("customer 7 not in the sandbox")
					}
					mark = acctest.MarkRequests(s)
				},
				Config: acctest.Config(s, batchedConfig),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction("crm_axim_customer.many[5]", plancheck.ResourceActionUpdate),
						plancheck.ExpectKnownValue("crm_axim_customer.many[5]", tfjsonpath.New("notes"), knownvalue.StringExact("wholesale")),
						plancheck.ExpectResourceAction("crm_axim_customer.many[7]", plancheck.ResourceActionCreate),
						plancheck.ExpectResourceAction("crm_axim_customer.many[8]", plancheck.ResourceActionNoop),
						acctest.RefreshGETs(&mark, sbaxim.Name, batchedRequests),
					},
				},
				Check: func(*terraform.State) error {
					if n := len(sbaxim.StoreOf(s).Customers.List()); n != batchedCustomers {
						return fmt.Errorf("sandbox has %d customers, want %d", n, batchedCustomers)
					}
					if c, _ := sbaxim.StoreOf(s).Customers.Get(ids[5]); c.Notes == nil || *c.Notes != "wholesale" {
						return fmt.Errorf("customer 5 not restored: notes %v", c.Notes)
					}
					return nil
				},
			},
		},
	})
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
