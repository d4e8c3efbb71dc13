package xtrakit_test

import (
	"fmt"
	"regexp"
	"strconv"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/customerops/terraform-provider-crm/internal/acctest"

	sbxtrakit "github.com/customerops/terraform-provider-crm/internal/sandbox/xtrakit"
)

func seedCustomer(store *sbxtrakit.Store, name string, group *int64) sbxtrakit.Customer {
	email := name + "@example.com"
	return store.Customers.Seed(sbxtrakit.Customer{
		CustomerGroupID: group, CustomerName: name, CustomerEmail: &email, CustomerPhone: "+233200000001",
		CustomerCountry: "Ghana", CustomerState: "Ashanti", CustomerCity: "Kumasi",
		Address1: "1 Market St", CreatedBy: "seed",
	})
}

func TestAccXtrakitCustomerDataSource(t *testing.T) {
	s := acctest.Sandbox(t)
	desc := "Seeded"
	g := sbxtrakit.StoreOf(s).Groups.Seed(sbxtrakit.Group{GroupName: "VIP", GroupDescription: &desc})
	c := seedCustomer(sbxtrakit.StoreOf(s), "ama", &g.ID)
	id := strconv.FormatInt(c.ID, 10)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{{
			Config: acctest.Config(s, `data "crm_xtrakit_customer" "one" { id = "`+id+`" }`),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("data.crm_xtrakit_customer.one", tfjsonpath.New("name"), knownvalue.StringExact("ama")),
				statecheck.ExpectKnownValue("data.crm_xtrakit_customer.one", tfjsonpath.New("email"), knownvalue.StringExact("ama@example.com")),
				statecheck.ExpectKnownValue("data.crm_xtrakit_customer.one", tfjsonpath.New("group_id"), knownvalue.Int64Exact(g.ID)),
				statecheck.ExpectKnownValue("data.crm_xtrakit_customer.one", tfjsonpath.New("zip"), knownvalue.Null()),
				statecheck.ExpectKnownValue("data.crm_xtrakit_customer.one", tfjsonpath.New("created_at"), knownvalue.StringExact(c.CreatedAt)),
			},
		}},
	})
}

func TestAccXtrakitCustomerDataSource_notFound(t *testing.T) {
	s := acctest.Sandbox(t)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{{
			Config:      acctest.Config(s, `data "crm_xtrakit_customer" "one" { id = "999" }`),
			ExpectError: regexp.MustCompile(`(?s)HTTP 404.*Customer not found`),
		}},
	})
}

func TestAccXtrakitCustomerGroupDataSource(t *testing.T) {
	s := acctest.Sandbox(t)
	g := sbxtrakit.StoreOf(s).Groups.Seed(sbxtrakit.Group{GroupName: "Wholesale"})
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{{
			Config: acctest.Config(s, `data "crm_xtrakit_customer_group" "g" { id = "`+strconv.FormatInt(g.ID, 10)+`" }`),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("data.crm_xtrakit_customer_group.g", tfjsonpath.New("name"), knownvalue.StringExact("Wholesale")),
				statecheck.ExpectKnownValue("data.crm_xtrakit_customer_group.g", tfjsonpath.New("description"), knownvalue.Null()),
				statecheck.ExpectKnownValue("data.crm_xtrakit_customer_group.g", tfjsonpath.New("user_id"), knownvalue.StringExact(g.UserID)),
			},
		}},
	})
}

func TestAccXtrakitCustomersDataSource(t *testing.T) {
	s := acctest.Sandbox(t)
	g := sbxtrakit.StoreOf(s).Groups.Seed(sbxtrakit.Group{GroupName: "VIP"})
	a := seedCustomer(sbxtrakit.StoreOf(s), "ama", &g.ID)
	seedCustomer(sbxtrakit.StoreOf(s), "kofi", nil)
	c := seedCustomer(sbxtrakit.StoreOf(s), "esi", &g.ID)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{{
			Config: acctest.Config(s, `
data "crm_xtrakit_customers" "all" {}

data "crm_xtrakit_customers" "vip" {
  group_id = `+strconv.FormatInt(g.ID, 10)+`
}
`),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("data.crm_xtrakit_customers.all", tfjsonpath.New("customers"), knownvalue.ListSizeExact(3)),
				statecheck.ExpectKnownValue("data.crm_xtrakit_customers.vip", tfjsonpath.New("ids"), knownvalue.ListExact([]knownvalue.Check{
					knownvalue.StringExact(strconv.FormatInt(a.ID, 10)), knownvalue.StringExact(strconv.FormatInt(c.ID, 10)),
				})),
				statecheck.ExpectKnownValue("data.crm_xtrakit_customers.vip", tfjsonpath.New("customers").AtSliceIndex(1).AtMapKey("name"), knownvalue.StringExact("esi")),
			},
		}},
	})
}

// TestAccXtrakitCustomerDataSource_byEmail looks a customer up by e-mail,
// in any case; an e-mail that names no customer, or several, is an error
// that says so; id and email together, or neither, are refused at plan
// time, before any request.
func TestAccXtrakitCustomerDataSource_byEmail(t *testing.T) {
	s := acctest.Sandbox(t)
	ama := seedCustomer(sbxtrakit.StoreOf(s), "ama", nil)
	seedCustomer(sbxtrakit.StoreOf(s), "kofi", nil)
	seedCustomer(sbxtrakit.StoreOf(s), "kofi", nil)
	const addr = "data.crm_xtrakit_customer.one"
	// Both keys name ama, so only the exactly-one rule can refuse them:
	// without it the plan would read her by id.
	refused := []resource.TestStep{
		{
			Config: acctest.Config(s, fmt.Sprintf(`data "crm_xtrakit_customer" "one" {
  id    = "%d"
  email = "ama@example.com"
}`, ama.ID)),
			ExpectError: exactlyOneKey("Invalid Attribute Combination"),
		},
		{
			Config:      acctest.Config(s, `data "crm_xtrakit_customer" "one" {}`),
			ExpectError: exactlyOneKey("Missing Attribute Configuration"),
		},
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: append(acctest.NoRequestSteps(t, s, refused, resource.TestStep{
			Config:      acctest.Config(s, `data "crm_xtrakit_customer" "one" { email = "nobody@example.com" }`),
			ExpectError: acctest.ErrorText(`no Xtrakit customer has email "nobody@example.com"`),
		}),
			resource.TestStep{
				Config:      acctest.Config(s, `data "crm_xtrakit_customer" "one" { email = "kofi@example.com" }`),
				ExpectError: regexp.MustCompile(`(?s)2 Xtrakit customers have email "kofi@example.com" \(ids \d+, \d+\)`),
			},
			resource.TestStep{
				Config: acctest.Config(s, `data "crm_xtrakit_customer" "one" { email = "AMA@example.com" }`),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(addr, tfjsonpath.New("id"), knownvalue.StringExact(strconv.FormatInt(ama.ID, 10))),
					statecheck.ExpectKnownValue(addr, tfjsonpath.New("name"), knownvalue.StringExact("ama")),
				},
			},
		),
	})
}

// exactlyOneKey matches the refusal of a lookup whose keys are not exactly
// one of id and email; summary tells which way (both, or none).
func exactlyOneKey(summary string) *regexp.Regexp {
	return regexp.MustCompile(`(?s)` + regexp.QuoteMeta(summary) + `.*` +
		acctest.ErrorText("Exactly one of these attributes must be configured: [id,email]").String())
}
