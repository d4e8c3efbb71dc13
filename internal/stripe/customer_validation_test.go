package stripe_test

import (
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/customerops/terraform-provider-crm/internal/acctest"
)

// TestAccStripeCustomer_validation: each documented rule is refused at
// plan time, naming the attribute and the rule, with no request sent;
// values Stripe accepts (mixed-case e-mails, blanks, any locale) are not.
func TestAccStripeCustomer_validation(t *testing.T) {
	s := acctest.Sandbox(t)
	cases := []struct{ attr, want string }{
		{`tax_exempt = "partial"`, `Attribute tax_exempt value must be one of: ["none" "exempt" "reverse"]`},
		{`invoice_prefix = "ab"`, "Attribute invoice_prefix must be 3 to 12 upper-case letters or digits"},
		{`invoice_prefix = "ABCDEFGHIJKLM"`, "Attribute invoice_prefix must be 3 to 12 upper-case letters or digits"},
		{`email = "jenny.example.com"`, "Attribute email must be a valid e-mail address"},
		{`email = "` + strings.Repeat("a", 510) + `@x.io"`, "Attribute email UTF-8 character count must be at most 512"},
		{`name = "` + strings.Repeat("n", 257) + `"`, "Attribute name UTF-8 character count must be at most 256"},
		{`phone = "+1 415 555 0100 ext 12345"`, "Attribute phone UTF-8 character count must be at most 20"},
		{`metadata = { "a[b]" = "x" }`, "must not contain square brackets"},
		{`metadata = { "` + strings.Repeat("k", 41) + `" = "x" }`, "string length must be between 1 and 40"},
		{`metadata = { k = "" }`, "string length must be between 1 and 500"},
		{`metadata = { k = "` + strings.Repeat("v", 501) + `" }`, "string length must be between 1 and 500"},
		{`shipping = { name = "Jenny" }`, `attribute "address" is required`},
	}
	var steps []resource.TestStep
	for _, c := range cases {
		steps = append(steps, resource.TestStep{
			Config:      acctest.Config(s, minimal().with(c.attr).hcl()),
			PlanOnly:    true,
			ExpectError: acctest.ErrorText(c.want),
		})
	}
	// Messy values Stripe takes plan and apply as written (an e-mail with
	// blanks around it too: Stripe stores it as sent).
	messy := minimal().with(`email = " Jenny.Rosen@Example.COM "`).with(`name = " Jenny  "`).with(`preferred_locales = ["zh-Hant-TW"]`)
	steps = append(steps, resource.TestStep{Config: acctest.Config(s, messy.hcl()), ConfigPlanChecks: emptyAfterApply})
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps:                    acctest.NoRequestSteps(t, s, steps[:len(steps)-1], steps[len(steps)-1]),
	})
}
