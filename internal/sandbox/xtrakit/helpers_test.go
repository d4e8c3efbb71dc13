package xtrakit

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"
)

const testKey = "test-key"

// server is a handler over a fresh store, driven with real requests.
type server struct {
	t     *testing.T
	store *Store
	h     http.Handler
}

func newServer(t *testing.T) *server {
	t.Helper()
	s := NewStore()
	return &server{t: t, store: s, h: NewHandler(s, testKey)}
}

// do sends method path body with the right bearer key.
func (s *server) do(method, path, body string) (int, string) {
	s.t.Helper()
	return s.doAuth(method, path, body, "Bearer "+testKey)
}

func (s *server) doAuth(method, path, body, auth string) (int, string) {
	s.t.Helper()
	var r io.Reader
	if body != "" {
		r = strings.NewReader(body)
	}
	req := httptest.NewRequest(method, path, r)
	if auth != "" {
		req.Header.Set("Authorization", auth)
	}
	rec := httptest.NewRecorder()
	s.h.ServeHTTP(rec, req)
	if ct := rec.Header().Get("Content-Type"); ct != "application/json" {
		s.t.Errorf("%s %s: Content-Type %q", method, path, ct)
	}
	return rec.Code, rec.Body.String()
}

var tsRE = regexp.MustCompile(`"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d"`)

// norm replaces timestamps (checked for format here) with "TS".
func norm(body string) string { return tsRE.ReplaceAllString(body, `"TS"`) }

// compact removes the indentation of an expected JSON body.
func compact(t *testing.T, s string) string {
	t.Helper()
	var b bytes.Buffer
	if err := json.Compact(&b, []byte(s)); err != nil {
		t.Fatalf("bad expected JSON %s: %v", s, err)
	}
	return b.String()
}

func (s *server) expect(method, path, body string, wantStatus int, wantBody string) {
	s.t.Helper()
	status, got := s.do(method, path, body)
	if status != wantStatus || norm(got) != compact(s.t, wantBody) {
		s.t.Errorf("%s %s %s\n got %d %s\nwant %d %s", method, path, body, status, norm(got), wantStatus, compact(s.t, wantBody))
	}
}

// fullCustomer is a create body with every field, as in seed 000.
const fullCustomer = `{
  "customer_group_id": 1,
  "customer_name": "Jane Doe",
  "customer_email": "jane.doe@example.com",
  "customer_phone": "+233244567890",
  "customer_whatsapp": "+233244567890",
  "customer_country": "Ghana",
  "customer_city": "Accra",
  "customer_state": "Greater Accra",
  "customer_zip": "00233",
  "address1": "123 Main Street",
  "address2": "Apt 4B, Downtown Complex",
  "customer_profile": "https://example.com/profiles/customer123.jpg",
  "created_by": "Edward"
}`

// minimalCustomer has only the required fields.
const minimalCustomer = `{"customer_name":"Kofi","customer_phone":"0244000000","customer_country":"Ghana",
  "customer_city":"Kumasi","customer_state":"Ashanti","address1":"1 Road","created_by":"ops"}`

// withField returns body with field set to raw JSON (or removed when raw is "").
func withField(t *testing.T, body, field, raw string) string {
	t.Helper()
	var m map[string]json.RawMessage
	if err := json.Unmarshal([]byte(body), &m); err != nil {
		t.Fatal(err)
	}
	if raw == "" {
		delete(m, field)
	} else {
		m[field] = json.RawMessage(raw)
	}
	b, err := json.Marshal(m)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
