package webcommander

import (
	"reflect"
	"testing"

	"github.com/customerops/terraform-provider-crm/internal/transport"
)

// TestDecodeErrorBodies decodes WebCommander's error bodies of CONTRACT.md
// §3, and what else reaches the provider in their place, into the exact
// APIError the diagnostics show: the decoder fills Message, Field, Details
// and NotFound, and nothing else (the client fills the rest).
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
			body: `{"status":"error","code":400,"message":"Customer name is required","error":"validation_failed","errors":[{"field":"first_name","code":"required","message":"Customer name is required"}]}`,
			want: transport.APIError{Message: "Customer name is required", Field: "first_name",
				Details: []string{"first_name: Customer name is required"}},
		},
		{
			name: "validation, every failing field in the order given", status: 400,
			body: `{"status":"error","code":400,"message":"The email address is not valid","error":"validation_failed","errors":[` +
				`{"field":"email","code":"invalid","message":"The email address is not valid"},` +
				`{"field":"status","code":"invalid","message":"Status must be one of active, inactive, pending, approval_awaiting, awaiting_verification"}]}`,
			want: transport.APIError{Message: "The email address is not valid", Details: []string{
				"email: The email address is not valid",
				"status: Status must be one of active, inactive, pending, approval_awaiting, awaiting_verification",
			}},
		},
		{
			name: "not found", status: 404,
			body: `{"status":"error","code":404,"message":"Customer not found","error":"not_found"}`,
			want: transport.APIError{Message: "Customer not found", NotFound: true},
		},
		{
			name: "not_found on another status is not gone", status: 400,
			body: `{"status":"error","code":404,"message":"Customer not found","error":"not_found"}`,
			want: transport.APIError{Message: "Customer not found"},
		},
		{
			name: "a 404 without the not_found slug is not gone", status: 404,
			body: `{"status":"error","code":404,"message":"Customer not found"}`,
			want: transport.APIError{Message: "Customer not found"},
		},
		{
			name: "the slug is exact", status: 404,
			body: `{"status":"error","code":404,"message":"Customer not found","error":"Not_Found"}`,
			want: transport.APIError{Message: "Customer not found"},
		},
		{
			name: "duplicate e-mail", status: 409,
			body:      `{"status":"error","code":409,"message":"The email address is already registered","error":"conflict"}`,
			want:      transport.APIError{Message: "The email address is already registered"},
			duplicate: true,
		},
		{
			name: "401 on an API call", status: 401,
			body: `{"status":"error","code":401,"message":"Invalid or expired access token","error":"unauthorized"}`,
			want: transport.APIError{Message: "Invalid or expired access token"},
		},
		{
			name: "401 from the token endpoint", status: 401,
			body: `{"status":"error","code":401,"message":"Invalid or expired refresh token","error":"invalid_grant"}`,
			want: transport.APIError{Message: "Invalid or expired refresh token"},
		},
		{
			name: "429", status: 429,
			body: `{"status":"error","code":429,"message":"Too Many Requests","error":"too_many_requests"}`,
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
			body: `"not_found"`,
			want: transport.APIError{},
		},
		{
			name: "wrong-typed members are left empty", status: 404,
			body: `{"status":1,"code":"404","message":["Customer not found"],"error":{"slug":"not_found"},"errors":{"field":"email"}}`,
			want: transport.APIError{},
		},
		{
			name: "a wrong-typed member leaves the rest read", status: 404,
			body: `{"status":"error","code":"404","message":"Customer not found","error":"not_found","errors":"none"}`,
			want: transport.APIError{Message: "Customer not found", NotFound: true},
		},
		{
			name: "null members", status: 404,
			body: `{"status":null,"code":null,"message":null,"error":null,"errors":null}`,
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
