package axim_test

import (
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/customerops/terraform-provider-crm/internal/acctest"
	sbaxim "github.com/customerops/terraform-provider-crm/internal/sandbox/axim"
)

// TestAccAximCustomersDataSource: 25 seeded customers come back in three
// pages of at most 10; a filter narrows the list; one customer is read by
// e-mail and by id.
func TestAccAximCustomersDataSource(t *testing.T) {
	s := acctest.Sandbox(t)
	var ids []string
	for i := range 25 {
		status := "active"
		if i%5 == 0 {
			status = "pending"
		}
		c := sbaxim.StoreOf(s).Customers.Seed(sbaxim.Customer{FirstName: fmt.Sprintf("C%02d", i), LastName: "Seed", Email: fmt.Sprintf("c%02d@example.com", i), Status: status})
		ids = append(ids, c.ID)
	}
	config := acctest.Config(s, `
data "crm_axim_customers" "all" {}
data "crm_axim_customers" "pending" { status = "pending" }
data "crm_axim_customer" "by_email" { email = "C07@example.com" }
data "crm_axim_customer" "by_id" { id = "`+ids[3]+`" }
`)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{{
			Config: config,
			Check: resource.ComposeAggregateTestCheckFunc(
				resource.TestCheckResourceAttr("data.crm_axim_customers.all", "ids.#", "25"),
				resource.TestCheckResourceAttr("data.crm_axim_customers.all", "ids.24", ids[24]),
				resource.TestCheckResourceAttr("data.crm_axim_customers.all", "customers.10.email", "c10@example.com"),
				resource.TestCheckResourceAttr("data.crm_axim_customers.pending", "ids.#", "5"),
				resource.TestCheckResourceAttr("data.crm_axim_customer.by_email", "id", ids[7]),
				resource.TestCheckResourceAttr("data.crm_axim_customer.by_id", "first_name", "C03"),
				func(*terraform.State) error {
					// Terraform reads the data source more than once per step:
					// every read of the whole list must take 3 pages of 10.
					reads, pages := 0, 0
					for _, r := range acctest.Requests(s, sbaxim.Name, "GET") {
						if r.Path == "/customers" && r.Query.Get("status") == "" && r.Query.Get("email") == "" {
							pages++
							if r.Query.Get("page") == "1" {
								reads++
							}
							if r.Query.Get("limit") != "10" {
								return fmt.Errorf("a page asked for limit=%q, want 10", r.Query.Get("limit"))
							}
						}
					}
					if reads == 0 || pages != 3*reads {
						return fmt.Errorf("%d reads of the list took %d requests, want 3 pages each", reads, pages)
					}
					return nil
				},
			),
		}},
	})
}
