package xtrakit_test

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
	ids := map[string]int64{}
	var mark acctest.Mark
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config: acctest.Config(s, manyCustomers),
				Check: func(st *terraform.State) error {
					for i := range listedCustomers {
						addr := fmt.Sprintf("crm_xtrakit_customer.many.%d", i)
						var id int64
						if _, err := fmt.Sscan(st.RootModule().Resources[addr].Primary.ID, &id); err != nil {
							return err
						}
						ids[addr] = id
					}
					return nil
				},
			},
			{
				PreConfig: func() {
					if err := sbxtrakit.StoreOf(s).Customers.Mutate(ids["crm_xtrakit_customer.many.5"], map[string]any{"customer_city": "Accra"}); err != nil {
						t.Fatal(err)
					}
					if !sbxtrakit.StoreOf(s).Customers.Delete(ids["crm_xtrakit_customer.many.7"]) {
						t.Fatal("customer 7 not in the sandbox")
					}
					mark = acctest.MarkRequests(s)
				},
				Config: acctest.Config(s, manyCustomers),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction("crm_xtrakit_customer.many[5]", plancheck.ResourceActionUpdate),
						plancheck.ExpectKnownValue("crm_xtrakit_customer.many[5]", tfjsonpath.New("city"), knownvalue.StringExact("Kumasi")),
						plancheck.ExpectResourceAction("crm_xtrakit_customer.many[7]", plancheck.ResourceActionCreate),
						plancheck.ExpectResourceAction("crm_xtrakit_customer.many[8]", plancheck.ResourceActionNoop),
						acctest.RefreshGETs(&mark, sbxtrakit.Name, refreshRequests),
					},
				},
				Check: func(*terraform.State) error {
					if n := len(sbxtrakit.StoreOf(s).Customers.List()); n != listedCustomers {
						return errorf("sandbox has %d customers, want %d", n, listedCustomers)
					}
					if c, _ := sbxtrakit.StoreOf(s).Customers.Get(ids["crm_xtrakit_customer.many.5"]); c.CustomerCity != "Kumasi" {
						return errorf("customer 5 not restored: city %q", c.CustomerCity)
					}
					return nil
				},
			},
		},
	})
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
