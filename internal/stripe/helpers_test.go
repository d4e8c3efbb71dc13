package stripe_test

import (
	"fmt"
	"net/url"
	"regexp"
	"sort"
	"strings"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/customerops/terraform-provider-crm/internal/acctest"
	"github.com/customerops/terraform-provider-crm/internal/sandbox"
	sbstripe "github.com/customerops/terraform-provider-crm/internal/sandbox/stripe"
)

const customerAddr = "crm_stripe_customer.test"

var idPattern = regexp.MustCompile(`^cus_[0-9A-Za-z]+$`)

var emptyAfterApply = resource.ConfigPlanChecks{PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}}

// customer is the HCL of crm_stripe_customer.test: Attrs are written as
// is (`name = "Jane"`), in order.
type customer struct{ Attrs []string }

func (c customer) hcl() string {
	return "resource \"crm_stripe_customer\" \"test\" {\n  " + strings.Join(c.Attrs, "\n  ") + "\n}\n"
}

func minimal() customer { return customer{Attrs: []string{`email = "jenny.rosen@example.com"`}} }

const fullAddress = `address = {
    line1       = "510 Townsend St"
    line2       = "Floor 2"
    city        = "San Francisco"
    state       = "CA"
    postal_code = "94103"
    country     = "US"
  }`

const fullShipping = `shipping = {
    name    = "Jenny Rosen"
    phone   = "+14155550100"
    address = {
      line1       = "1 Market St"
      city        = "San Francisco"
      postal_code = "94105"
      country     = "US"
    }
  }`

func full() customer {
	return customer{Attrs: []string{
		`name = "Jenny Rosen"`, `email = "jenny.rosen@example.com"`, `phone = "+14155550123"`,
		`description = "Our first customer"`, fullAddress, fullShipping,
		`metadata = { order_id = "6735", tier = "gold" }`,
		`preferred_locales = ["en", "fr-CA"]`, `tax_exempt = "exempt"`, `invoice_prefix = "JENNY01"`,
	}}
}

// with replaces (or adds) the attribute named like a.
func (c customer) with(a string) customer {
	name := strings.Fields(a)[0]
	out := customer{}
	done := false
	for _, x := range c.Attrs {
		if strings.Fields(x)[0] == name {
			if !done {
				out.Attrs = append(out.Attrs, a)
			}
			done = true
			continue
		}
		out.Attrs = append(out.Attrs, x)
	}
	if !done {
		out.Attrs = append(out.Attrs, a)
	}
	return out
}

// without drops the attribute named name.
func (c customer) without(name string) customer {
	out := customer{}
	for _, x := range c.Attrs {
		if strings.Fields(x)[0] != name {
			out.Attrs = append(out.Attrs, x)
		}
	}
	return out
}

func stateID(st *terraform.State) string {
	return st.RootModule().Resources[customerAddr].Primary.ID
}

// checkForm asserts the form body of the last request with method to
// path (a prefix: "/v1/customers/" is any update): exactly want.
func checkForm(s *sandbox.Server, method, path string, want map[string]string) resource.TestCheckFunc {
	return func(*terraform.State) error {
		var last *sandbox.Request
		for _, r := range acctest.Requests(s, sbstripe.Name, method) {
			if r.Path == path || (strings.HasSuffix(path, "/") && strings.HasPrefix(r.Path, path)) {
				last = &r
			}
		}
		if last == nil {
			return fmt.Errorf("no %s %s request reached Stripe", method, path)
		}
		if ct := last.Header.Get("Content-Type"); ct != "application/x-www-form-urlencoded" {
			return fmt.Errorf("%s %s Content-Type = %q", method, last.Path, ct)
		}
		got, err := url.ParseQuery(string(last.Body))
		if err != nil {
			return err
		}
		if g, w := show(got), showMap(want); g != w {
			return fmt.Errorf("%s %s body:\n got  %s\n want %s", method, last.Path, g, w)
		}
		return nil
	}
}

func show(v url.Values) string {
	m := map[string]string{}
	for k, vs := range v {
		m[k] = strings.Join(vs, "|")
	}
	return showMap(m)
}

func showMap(m map[string]string) string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k+"="+m[k])
	}
	sort.Strings(keys)
	return strings.Join(keys, "&")
}
