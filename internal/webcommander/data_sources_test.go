package webcommander_test

import (
	"fmt"
	"strconv"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/customerops/terraform-provider-crm/internal/acctest"
	sbwebcommander "github.com/customerops/terraform-provider-crm/internal/sandbox/webcommander"
)

// TestAccWebCommanderCustomersDataSource: 45 customers come back through
// pages of 20; one is read by e-mail and by id.
func TestAccWebCommanderCustomersDataSource(t *testing.T) {
	s := acctest.Sandbox(t)
	var ids []string
	for i := range 45 {
		c := sbwebcommander.StoreOf(s).Customers.Seed(sbwebcommander.Customer{FirstName: fmt.Sprintf("C%02d", i), Email: fmt.Sprintf("c%02d@example.com", i), Status: "active"})
		ids = append(ids, strconv.FormatInt(c.ID, 10))
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{{
			Config: acctest.Config(s, `
data "crm_webcommander_customers" "all" {}
data "crm_webcommander_customer" "by_email" { email = "C07@example.com" }
data "crm_webcommander_customer" "by_id" { id = "`+ids[3]+`" }
`),
			Check: resource.ComposeAggregateTestCheckFunc(
				resource.TestCheckResourceAttr("data.crm_webcommander_customers.all", "ids.#", "45"),
				resource.TestCheckResourceAttr("data.crm_webcommander_customers.all", "ids.44", ids[44]),
				resource.TestCheckResourceAttr("data.crm_webcommander_customer.by_email", "id", ids[7]),
				resource.TestCheckResourceAttr("data.crm_webcommander_customer.by_id", "first_name", "C03"),
			),
		}},
	})
}
