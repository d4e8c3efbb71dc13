package axim_test

import (
	"fmt"
	"testing"

	"github.com/customerops/terraform-provider-crm/internal/acctest"
	"github.com/customerops/terraform-provider-crm/internal/axim"
	"github.com/customerops/terraform-provider-crm/internal/sandbox"
	sbaxim "github.com/customerops/terraform-provider-crm/internal/sandbox/axim"
)

// Adopting the 40 active customers made through AximCommerce's API, messy
// spellings included: with terraform query (Terraform 1.14+), and with
// `generate` on every CLI.
func TestAccAximCustomer_adoptByQuery(t *testing.T)    { acctest.AdoptByQuery(t, adoptPlatform) }
func TestAccAximCustomer_adoptByGenerate(t *testing.T) { acctest.AdoptByGenerate(t, adoptPlatform) }

func ptr(s string) *string { return &s }

var adoptPlatform = acctest.AdoptPlatform{
	Name:     sbaxim.Name,
	Type:     "crm_axim_customer",
	Filter:   map[string]any{"status": "active"},
	ListPath: "/customers", PageSize: 10,
	Seed: func(t *testing.T, s *sandbox.Server, n int) []string {
		c := acctest.Connect[axim.Client](t, s, axim.Platform)
		var ids []string
		for i := range n + 5 {
			in := axim.CustomerInput{
				FirstName: fmt.Sprintf("Customer %d", i), LastName: "Mensah",
				Email: fmt.Sprintf("customer%d@example.com", i), Status: "active",
			}
			if i >= n {
				in.Status = "inactive" // left out by the filter
			}
			switch i % 4 { // what years of hand entry leave behind
			case 0:
				in.Email = fmt.Sprintf("Customer.%d@Example.COM", i)
				in.LastName = "Mensah "
			case 1:
				in.Address = []axim.Address{{Address1: ptr("12 Harper Road"), City: ptr("Kumasi "), Country: ptr("gh"),
					Zipcode: ptr(" 00233"), IsDefaultAddress: true}}
				in.PhoneNumber = ptr("+233 20 123 4567")
			case 2:
				in.Company = ptr("64b7f0c2a1b2c3d4e5f60718")
				in.Notes = ptr("Imported\nfrom the old shop")
				in.MetaFields = []axim.MetaField{{Code: "tier", Value: []byte(`"gold"`)}}
			}
			cu, err := c.CreateCustomer(t.Context(), in)
			if err != nil {
				t.Fatalf("seeding customer %d: %v", i, err)
			}
			if i < n {
				ids = append(ids, cu.ID)
			}
		}
		return ids
	},
}
