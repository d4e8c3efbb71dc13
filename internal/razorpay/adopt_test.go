package razorpay_test

import (
	"fmt"
	"testing"

	"github.com/customerops/terraform-provider-crm/internal/acctest"
	"github.com/customerops/terraform-provider-crm/internal/razorpay"
	"github.com/customerops/terraform-provider-crm/internal/sandbox"
	sbrazorpay "github.com/customerops/terraform-provider-crm/internal/sandbox/razorpay"
)

// Adopting the 40 customers made since 2024 through Razorpay's API, messy
// spellings included: with terraform query (Terraform 1.14+), and with
// `generate` on every CLI.
func TestAccRazorpayCustomer_adoptByQuery(t *testing.T)    { acctest.AdoptByQuery(t, adoptPlatform) }
func TestAccRazorpayCustomer_adoptByGenerate(t *testing.T) { acctest.AdoptByGenerate(t, adoptPlatform) }

var adoptPlatform = acctest.AdoptPlatform{
	Name:     sbrazorpay.Name,
	Type:     "crm_razorpay_customer",
	Filter:   map[string]any{"created_after": "2024-01-01T00:00:00Z"},
	ListPath: "/customers", PageSize: 100,
	Seed: func(t *testing.T, s *sandbox.Server, n int) []string {
		// Five customers from 2020, which the filter leaves out.
		for i := range 5 {
			old := sbxCustomer(fmt.Sprintf("Old %d", i), fmt.Sprintf("+9198200%05d", i), fmt.Sprintf("old%d@example.com", i))
			old.CreatedAt = 1580000000 + int64(i)
			sbrazorpay.StoreOf(s).Customers.Seed(old)
		}
		c := acctest.Connect[razorpay.Client](t, s, razorpay.Platform)
		var ids []string
		for i := range n {
			in := razorpay.CustomerInput{
				Name: fmt.Sprintf("Customer %d", i), Contact: fmt.Sprintf("+9198765%05d", i),
				Email: fmt.Sprintf("customer%d@example.com", i), FailExisting: "1",
			}
			switch i % 4 { // what years of hand entry leave behind
			case 0:
				in.Email = fmt.Sprintf("Customer.%d@Example.COM", i)
				in.Name += "  "
			case 1:
				gstin := "29xabba4369j1pa"
				in.GSTIN = &gstin
			case 2:
				in.Notes = map[string]string{"source": "pos ", "legacy id": fmt.Sprintf("L-%d", i)}
			}
			cu, err := c.CreateCustomer(t.Context(), in)
			if err != nil {
				t.Fatalf("seeding customer %d: %v", i, err)
			}
			ids = append(ids, cu.ID)
		}
		return ids
	},
}
