package razorpay_test

import (
	"fmt"
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/customerops/terraform-provider-crm/internal/acctest"
	sbrazorpay "github.com/customerops/terraform-provider-crm/internal/sandbox/razorpay"
)

func TestAccRazorpayCustomerDataSource(t *testing.T) {
	s := newSandbox(t)
	gstin := "29ABCDE1234F1Z5"
	seed := sbxCustomer("Gaurav Kumar", "+919876543210", "gaurav.kumar@example.com")
	seed.GSTIN, seed.Notes = &gstin, map[string]string{"tier": "gold"}
	seeded := sbrazorpay.StoreOf(s).Customers.Seed(seed)
	bare := sbrazorpay.StoreOf(s).Customers.Seed(sbxCustomer("Priya Sharma", "+919000000001", "priya@example.com"))
	const one, two = "data.crm_razorpay_customer.one", "data.crm_razorpay_customer.bare"
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config: acctest.Config(s, fmt.Sprintf(`
data "crm_razorpay_customer" "one" {
  id = %q
}

data "crm_razorpay_customer" "bare" {
  id = %q
}
`, seeded.ID, bare.ID)),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(one, tfjsonpath.New("name"), knownvalue.StringExact("Gaurav Kumar")),
					statecheck.ExpectKnownValue(one, tfjsonpath.New("contact"), knownvalue.StringExact("+919876543210")),
					statecheck.ExpectKnownValue(one, tfjsonpath.New("email"), knownvalue.StringExact("gaurav.kumar@example.com")),
					statecheck.ExpectKnownValue(one, tfjsonpath.New("gstin"), knownvalue.StringExact(gstin)),
					statecheck.ExpectKnownValue(one, tfjsonpath.New("entity"), knownvalue.StringExact("customer")),
					statecheck.ExpectKnownValue(one, tfjsonpath.New("created_at"), knownvalue.Int64Exact(seeded.CreatedAt)),
					statecheck.ExpectKnownValue(one, tfjsonpath.New("notes"), knownvalue.MapExact(map[string]knownvalue.Check{
						"tier": knownvalue.StringExact("gold"),
					})),
					// Razorpay's [] for no notes reads as an empty map.
					statecheck.ExpectKnownValue(two, tfjsonpath.New("notes"), knownvalue.MapSizeExact(0)),
					statecheck.ExpectKnownValue(two, tfjsonpath.New("gstin"), knownvalue.Null()),
				},
			},
			{
				Config: acctest.Config(s, `
data "crm_razorpay_customer" "missing" {
  id = "cust_00000000000000"
}
`),
				ExpectError: regexp.MustCompile("The id provided does not exist"),
			},
		},
	})
}

// TestAccRazorpayCustomersDataSource_paging lists more customers than one
// page holds, so the data source must page with skip.
func TestAccRazorpayCustomersDataSource_paging(t *testing.T) {
	s := newSandbox(t)
	const n = 230
	for i := range n {
		sbrazorpay.StoreOf(s).Customers.Seed(sbxCustomer(fmt.Sprintf("Customer %03d", i), fmt.Sprintf("+9190000%05d", i), fmt.Sprintf("c%03d@example.com", i)))
	}
	const addr = "data.crm_razorpay_customers.all"
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{{
			Config: acctest.Config(s, `
data "crm_razorpay_customers" "all" {}
`),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(addr, tfjsonpath.New("ids"), knownvalue.ListSizeExact(n)),
				statecheck.ExpectKnownValue(addr, tfjsonpath.New("customers"), knownvalue.ListSizeExact(n)),
				// Newest first, as Razorpay lists them.
				statecheck.ExpectKnownValue(addr, tfjsonpath.New("customers").AtSliceIndex(0).AtMapKey("name"), knownvalue.StringExact("Customer 229")),
				statecheck.ExpectKnownValue(addr, tfjsonpath.New("customers").AtSliceIndex(n-1).AtMapKey("name"), knownvalue.StringExact("Customer 000")),
			},
			Check: func(*terraform.State) error {
				// Each read pages 0, 100, 200; Terraform may read more than once.
				var skips []string
				for _, r := range acctest.Requests(s, sbrazorpay.Name, "GET") {
					if r.Query.Get("count") != "100" {
						return fmt.Errorf("GET %s asked for count %q, want 100", r.Path, r.Query.Get("count"))
					}
					skips = append(skips, r.Query.Get("skip"))
				}
				if len(skips) < 3 || skips[0] != "0" || skips[1] != "100" || skips[2] != "200" {
					return fmt.Errorf("list skips %v, want 0, 100, 200", skips)
				}
				return nil
			},
		}},
	})
}

// TestAccRazorpayCustomerDataSource_byEmail looks a customer up by e-mail
// in any case; id and email together are refused at plan time.
func TestAccRazorpayCustomerDataSource_byEmail(t *testing.T) {
	s := newSandbox(t)
	seeded := sbrazorpay.StoreOf(s).Customers.Seed(sbxCustomer("Asha Verma", "+919812345678", "asha.verma@example.com"))
	const addr = "data.crm_razorpay_customer.one"
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config:      acctest.Config(s, `data "crm_razorpay_customer" "one" { email = "nobody@example.com" }`),
				ExpectError: acctest.ErrorText(`no Razorpay customer has email "nobody@example.com"`),
			},
			{
				Config: acctest.Config(s, `data "crm_razorpay_customer" "one" {
  id    = "`+seeded.ID+`"
  email = "asha.verma@example.com"
}`),
				ExpectError: acctest.ErrorText(`Exactly one of these attributes must be configured: [id,email]`),
			},
			{
				Config: acctest.Config(s, `data "crm_razorpay_customer" "one" { email = "Asha.Verma@example.com" }`),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(addr, tfjsonpath.New("id"), knownvalue.StringExact(seeded.ID)),
					statecheck.ExpectKnownValue(addr, tfjsonpath.New("contact"), knownvalue.StringExact("+919812345678")),
				},
			},
		},
	})
}
