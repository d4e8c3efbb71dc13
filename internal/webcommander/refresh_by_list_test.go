package webcommander_test

import (
	"fmt"
	"strconv"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/customerops/terraform-provider-crm/internal/acctest"
	"github.com/customerops/terraform-provider-crm/internal/sandbox"
	sbwebcommander "github.com/customerops/terraform-provider-crm/internal/sandbox/webcommander"
)

const listedCustomers = 40

// TestAccWebCommanderCustomer_refreshByList: the store holds only the 40
// managed customers (2 pages of 20), so after a few GETs the plan reads the
// rest from the store's list, and still sees a customer changed out of band
// and one deleted out of band (confirmed by its own GET).
func TestAccWebCommanderCustomer_refreshByList(t *testing.T) {
	s := acctest.Sandbox(t)
	config := acctest.Config(s, hcl("many", with(full(), "count", strconv.Itoa(listedCustomers), "email", `"c${count.index}@example.com"`)))
	ids := map[int]int64{}
	var mark acctest.Mark
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config: config,
				Check: func(st *terraform.State) error {
					for i := range listedCustomers {
						id, err := strconv.ParseInt(st.RootModule().Resources[fmt.Sprintf("crm_webcommander_customer.many.%d", i)].Primary.ID, 10, 64)
						if err != nil {
							return err
						}
						ids[i] = id
					}
					return nil
				},
			},
			{
				PreConfig: func() {
					if err := sbwebcommander.StoreOf(s).Customers.Mutate(ids[5], map[string]any{"last_name": "Byron"}); err != nil {
						t.Fatal(err)
					}
					if !sbwebcommander.StoreOf(s).Customers.Delete(ids[7]) {
						t.Fatal("customer 7 not in the sandbox")
					}
					mark = acctest.MarkRequests(s)
				},
				Config: config,
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction("crm_webcommander_customer.many[5]", plancheck.ResourceActionUpdate),
						plancheck.ExpectKnownValue("crm_webcommander_customer.many[5]", tfjsonpath.New("last_name"), knownvalue.StringExact("Lovelace")),
						plancheck.ExpectResourceAction("crm_webcommander_customer.many[7]", plancheck.ResourceActionCreate),
						plancheck.ExpectResourceAction("crm_webcommander_customer.many[8]", plancheck.ResourceActionNoop),
						acctest.RefreshGETs(&mark, sbwebcommander.Name, listedRequests),
					},
				},
				Check: func(*terraform.State) error {
					if n := len(sbwebcommander.StoreOf(s).Customers.List()); n != listedCustomers {
						return fmt.Errorf("sandbox has %d customers, want %d", n, listedCustomers)
					}
					if c, _ := sbwebcommander.StoreOf(s).Customers.Get(ids[5]); c.LastName != "Lovelace" {
						return fmt.Errorf("customer 5 not restored: last name %q", c.LastName)
					}
					return nil
				},
			},
		},
	})
}

// listedRequests checks the plan's refresh: far fewer requests than one GET
// per customer, the store's list among them.
func listedRequests(reqs []sandbox.Request) error {
	var lists, gets int
	for _, r := range reqs {
		switch {
		case strings.HasSuffix(r.Path, "/admin/customers"):
			lists++
		case strings.Contains(r.Path, "/admin/customers/"):
			gets++
		}
	}
	// One request for the list's size, 2 pages; GETs until they cost as
	// much as the list (a few more while reads overlap), and one for the
	// deleted customer.
	if lists < 2 || lists > 4 || gets > listedCustomers/2 {
		return fmt.Errorf("refreshing %d customers sent %d list requests and %d GETs, want 3 list requests and few GETs",
			listedCustomers, lists, gets)
	}
	return nil
}
