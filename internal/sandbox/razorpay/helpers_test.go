package razorpay

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

const (
	testID     = "rzp_test_x"
	testSecret = "secret"
)

type server struct {
	t     *testing.T
	store *Store
	h     http.Handler
}

func newServer(t *testing.T) *server {
	s := NewStore()
	return &server{t: t, store: s, h: NewHandler(s, testID, testSecret)}
}

func (s *server) do(method, path, body string) (int, string) {
	s.t.Helper()
	return s.doAuth(method, path, body, func(r *http.Request) { r.SetBasicAuth(testID, testSecret) })
}

func (s *server) doAuth(method, path, body string, auth func(*http.Request)) (int, string) {
	s.t.Helper()
	var r io.Reader
	if body != "" {
		r = strings.NewReader(body)
	}
	req := httptest.NewRequest(method, path, r)
	if auth != nil {
		auth(req)
	}
	rec := httptest.NewRecorder()
	s.h.ServeHTTP(rec, req)
	if ct := rec.Header().Get("Content-Type"); ct != "application/json" {
		s.t.Errorf("%s %s: Content-Type %q", method, path, ct)
	}
	return rec.Code, rec.Body.String()
}

var (
	idRE = regexp.MustCompile(`"cust_[A-Za-z0-9]{14}"`)
	atRE = regexp.MustCompile(`"created_at":\d{10}`)
)

// norm replaces generated ids and timestamps.
func norm(body string) string {
	return atRE.ReplaceAllString(idRE.ReplaceAllString(body, `"ID"`), `"created_at":0`)
}

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

// create posts body and returns the new customer's id.
func (s *server) create(body string) string {
	s.t.Helper()
	status, got := s.do("POST", "/customers", body)
	if status != 200 {
		s.t.Fatalf("create %s: %d %s", body, status, got)
	}
	var c Customer
	if err := json.Unmarshal([]byte(got), &c); err != nil {
		s.t.Fatal(err)
	}
	return c.ID
}

// inputErr is the 400 body of a validation error; field "" leaves it out.
func inputErr(desc, field string) string {
	f := ""
	if field != "" {
		f = `"field":"` + field + `",`
	}
	d, _ := json.Marshal(desc)
	return `{"error":{"code":"BAD_REQUEST_ERROR","description":` + string(d) + `,` + f +
		`"source":"business","step":"payment_initiation","reason":"input_validation_failed","metadata":{}}}`
}

const (
	invalidKeyBody = `{"error":{"code":"BAD_REQUEST_ERROR","description":"The api key provided is invalid","source":"NA","step":"NA","reason":"NA","metadata":{}}}`
	urlNotFound    = `{"error":{"code":"BAD_REQUEST_ERROR","description":"The requested URL was not found on the server.","source":"NA","step":"NA","reason":"NA","metadata":{}}}`
)

const gaurav = `{"name":"Gaurav Kumar","contact":"+919876543210","email":"gaurav.kumar@example.com"}`
