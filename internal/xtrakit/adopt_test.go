package xtrakit_test

import (
	"fmt"
	"strconv"
	"testing"

	"github.com/customerops/terraform-provider-crm/internal/acctest"
	"github.com/customerops/terraform-provider-crm/internal/sandbox"
	"github.com/customerops/terraform-provider-crm/internal/xtrakit"
)

// Adopting 40 of a group's customers made through Xtrakit's API, messy
// spellings included: with terraform query (Terraform 1.14+), and with
// `generate` on every CLI.
func TestAccXtrakitCustomer_adoptByQuery(t *testing.T)    { acctest.AdoptByQuery(t, adoptPlatform) }
func TestAccXtrakitCustomer_adoptByGenerate(t *testing.T) { acctest.AdoptByGenerate(t, adoptPlatform) }

// adoptGroupID is the group the filter picks: the seed makes it first.
const adoptGroupID = 1

var adoptPlatform = acctest.AdoptPlatform{
	Name:   "xtrakit",
	Type:   "crm_xtrakit_customer",
	Filter: map[string]any{"group_id": adoptGroupID},
	// Xtrakit's list is one page, whatever its size.
	ListPath: "/customers", PageSize: 1 << 20,
	Seed: func(t *testing.T, s *sandbox.Server, n int) []string {
		c := acctest.Connect[xtrakit.Client](t, s, xtrakit.Platform)
		group, err := c.CreateGroup(t.Context(), xtrakit.GroupInput{GroupName: "Imported"})
		if err != nil || group.ID != adoptGroupID {
			t.Fatalf("creating the group: %v (%+v)", err, group)
		}
		var ids []string
		for i := range n + 5 {
			in := xtrakit.CustomerInput{
				CustomerName: fmt.Sprintf("Customer %d", i), CustomerPhone: "+91 98765 43210",
				CustomerCountry: "India", CustomerState: "Maharashtra", CustomerCity: "Pune",
				Address1: "12 MG Road", CreatedBy: "legacy-crm",
			}
			if i < n {
				in.CustomerGroupID = &group.ID
			}
			switch i % 4 { // what years of hand entry leave behind
			case 0:
				email := fmt.Sprintf("Customer.%d@Example.COM", i)
				in.CustomerEmail = &email
			case 1:
				in.CustomerName += "  " // trailing blanks
				in.CustomerCountry = "IN"
				zip := " 411001 "
				in.CustomerZip = &zip
			case 2:
				email := fmt.Sprintf("customer%d@example.com", i)
				profile := "Wholesale\nsince 2019"
				in.CustomerEmail, in.CustomerProfile = &email, &profile
			}
			cu, err := c.CreateCustomer(t.Context(), in)
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
