package stripe_test

import (
	"fmt"
	"testing"

	"github.com/customerops/terraform-provider-crm/internal/acctest"
	"github.com/customerops/terraform-provider-crm/internal/sandbox"
	sbstripe "github.com/customerops/terraform-provider-crm/internal/sandbox/stripe"
	"github.com/customerops/terraform-provider-crm/internal/stripe"
)

// Adopting the 40 customers made since 2024 through Stripe's API, messy
// spellings included: with terraform query (Terraform 1.14+), and with
// `generate` on every CLI.
func TestAccStripeCustomer_adoptByQuery(t *testing.T)    { acctest.AdoptByQuery(t, adoptPlatform) }
func TestAccStripeCustomer_adoptByGenerate(t *testing.T) { acctest.AdoptByGenerate(t, adoptPlatform) }

var adoptPlatform = acctest.AdoptPlatform{
	Name:     sbstripe.Name,
	Type:     "crm_stripe_customer",
	Filter:   map[string]any{"created_after": "2024-01-01T00:00:00Z"},
	ListPath: "/v1/customers", PageSize: 100,
	Seed: func(t *testing.T, s *sandbox.Server, n int) []string {
		// Five customers from 2020, which the filter leaves out.
		for i := range 5 {
			name := fmt.Sprintf("Old %d", i)
			sbstripe.StoreOf(s).Customers.Seed(sbstripe.Customer{Created: 1580000000 + int64(i), Name: &name})
		}
		c := acctest.Connect[stripe.Client](t, s, stripe.Platform)
		var ids []string
		for i := range n {
			f := stripe.Form{"name": {fmt.Sprintf("Customer %d", i)}}
			switch i % 4 { // what a Dashboard and years of integrations leave behind
			case 0:
				f.Set("email", fmt.Sprintf("Customer.%d@Example.COM", i))
				f.Set("metadata[legacy id]", fmt.Sprintf("L-%d", i))
				f.Set("metadata[tier]", "gold")
			case 1:
				f.Set("name", fmt.Sprintf("Customer %d  ", i))
				f.Set("email", fmt.Sprintf(" customer%d@example.com ", i))
				f.Set("address[city]", "Pune")
				f.Set("address[country]", "in")
				f.Set("preferred_locales[0]", "en-IN")
			case 2:
				f.Set("description", "Imported\nfrom the old CRM")
				f.Set("phone", "+91 98765 43210")
				f.Set("tax_exempt", "exempt")
				f.Set("shipping[name]", "Warehouse")
				f.Set("shipping[address][line1]", "12 MG Road")
			}
			cu, err := c.CreateCustomer(t.Context(), f)
			if err != nil {
				t.Fatalf("seeding customer %d: %v", i, err)
			}
			ids = append(ids, cu.ID)
		}
		return ids
	},
}

// TestAccStripeCustomer_adoptThousandOnce: 1,000 customers listed in ten
// pages of 100, imported in one apply with Terraform's default
// parallelism, and an empty plan after it.
func TestAccStripeCustomer_adoptThousandOnce(t *testing.T) { acctest.AdoptThousand(t, adoptPlatform) }
