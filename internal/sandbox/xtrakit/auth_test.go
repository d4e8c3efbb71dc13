package xtrakit

import (
	"net/http"
	"testing"
)

func TestAuth(t *testing.T) {
	const missing = `{"status":401,"error":"Unauthorized: Missing Bearer Token"}`
	const invalid = `{"status":401,"error":"Unauthorized: Invalid API Key"}`
	for _, tc := range []struct {
		name, auth string
		status     int
		body       string
	}{
		{"no header", "", 401, missing},
		{"basic scheme", "Basic dGVzdC1rZXk6", 401, missing},
		{"bearer without token", "Bearer ", 401, missing},
		{"bare token", testKey, 401, missing},
		{"wrong key", "Bearer nope", 401, invalid},
		{"key with suffix", "Bearer " + testKey + "x", 401, invalid},
		{"right key", "Bearer " + testKey, 200, ""},
		{"scheme is case-insensitive", "bearer " + testKey, 200, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := newServer(t)
			for _, path := range []string{"/customers", "/customer-groups", "/customers/1", "/nowhere"} {
				status, body := s.doAuth(http.MethodGet, path, "", tc.auth)
				if tc.status == 401 && (status != 401 || body != tc.body) {
					t.Errorf("GET %s: got %d %s, want 401 %s", path, status, body, tc.body)
				}
				if tc.status == 200 && status == 401 {
					t.Errorf("GET %s: got 401 %s", path, body)
				}
			}
		})
	}
}
