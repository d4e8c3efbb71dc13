package webcommander_test

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/customerops/terraform-provider-crm/internal/acctest"
	sbwebcommander "github.com/customerops/terraform-provider-crm/internal/sandbox/webcommander"
)

// TestAccWebCommanderCustomer_validation: every rule fails at plan time
// naming the attribute and the rule; nothing is sent, on create as on update.
func TestAccWebCommanderCustomer_validation(t *testing.T) {
	s := acctest.Sandbox(t)
	cases := []struct{ attr, value, want string }{
		{"first_name", `"  "`, "Attribute first_name must not be blank"},
		{"email", `"ada.example.com"`, "Attribute email must be a valid e-mail address"},
		{"gender", `"robot"`, `Attribute gender value must be one of`},
		{"status", `"archived"`, `Attribute status value must be one of`},
		{"store_credit", `"150.555"`, "Attribute store_credit must be an amount of at least 0 with at most 2 decimals"},
		{"credit_limit", "-5", "Attribute credit_limit must be an amount of at least 0 with at most 2 decimals"},
		{"shipping_profile_id", "0", "Attribute shipping_profile_id value must be at least 1"},
		{"password_wo_version", "1", `Attribute "password_wo" must be specified when "password_wo_version" is specified`},
	}
	valid := acctest.Config(s, hcl("test", minimal()))
	var invalid []resource.TestStep
	for _, c := range cases {
		invalid = append(invalid, resource.TestStep{Config: acctest.Config(s, hcl("test", with(minimal(), c.attr, c.value))), ExpectError: acctest.ErrorText(c.want)})
	}
	create := resource.TestStep{Config: valid, Check: acctest.CheckRequestCount(s, sbwebcommander.Name, "POST", 2)} // token + create
	steps := acctest.NoRequestSteps(t, s, invalid, create)
	steps = append(steps, acctest.NoRequestSteps(t, s, invalid, resource.TestStep{Config: valid, PlanOnly: true})...)
	resource.ParallelTest(t, resource.TestCase{ProtoV6ProviderFactories: acctest.ProviderFactories, Steps: steps})
}
