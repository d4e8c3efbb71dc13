package razorpay_test

import (
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/customerops/terraform-provider-crm/internal/acctest"
	"github.com/customerops/terraform-provider-crm/internal/sandbox"
	sbrazorpay "github.com/customerops/terraform-provider-crm/internal/sandbox/razorpay"
)

// TestAccRazorpayCustomer_validation: every Razorpay rule fails the plan
// with an error naming the attribute and the rule, and sends nothing, on
// create as on update (see validationSteps).
func TestAccRazorpayCustomer_validation(t *testing.T) {
	manyNotes := map[string]string{}
	for _, k := range strings.Fields("a b c d e f g h i j k l m n o p") {
		manyNotes[k] = "v"
	}
	cases := []struct {
		rule   string
		modify func(*customer)
		want   string
	}{
		{"name too short", func(c *customer) { c.Name = "Al" }, "Attribute name UTF-8 character count must be between 3 and 50, got: 2"},
		{"name too long", func(c *customer) { c.Name = strings.Repeat("a", 51) }, "Attribute name UTF-8 character count must be between 3 and 50, got: 51"},
		{"name characters", func(c *customer) { c.Name = "Gaurav #1" }, "Attribute name must contain only letters, digits, spaces and . ' / @ ( ) - _"},
		{"contact too long", func(c *customer) { c.Contact = "+9198765432101234" }, "Attribute contact UTF-8 character count must be at most 15, got: 17"},
		{"contact characters", func(c *customer) { c.Contact = "+91 98765-43210" }, "Attribute contact must contain only digits, with an optional leading +"},
		{"contact digits", func(c *customer) { c.Contact = "+9198765" }, "Attribute contact must have at least 8 digits, including the country code"},
		{"email too long", func(c *customer) { c.Email = strings.Repeat("a", 53) + "@example.com" }, "Attribute email UTF-8 character count must be at most 64, got: 65"},
		{"email format", func(c *customer) { c.Email = "gaurav.example.com" }, "Attribute email must be a valid e-mail address"},
		{"notes keys", func(c *customer) { c.Notes = manyNotes }, "Attribute notes map must contain at most 15 elements, got: 16"},
		{"notes value length", func(c *customer) { c.Notes = map[string]string{"long": strings.Repeat("x", 257)} }, `Attribute notes["long"] UTF-8 character count must be at most 256, got: 257`},
		{"gstin format", func(c *customer) { c.GSTIN = "2AABCDE1234F1Z5" }, "Attribute gstin must be a GSTIN: 15 characters, 2 digits then 13 letters or digits"},
		{"gstin length", func(c *customer) { c.GSTIN = "29ABCDE1234F1Z" }, "Attribute gstin must be a GSTIN"},
		{"name required", func(c *customer) { c.Name = "" }, `The argument "name" is required`},
		{"contact required", func(c *customer) { c.Contact = "" }, `The argument "contact" is required`},
		{"email required", func(c *customer) { c.Email = "" }, `The argument "email" is required`},
	}
	for _, tc := range cases {
		t.Run(tc.rule, func(t *testing.T) {
			s := newSandbox(t)
			c := gaurav()
			tc.modify(&c)
			resource.ParallelTest(t, resource.TestCase{
				ProtoV6ProviderFactories: acctest.ProviderFactories,
				Steps: validationSteps(t, s, []resource.TestStep{{
					Config:      c.config(s),
					ExpectError: acctest.ErrorText(tc.want),
				}}),
			})
		})
	}
}

// TestAccRazorpayCustomer_validationNullNote: a null note would never come
// back from Razorpay, so it is refused rather than diffed forever.
func TestAccRazorpayCustomer_validationNullNote(t *testing.T) {
	s := newSandbox(t)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: validationSteps(t, s, []resource.TestStep{{
			Config: acctest.Config(s, `
resource "crm_razorpay_customer" "test" {
  name    = "Gaurav Kumar"
  contact = "+919876543210"
  email   = "gaurav.kumar@example.com"
  notes   = { tier = null }
}
`),
			ExpectError: acctest.ErrorText("Null Map Value"),
		}}),
	})
}

// validationSteps runs the invalid steps (applies expected to fail) twice,
// each proven to send no request: first with no customer yet, where a
// create would be sent, then against gaurav() once created, where an edit
// (or a replacing create) would be. The last step's empty plan shows the
// customer was left as it was.
func validationSteps(t *testing.T, s *sandbox.Server, invalid []resource.TestStep) []resource.TestStep {
	create := resource.TestStep{
		Config: gaurav().config(s),
		Check:  acctest.CheckRequestCount(s, sbrazorpay.Name, "POST", 1),
	}
	steps := acctest.NoRequestSteps(t, s, invalid, create)
	return append(steps, acctest.NoRequestSteps(t, s, invalid, resource.TestStep{Config: gaurav().config(s), PlanOnly: true})...)
}
