package razorpay

import (
	"reflect"
	"testing"

	"github.com/customerops/terraform-provider-crm/internal/transport"
)

// TestDecodeErrorBodies decodes Razorpay's error bodies of CONTRACT.md §3,
// and what else reaches the provider in their place, into the exact
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
			name: "validation naming its field", status: 400,
			body: `{"error":{"code":"BAD_REQUEST_ERROR","description":"Contact number should be at least 8 digits, including country code","field":"contact",` +
				`"source":"business","step":"payment_initiation","reason":"input_validation_failed","metadata":{}}}`,
			want: transport.APIError{Message: "Contact number should be at least 8 digits, including country code", Field: "contact"},
		},
		{
			name: "validation without a field", status: 400,
			body: `{"error":{"code":"BAD_REQUEST_ERROR","description":"The gstin field is invalid","source":"business","step":"payment_initiation","reason":"input_validation_failed","metadata":{}}}`,
			want: transport.APIError{Message: "The gstin field is invalid"},
		},
		{
			name: "not found (an unknown id is a 400)", status: 400,
			body: `{"error":{"code":"BAD_REQUEST_ERROR","description":"The id provided does not exist","source":"business","step":"payment_initiation","reason":"input_validation_failed","metadata":{}}}`,
			want: transport.APIError{Message: "The id provided does not exist", NotFound: true},
		},
		{
			name: "not found, with a full stop and blanks", status: 400,
			body: `{"error":{"code":"BAD_REQUEST_ERROR","description":" The id provided does not exist. "}}`,
			want: transport.APIError{Message: " The id provided does not exist. ", NotFound: true},
		},
		{
			name: "not found words on a 404 are not gone", status: 404,
			body: `{"error":{"code":"BAD_REQUEST_ERROR","description":"The id provided does not exist"}}`,
			want: transport.APIError{Message: "The id provided does not exist"},
		},
		{
			name: "other words on a 400 are not gone", status: 400,
			body: `{"error":{"code":"BAD_REQUEST_ERROR","description":"The id provided does not exist yet"}}`,
			want: transport.APIError{Message: "The id provided does not exist yet"},
		},
		{
			name: "a malformed id", status: 400,
			body: `{"error":{"code":"BAD_REQUEST_ERROR","description":"id is not a valid id","field":"id"}}`,
			want: transport.APIError{Message: "id is not a valid id", Field: "id"},
		},
		{
			name: "duplicate email + contact", status: 400,
			body:      `{"error":{"code":"BAD_REQUEST_ERROR","description":"Customer already exists for the merchant","source":"business","step":"payment_initiation","reason":"input_validation_failed","metadata":{}}}`,
			want:      transport.APIError{Message: "Customer already exists for the merchant"},
			duplicate: true,
		},
		{
			name: "401", status: 401,
			body: `{"error":{"code":"BAD_REQUEST_ERROR","description":"The api key provided is invalid","source":"NA","step":"NA","reason":"NA","metadata":{}}}`,
			want: transport.APIError{Message: "The api key provided is invalid"},
		},
		{
			name: "429", status: 429,
			body: `{"error":{"code":"BAD_REQUEST_ERROR","description":"Too many requests","source":"NA","step":"NA","reason":"NA","metadata":{}}}`,
			want: transport.APIError{Message: "Too many requests"},
		},
		{
			name: "a code other than BAD_REQUEST_ERROR is shown", status: 500,
			body: `{"error":{"code":"SERVER_ERROR","description":"The server encountered an error. The incident has been reported to admins.","source":"NA","step":"NA","reason":"NA","metadata":{}}}`,
			want: transport.APIError{Message: "The server encountered an error. The incident has been reported to admins.",
				Details: []string{"code: SERVER_ERROR"}},
		},
		{
			name: "HTML proxy page on a 404 is not gone", status: 404,
			body: "<html><head><title>404 Not Found</title></head><body><center><h1>404 Not Found</h1></center><hr><center>nginx</center></body></html>",
			want: transport.APIError{},
		},
		{
			name: "HTML proxy page on a 400 is not gone", status: 400,
			body: "<html><body><h1>400 Bad Request</h1>The id provided does not exist</body></html>",
			want: transport.APIError{},
		},
		{
			name: "empty body", status: 400,
			body: ``,
			want: transport.APIError{},
		},
		{
			name: "JSON that is not an object", status: 400,
			body: `"The id provided does not exist"`,
			want: transport.APIError{},
		},
		{
			name: "the description outside the error object", status: 400,
			body: `{"description":"The id provided does not exist"}`,
			want: transport.APIError{},
		},
		{
			name: "wrong-typed members are left empty", status: 400,
			body: `{"error":{"code":400,"description":["The id provided does not exist"],"field":{"name":"contact"}}}`,
			want: transport.APIError{},
		},
		{
			name: "a wrong-typed member leaves the rest read", status: 400,
			body: `{"error":{"code":400,"description":"The id provided does not exist","field":7,"metadata":"none"}}`,
			want: transport.APIError{Message: "The id provided does not exist", NotFound: true},
		},
		{
			name: "an error that is a string", status: 400,
			body: `{"error":"The id provided does not exist"}`,
			want: transport.APIError{},
		},
		{
			name: "null members", status: 400,
			body: `{"error":{"code":null,"description":null,"field":null}}`,
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
