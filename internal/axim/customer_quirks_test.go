package axim_test

import (
	"fmt"
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/customerops/terraform-provider-crm/internal/acctest"
	"github.com/customerops/terraform-provider-crm/internal/sandbox"
	sbaxim "github.com/customerops/terraform-provider-crm/internal/sandbox/axim"
)

// TestAccAximCustomer_validation: every rule fails at plan time naming the
// attribute and the rule, and nothing is sent, on create as on update.
func TestAccAximCustomer_validation(t *testing.T) {
	s := acctest.Sandbox(t)
	cases := []struct {
		rule   string
		modify func(*customer)
		want   string
	}{
		{"email format", func(c *customer) { c.Email = "john.aximcommerce.com" }, "Attribute email must be a valid e-mail address"},
		{"first name blank", func(c *customer) { c.FirstName = "  " }, "Attribute first_name must not be blank"},
		{"status enum", func(c *customer) { c.Status = "archived" }, `Attribute status value must be one of: ["active" "pending" "inactive"]`},
		{"two default addresses", func(c *customer) { c.Addresses = []address{home, home} }, "at most one address may be the default"},
		{"country code", func(c *customer) { c.Addresses = []address{{City: "Elizabeth", Country: "USA"}} }, "must be a 2-letter country code"},
		{"state code", func(c *customer) { c.Addresses = []address{{City: "Elizabeth", State: "New Jersey"}} }, "must be a state code of 1 to 3 letters or digits"},
		{"meta value type", func(c *customer) { c.Meta = `{ tags = ["a", "b"] }` }, "each value a string, a number or a bool"},
		{"meta not an object", func(c *customer) { c.Meta = `"gold"` }, "must be an object of code = value"},
		{"company id", func(c *customer) { c.Company = "acme" }, "Attribute company_id must be an Axim id"},
	}
	valid := acctest.Config(s, minimal().hcl())
	var invalid []resource.TestStep
	for _, tc := range cases {
		c := minimal()
		tc.modify(&c)
		invalid = append(invalid, resource.TestStep{Config: acctest.Config(s, c.hcl()), ExpectError: acctest.ErrorText(tc.want)})
	}
	create := resource.TestStep{Config: valid, Check: acctest.CheckRequestCount(s, sbaxim.Name, "POST", 1)}
	steps := acctest.NoRequestSteps(t, s, invalid, create)
	steps = append(steps, acctest.NoRequestSteps(t, s, invalid, resource.TestStep{Config: valid, PlanOnly: true})...)
	resource.ParallelTest(t, resource.TestCase{ProtoV6ProviderFactories: acctest.ProviderFactories, Steps: steps})
}

// TestAccAximCustomer_duplicateEmail: Axim's refusal, with the import
// command and block naming the existing customer.
func TestAccAximCustomer_duplicateEmail(t *testing.T) {
	s := acctest.Sandbox(t)
	existing := sbaxim.StoreOf(s).Customers.Seed(sbaxim.Customer{FirstName: "Jane", LastName: "Roe", Email: "john@aximcommerce.com", Status: "active"})
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{{
			Config: acctest.Config(s, minimal().hcl()),
			ExpectError: regexp.MustCompile(`(?s)HTTP 400: Customer with this email already exists.*terraform\s+import\s+<resource\s+address>\s+` +
				existing.ID + `.*id\s+=\s+"` + existing.ID + `"`),
		}},
	})
}

// TestAccAximCustomer_lostCreateAnswer: the create commits, then the
// connection drops; the provider finds the customer by e-mail and adopts
// it: exactly one customer, and the plan after is empty.
func TestAccAximCustomer_lostCreateAnswer(t *testing.T) {
	s := acctest.Sandbox(t)
	s.InjectFault(sandbox.Fault{Platform: sbaxim.Name, Method: "POST", Path: "/customers", Times: 1, DropAfterCommit: true})
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{{
			Config:           acctest.Config(s, full().hcl()),
			ConfigPlanChecks: emptyAfterApply,
			Check: resource.ComposeAggregateTestCheckFunc(
				acctest.CheckRequestCount(s, sbaxim.Name, "POST", 1),
				func(st *terraform.State) error {
					all := sbaxim.StoreOf(s).Customers.List()
					if len(all) != 1 || all[0].ID != stateID(st) {
						return fmt.Errorf("the sandbox holds %d customers, state has %s: want exactly the one created", len(all), stateID(st))
					}
					return nil
				},
			),
		}},
	})
}

// TestAccAximCustomer_identity: the identity follows the id, and imports by
// identity plan empty.
func TestAccAximCustomer_identity(t *testing.T) {
	s := acctest.Sandbox(t)
	seeded := sbaxim.StoreOf(s).Customers.Seed(sbaxim.Customer{FirstName: "Ada", LastName: "Byron", Email: "ada@example.com", Status: "active"})
	config := acctest.Config(s, full().hcl())
	adopted := `
resource "crm_axim_customer" "seeded" {
  first_name = "Ada"
  last_name  = "Byron"
  email      = "ada@example.com"
}
`
	steps := acctest.IdentitySteps(config, customerAddr, idPattern)
	steps = append(steps, acctest.AdoptByIdentity(config+adopted, "crm_axim_customer.seeded", seeded.ID))
	resource.ParallelTest(t, resource.TestCase{
		TerraformVersionChecks:   acctest.NeedsIdentity(t),
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps:                    steps,
	})
}

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
