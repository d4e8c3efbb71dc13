package xtrakit_test

import (
	"fmt"
	"sort"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/customerops/terraform-provider-crm/internal/acctest"
	sbxtrakit "github.com/customerops/terraform-provider-crm/internal/sandbox/xtrakit"
)

// customerHCL renders a customer from the valid required fields with
// overrides applied; a "-" value removes the attribute.
func customerHCL(overrides map[string]string) string {
	fields := map[string]string{
		"name": `"Kwame Mensah"`, "phone": `"+233201234567"`, "country": `"Ghana"`, "state": `"Ashanti"`,
		"city": `"Kumasi"`, "address1": `"12 Harper Road"`, "created_by": `"platform-team"`,
	}
	for k, v := range overrides {
		if v == "-" {
			delete(fields, k)
		} else {
			fields[k] = v
		}
	}
	keys := make([]string, 0, len(fields))
	for k := range fields {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var b strings.Builder
	b.WriteString("resource \"crm_xtrakit_customer\" \"test\" {\n")
	for _, k := range keys {
		fmt.Fprintf(&b, "  %s = %s\n", k, fields[k])
	}
	b.WriteString("}\n")
	return b.String()
}

type validationCase struct {
	name      string
	overrides map[string]string
	want      string
}

func xtrakitValidationCases() []validationCase {
	long := `"` + strings.Repeat("a", 256) + `"`
	cases := []validationCase{
		{"email format", map[string]string{"email": `"jane.example.com"`}, "Attribute email must be a valid e-mail address"},
		{"email without domain", map[string]string{"email": `"jane@"`}, "Attribute email must be a valid e-mail address"},
		{"email with display name", map[string]string{"email": `"Jane <jane@example.com>"`}, "Attribute email must be a valid e-mail address"},
		{"group_id zero", map[string]string{"group_id": "0"}, "Attribute group_id value must be at least 1, got: 0"},
		{"group_id negative", map[string]string{"group_id": "-4"}, "Attribute group_id value must be at least 1, got: -4"},
		{"blank name", map[string]string{"name": `"   "`}, "Attribute name must not be blank"},
		{"empty phone", map[string]string{"phone": `""`}, "Attribute phone UTF-8 character count must be between 1 and 255, got: 0"},
	}
	for _, f := range []string{"name", "phone", "country", "state", "city", "address1", "created_by"} {
		cases = append(cases,
			validationCase{f + " required", map[string]string{f: "-"}, `The argument "` + f + `" is required`},
			validationCase{f + " too long", map[string]string{f: long}, "Attribute " + f + " UTF-8 character count must be between 1 and 255, got: 256"},
		)
	}
	for _, f := range []string{"whatsapp", "zip", "address2", "profile"} {
		cases = append(cases, validationCase{f + " too long", map[string]string{f: long}, "Attribute " + f + " UTF-8 character count must be at most 255, got: 256"})
	}
	cases = append(cases, validationCase{"email too long", map[string]string{"email": `"` + strings.Repeat("a", 250) + `@example.com"`}, "Attribute email UTF-8 character count must be at most 255"})
	return cases
}

// TestAccXtrakitCustomer_validation: every documented rule fails with the
// attribute and the rule named, and nothing is sent: not on create (apply
// steps with no customer yet, where a POST would go out), not on update of
// an existing customer (where a PUT would). The last step's empty plan shows
// the customer was left as it was.
func TestAccXtrakitCustomer_validation(t *testing.T) {
	s := acctest.Sandbox(t)
	valid := acctest.Config(s, customerHCL(nil))
	var invalid []resource.TestStep
	for _, c := range xtrakitValidationCases() {
		invalid = append(invalid, resource.TestStep{
			Config:      acctest.Config(s, customerHCL(c.overrides)),
			ExpectError: acctest.ErrorText(c.want),
		})
	}
	create := resource.TestStep{
		Config: valid,
		Check:  acctest.CheckRequestCount(s, sbxtrakit.Name, "POST", 1),
	}
	steps := acctest.NoRequestSteps(t, s, invalid, create)
	steps = append(steps, acctest.NoRequestSteps(t, s, invalid, resource.TestStep{Config: valid, PlanOnly: true})...)
	resource.ParallelTest(t, resource.TestCase{ProtoV6ProviderFactories: acctest.ProviderFactories, Steps: steps})
}

func TestAccXtrakitCustomerGroup_validation(t *testing.T) {
	s := acctest.Sandbox(t)
	long := strings.Repeat("g", 256)
	cases := []struct{ hcl, want string }{
		{`description = "no name"`, `The argument "name" is required`},
		{`name = ""`, "Attribute name UTF-8 character count must be between 1 and 255, got: 0"},
		{`name = " "`, "Attribute name must not be blank"},
		{`name = "` + long + `"`, "Attribute name UTF-8 character count must be between 1 and 255, got: 256"},
		{"name = \"ok\"\n  description = \"" + long + `"`, "Attribute description UTF-8 character count must be at most 255, got: 256"},
	}
	group := func(hcl string) string {
		return acctest.Config(s, "resource \"crm_xtrakit_customer_group\" \"test\" {\n  "+hcl+"\n}\n")
	}
	var invalid []resource.TestStep
	for _, c := range cases {
		invalid = append(invalid, resource.TestStep{Config: group(c.hcl), ExpectError: acctest.ErrorText(c.want)})
	}
	valid := group(`name = "ok"`)
	create := resource.TestStep{
		Config: valid,
		Check:  acctest.CheckRequestCount(s, sbxtrakit.Name, "POST", 1),
	}
	steps := acctest.NoRequestSteps(t, s, invalid, create)
	steps = append(steps, acctest.NoRequestSteps(t, s, invalid, resource.TestStep{Config: valid, PlanOnly: true})...)
	resource.ParallelTest(t, resource.TestCase{ProtoV6ProviderFactories: acctest.ProviderFactories, Steps: steps})
}
