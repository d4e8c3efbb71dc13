package axim_test

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/customerops/terraform-provider-crm/internal/acctest"
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
