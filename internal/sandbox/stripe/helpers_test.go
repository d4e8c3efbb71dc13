package stripe

import (
	"encoding/json"
	"net/http"
	"testing"

	"github.com/customerops/terraform-provider-crm/internal/sandbox/emutest"
)

const testKey = "sk_test_unit"

// server is a handler over a fresh store, driven with real requests.
type server struct {
	*emutest.Client
	store *Store
}

func formBody(r *http.Request) {
	if r.Method == http.MethodPost {
		r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
}

func newServer(t *testing.T) *server {
	t.Helper()
	s := NewStore()
	return &server{&emutest.Client{T: t, H: NewHandler(s, testKey),
		Auth: func(r *http.Request) { r.Header.Set("Authorization", "Bearer "+testKey); formBody(r) }}, s}
}

// send posts body with an idempotency key ("" for none).
func (s *server) send(method, path, body, key string) (int, string, http.Header) {
	s.T.Helper()
	rec := s.Send(method, path, body, s.Auth, func(r *http.Request) {
		if key != "" {
			r.Header.Set("Idempotency-Key", key)
		}
	})
	return rec.Code, rec.Body.String(), rec.Header()
}

func decode[T any](t testing.TB, body string) T {
	t.Helper()
	var v T
	if err := json.Unmarshal([]byte(body), &v); err != nil {
		t.Fatalf("%s: %v", body, err)
	}
	return v
}

// errorOf is the inside of an error body, read strictly.
func errorOf(t testing.TB, body string) apiError {
	t.Helper()
	var e struct {
		Error *apiError `json:"error"`
	}
	if err := json.Unmarshal([]byte(body), &e); err != nil || e.Error == nil || e.Error.Message == "" || e.Error.Type == "" {
		t.Fatalf("not Stripe's error body: %s (%v)", body, err)
	}
	return *e.Error
}
