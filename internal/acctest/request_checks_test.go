package acctest

import (
	"net/url"
	"strings"
	"testing"

	"github.com/customerops/terraform-provider-crm/internal/sandbox"
)

func TestOnlyGETs(t *testing.T) {
	get := sandbox.Request{Method: "GET", Path: "/customers", Query: url.Values{"page": {"2"}}}
	token := sandbox.Request{Method: "POST", Path: "/oauth2/token"}
	cases := []struct {
		name string
		reqs []sandbox.Request
		want string // in the error; "" for none
	}{
		{"GETs of the list", []sandbox.Request{get, get}, ""},
		{"with the token grant allowed", []sandbox.Request{token, get}, ""},
		{"a write", []sandbox.Request{get, {Method: "PUT", Path: "/customers/1"}}, "listing sent PUT /customers/1"},
		{"a GET elsewhere", []sandbox.Request{{Method: "GET", Path: "/customers/1"}}, "listing sent GET /customers/1"},
		{"no request", nil, "sent no GET /customers"},
		{"only the token", []sandbox.Request{token}, "sent no GET /customers: [POST /oauth2/token]"},
	}
	for _, tc := range cases {
		err := OnlyGETs("/customers", "/oauth2/token")(tc.reqs)
		switch {
		case tc.want == "" && err != nil:
			t.Errorf("%s: %v", tc.name, err)
		case tc.want != "" && (err == nil || !strings.Contains(err.Error(), tc.want)):
			t.Errorf("%s: got %v, want an error with %q", tc.name, err, tc.want)
		}
	}
	// Without "also", the token grant is a request too many.
	if err := OnlyGETs("/customers")([]sandbox.Request{token, get}); err == nil || !strings.Contains(err.Error(), "page=2") {
		t.Errorf("got %v, want an error listing the requests with their queries", err)
	}
}
