package axim

import (
	"net/http"
	"testing"
)

func TestAuth(t *testing.T) {
	for _, tc := range []struct {
		name    string
		prepare func(*http.Request)
		ok      bool
	}{
		{"none", nil, false},
		{"empty", func(r *http.Request) { r.Header.Set("accessToken", "") }, false},
		{"wrong token", func(r *http.Request) { r.Header.Set("accessToken", "nope") }, false},
		{"token with suffix", func(r *http.Request) { r.Header.Set("accessToken", testToken+"x") }, false},
		{"bearer prefix", func(r *http.Request) { r.Header.Set("accessToken", "Bearer "+testToken) }, false},
		{"authorization bearer", func(r *http.Request) { r.Header.Set("Authorization", "Bearer "+testToken) }, false},
		{"authorization raw", func(r *http.Request) { r.Header.Set("Authorization", testToken) }, false},
		{"two headers", func(r *http.Request) {
			r.Header.Add("accessToken", testToken)
			r.Header.Add("accessToken", testToken)
		}, false},
		{"right", func(r *http.Request) { r.Header.Set("accessToken", testToken) }, true},
		// Header names are case-insensitive (RFC 9110).
		{"right, other case", func(r *http.Request) { r.Header.Set("ACCESSTOKEN", testToken) }, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := newServer(t)
			c := s.store.Customers.Seed(Customer{FirstName: "A", LastName: "B", Email: "a@example.com", Status: "active"})
			for _, target := range [][2]string{{"GET", "/customers"}, {"POST", "/customers"}, {"GET", "/customers/" + c.ID},
				{"PUT", "/customers/" + c.ID}, {"DELETE", "/customers/" + c.ID}, {"GET", "/nowhere"}} {
				prepare := func(r *http.Request) {
					r.Header.Set("Content-Type", "application/json")
					if tc.prepare != nil {
						tc.prepare(r)
					}
				}
				status, body := s.Call(target[0], target[1], "", prepare)
				if !tc.ok && (status != 401 || body != unauthorizedBody) {
					t.Errorf("%v: got %d %s", target, status, body)
				}
				if tc.ok && status == 401 {
					t.Errorf("%v: rejected the right token", target)
				}
			}
			if _, ok := s.store.Customers.Get(c.ID); !ok && !tc.ok {
				t.Error("an unauthorised DELETE removed the customer")
			}
		})
	}
}
