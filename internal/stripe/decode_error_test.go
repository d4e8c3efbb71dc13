package stripe

import (
	"reflect"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/path"

	"github.com/customerops/terraform-provider-crm/internal/transport"
)

// TestDecodeErrorBodies decodes Stripe's error bodies (CONTRACT.md §3), and
// what else may reach the provider in their place, into the exact
// APIError the diagnostics show.
func TestDecodeErrorBodies(t *testing.T) {
	cases := []struct {
		name   string
		status int
		body   string
		want   transport.APIError
	}{
		{"missing customer", 404,
			`{"error":{"type":"invalid_request_error","code":"resource_missing","message":"No such customer: 'cus_x'","param":"id","doc_url":"https://stripe.com/docs/error-codes/resource-missing"}}`,
			transport.APIError{Message: "No such customer: 'cus_x'", Field: "id", NotFound: true, Details: []string{"type: invalid_request_error", "code: resource_missing"}}},
		{"resource_missing on a 400 (a cursor) is not gone", 400,
			`{"error":{"type":"invalid_request_error","code":"resource_missing","message":"No such customer: 'cus_x'","param":"starting_after"}}`,
			transport.APIError{Message: "No such customer: 'cus_x'", Field: "starting_after", Details: []string{"type: invalid_request_error", "code: resource_missing"}}},
		{"a 404 of another kind is not gone", 404,
			`{"error":{"type":"invalid_request_error","message":"Unrecognized request URL (GET: /v1/customer)."}}`,
			transport.APIError{Message: "Unrecognized request URL (GET: /v1/customer).", Details: []string{"type: invalid_request_error"}}},
		{"param names the field", 400,
			`{"error":{"type":"invalid_request_error","code":"parameter_invalid_empty","message":"You passed an empty string for 'shipping[name]'.","param":"shipping[name]"}}`,
			transport.APIError{Message: "You passed an empty string for 'shipping[name]'.", Field: "shipping[name]", Details: []string{"type: invalid_request_error", "code: parameter_invalid_empty"}}},
		{"idempotency", 400,
			`{"error":{"type":"idempotency_error","message":"Keys for idempotent requests can only be used with the same parameters they were first used with."}}`,
			transport.APIError{Message: "Keys for idempotent requests can only be used with the same parameters they were first used with.", Details: []string{"type: idempotency_error"}}},
		{"keys in another case are not Stripe's", 404,
			`{"ERROR":{"code":"resource_missing","message":"x"}}`, transport.APIError{}},
		{"code in another case is not resource_missing", 404,
			`{"error":{"Code":"resource_missing","message":"x"}}`, transport.APIError{Message: "x"}},
		{"an HTML page", 502, `<html>502 Bad Gateway</html>`, transport.APIError{}},
		{"not an object", 500, `["error"]`, transport.APIError{}},
	}
	for _, c := range cases {
		got := decodeError(c.status, []byte(c.body))
		if !reflect.DeepEqual(*got, c.want) {
			t.Errorf("%s:\n got  %#v\n want %#v", c.name, *got, c.want)
		}
	}
}

// TestParamPath: the attribute a Stripe error's `param` blames, from its
// bracket notation, so a refusal points at the configuration line.
func TestParamPath(t *testing.T) {
	for param, want := range map[string]path.Path{
		"email":                   path.Root("email"),
		"shipping":                path.Root("shipping"),
		"shipping[name]":          path.Root("shipping").AtName("name"),
		"shipping[address][city]": path.Root("shipping").AtName("address").AtName("city"),
		"address[postal_code]":    path.Root("address").AtName("postal_code"),
		"address[unknown]":        path.Root("address"),
		"metadata[tier]":          path.Root("metadata").AtMapKey("tier"),
		"metadata[a[b]":           path.Root("metadata").AtMapKey("a[b"),
		"preferred_locales[1]":    path.Root("preferred_locales").AtListIndex(1),
		"preferred_locales[x]":    path.Root("preferred_locales"),
		"tax_exempt":              path.Root("tax_exempt"),
	} {
		got, ok := paramPath(param)
		if !ok || !got.Equal(want) {
			t.Errorf("paramPath(%q) = %s, %v; want %s", param, got, ok, want)
		}
	}
	for _, param := range []string{"", "id", "expand[0]", "source", "[name]"} {
		if got, ok := paramPath(param); ok {
			t.Errorf("paramPath(%q) = %s: an attribute for a parameter the resource does not have", param, got)
		}
	}
}
