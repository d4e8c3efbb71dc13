package webcommander_test

import (
	"fmt"
	"strconv"
	"testing"

	"github.com/customerops/terraform-provider-crm/internal/acctest"
	"github.com/customerops/terraform-provider-crm/internal/sandbox"
	sbx "github.com/customerops/terraform-provider-crm/internal/sandbox/webcommander"
	"github.com/customerops/terraform-provider-crm/internal/webcommander"
)

// Adopting the 40 active customers made through WebCommander's API, messy
// spellings included: with terraform query (Terraform 1.14+), and with
// `generate` on every CLI.
func TestAccWebCommanderCustomer_adoptByQuery(t *testing.T) { acctest.AdoptByQuery(t, adoptPlatform) }
func TestAccWebCommanderCustomer_adoptByGenerate(t *testing.T) {
	acctest.AdoptByGenerate(t, adoptPlatform)
}

var adoptPlatform = acctest.AdoptPlatform{
	Name:     sbx.Name,
	Type:     "crm_webcommander_customer",
	Filter:   map[string]any{"status": "active"},
	ListPath: "/api/v4/admin/customers", PageSize: 20,
	Seed: func(t *testing.T, s *sandbox.Server, n int) []string {
		c := acctest.Connect[webcommander.Client](t, s, webcommander.Platform)
		var ids []string
		for i := range n + 5 {
			customer := map[string]any{"first_name": fmt.Sprintf("Customer %d", i), "status": "active"}
			top := map[string]any{}
			if i >= n {
				customer["status"] = "inactive" // left out by the filter
			}
			switch i % 4 { // what years of hand entry leave behind
			case 0:
				customer["email"] = fmt.Sprintf("Customer.%d@Example.COM", i)
				customer["last_name"] = "Okafor "
			case 1:
				customer["country"] = "AU"
				customer["state"] = "NSW"
				customer["city"] = " Sydney"
				customer["post_code"] = "2000"
				customer["address_line"] = "1 George St"
			case 2:
				customer["company_name"] = "Acme  "
				customer["gender"] = "female"
				top["store_credit"] = "150.00"
				top["credit_limit"] = "1000.5"
			}
			cu, err := c.CreateRaw(t.Context(), customer, top)
			if err != nil {
				t.Fatalf("seeding customer %d: %v", i, err)
			}
			if i < n {
				ids = append(ids, strconv.FormatInt(cu.ID, 10))
			}
		}
		return ids
	},
}
