package axim

import (
	"reflect"
	"testing"

	"github.com/customerops/terraform-provider-crm/internal/transport"
)

// TestDecodeErrorBodies decodes Axim's error bodies of CONTRACT.md §3, and
// what else reaches the provider in their place, into the exact APIError
// the diagnostics show: the decoder fills Message, Field, Details and
// NotFound, and nothing else (the client fills the rest).
func TestDecodeErrorBodies(t *testing.T) {
	cases := []struct {
		name   string
		status int
		body   string
		want   transport.APIError
		// duplicate: IsDuplicate on the answer (with its status).
		duplicate bool
	}{
		{
			name: "validation, one field", status: 400,
			body: `{"success":false,"message":"Validation failed","errors":[{"field":"email","message":"email must be a valid email address"}]}`,
			want: transport.APIError{Message: "Validation failed", Field: "email",
				Details: []string{"email: email must be a valid email address"}},
		},
		{
			name: "validation, every failing field in the order given", status: 400,
			body: `{"success":false,"message":"Validation failed","errors":[{"field":"firstName","message":"firstName is required"},{"field":"email","message":"email must be a valid email address"}]}`,
			want: transport.APIError{Message: "Validation failed",
				Details: []string{"firstName: firstName is required", "email: email must be a valid email address"}},
		},
		{
			name: "not found", status: 404,
			body: `{"success":false,"message":"Customer not found"}`,
			want: transport.APIError{Message: "Customer not found", NotFound: true},
		},
		{
			name: "not found, in another letter case", status: 404,
			body: `{"success":false,"message":"customer NOT FOUND"}`,
			want: transport.APIError{Message: "customer NOT FOUND", NotFound: true},
		},
		{
			name: "not found words on a 400 are not gone", status: 400,
			body: `{"success":false,"message":"Customer not found"}`,
			want: transport.APIError{Message: "Customer not found"},
		},
		{
			name: "another 404 of Axim's is not gone", status: 404,
			body: `{"success":false,"message":"Route not found"}`,
			want: transport.APIError{Message: "Route not found"},
		},
		{
			name: "duplicate e-mail", status: 400,
			body:      `{"success":false,"message":"Customer with this email already exists"}`,
			want:      transport.APIError{Message: "Customer with this email already exists"},
			duplicate: true,
		},
		{
			name: "401", status: 401,
			body: `{"success":false,"message":"Unauthorized"}`,
			want: transport.APIError{Message: "Unauthorized"},
		},
		{
			name: "403 without a body", status: 403,
			body: ``,
			want: transport.APIError{},
		},
		{
			name: "429", status: 429,
			body: `{"success":false,"message":"Too Many Requests"}`,
			want: transport.APIError{Message: "Too Many Requests"},
		},
		{
			name: "HTML proxy page on a 404 is not gone", status: 404,
			body: "<html><head><title>404 Not Found</title></head><body><center><h1>404 Not Found</h1></center><hr><center>nginx</center></body></html>",
			want: transport.APIError{},
		},
		{
			name: "HTML proxy page on a 502", status: 502,
			body: "<html><body><h1>502 Bad Gateway</h1></body></html>",
			want: transport.APIError{},
		},
		{
			name: "empty body", status: 500,
			body: ``,
			want: transport.APIError{},
		},
		{
			name: "JSON that is not an object", status: 404,
			body: `"Customer not found"`,
			want: transport.APIError{},
		},
		{
			name: "wrong-typed members are left empty", status: 404,
			body: `{"success":"no","message":["Customer not found"],"errors":{"field":"email","message":"taken"}}`,
			want: transport.APIError{},
		},
		{
			name: "a wrong-typed member leaves the rest read", status: 404,
			body: `{"success":"no","message":"Customer not found","errors":"none"}`,
			want: transport.APIError{Message: "Customer not found", NotFound: true},
		},
		{
			name: "null members", status: 404,
			body: `{"success":false,"message":null,"errors":null}`,
			want: transport.APIError{},
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			e := decodeError(tc.status, []byte(tc.body))
			if e == nil {
				t.Fatal("nil APIError")
			}
			if !reflect.DeepEqual(*e, tc.want) {
				t.Errorf("decodeError(%d, %q) =\n  %+v\nwant\n  %+v", tc.status, tc.body, *e, tc.want)
			}
			if transport.IsNotFound(e) != tc.want.NotFound {
				t.Errorf("IsNotFound = %v, want %v", transport.IsNotFound(e), tc.want.NotFound)
			}
			e.Status = tc.status
			if IsDuplicate(e) != tc.duplicate {
				t.Errorf("IsDuplicate = %v, want %v", IsDuplicate(e), tc.duplicate)
			}
		})
	}
}
