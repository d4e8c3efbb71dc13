package webcommander_test

import (
	"encoding/json"
	"fmt"
	"regexp"
	"sort"
	"strings"

	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/customerops/terraform-provider-crm/internal/acctest"
	"github.com/customerops/terraform-provider-crm/internal/sandbox"
	sbwebcommander "github.com/customerops/terraform-provider-crm/internal/sandbox/webcommander"
)

const customerAddr = "crm_webcommander_customer.test"

var idPattern = regexp.MustCompile(`^[1-9][0-9]*$`)

// hcl renders crm_webcommander_customer.test from attribute -> HCL value.
func hcl(name string, attrs map[string]string) string {
	keys := make([]string, 0, len(attrs))
	for k := range attrs {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var b strings.Builder
	fmt.Fprintf(&b, "resource \"crm_webcommander_customer\" %q {\n", name)
	for _, k := range keys {
		fmt.Fprintf(&b, "  %s = %s\n", k, attrs[k])
	}
	b.WriteString("}\n")
	return b.String()
}

func minimal() map[string]string { return map[string]string{"first_name": `"Ada"`} }

// full sets every request field.
func full() map[string]string {
	return map[string]string{
		"first_name": `"Ada"`, "last_name": `"Lovelace"`, "email": `"ada@example.com"`, "gender": `"female"`,
		"company_name": `"Analytical Engines"`, "address_line": `"1 Engine St"`, "country": `"AU"`, "state": `"NSW"`,
		"post_code": `"2000"`, "city": `"Sydney"`, "mobile": `"0400000000"`, "phone": `"0290000000"`, "abn": `"51824753556"`,
		"abn_branch": `"001"`, "shipping_profile_id": "2", "newsletter_subscribed": "true", "status": `"active"`,
		"store_credit": `"150.00"`, "credit_limit": `"99.50"`, "allow_credit_limit": "true", "password_expired": "false",
	}
}

func with(base map[string]string, kv ...string) map[string]string {
	out := map[string]string{}
	for k, v := range base {
		out[k] = v
	}
	for i := 0; i+1 < len(kv); i += 2 {
		if kv[i+1] == "-" {
			delete(out, kv[i])
		} else {
			out[kv[i]] = kv[i+1]
		}
	}
	return out
}

func stateID(st *terraform.State) string { return st.RootModule().Resources[customerAddr].Primary.ID }

// lastBody is the JSON body of the last request with method.
func lastBody(s *sandbox.Server, method string) (map[string]any, error) {
	var reqs []sandbox.Request
	for _, r := range acctest.Requests(s, sbwebcommander.Name, method) {
		if !strings.HasSuffix(r.Path, "/oauth2/token") {
			reqs = append(reqs, r)
		}
	}
	if len(reqs) == 0 {
		return nil, fmt.Errorf("no %s request reached WebCommander", method)
	}
	var body map[string]any
	err := json.Unmarshal(reqs[len(reqs)-1].Body, &body)
	return body, err
}

// checkBody asserts the last body with method, as JSON, is exactly want.
func checkBody(s *sandbox.Server, method, want string) func(*terraform.State) error {
	return func(*terraform.State) error {
		body, err := lastBody(s, method)
		if err != nil {
			return err
		}
		var w map[string]any
		if err := json.Unmarshal([]byte(want), &w); err != nil {
			return err
		}
		g, _ := json.Marshal(body)
		wj, _ := json.Marshal(w)
		if string(g) != string(wj) {
			return fmt.Errorf("%s body\n got %s\nwant %s", method, g, wj)
		}
		return nil
	}
}
