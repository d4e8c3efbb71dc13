package axim

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

const testToken = "test-token"

// server is a handler over a fresh store, driven with real requests.
type server struct {
	t     *testing.T
	store *Store
	h     http.Handler
}

func newServer(t *testing.T) *server {
	t.Helper()
	s := NewStore()
	return &server{t: t, store: s, h: NewHandler(s, testToken)}
}

// do sends method path body with the right token; POST and PUT bodies (even
// empty ones) are sent as JSON.
func (s *server) do(method, path, body string) (int, string) {
	s.t.Helper()
	return s.doWith(method, path, body, func(r *http.Request) {
		r.Header.Set("accessToken", testToken)
		if method == http.MethodPost || method == http.MethodPut {
			r.Header.Set("Content-Type", "application/json")
		}
	})
}

func (s *server) doWith(method, path, body string, prepare func(*http.Request)) (int, string) {
	s.t.Helper()
	rec := s.record(method, path, body, prepare)
	return rec.Code, rec.Body.String()
}

func (s *server) record(method, path, body string, prepare func(*http.Request)) *httptest.ResponseRecorder {
	s.t.Helper()
	var r io.Reader
	if body != "" {
		r = strings.NewReader(body)
	}
	req := httptest.NewRequest(method, path, r)
	if prepare != nil {
		prepare(req)
	}
	rec := httptest.NewRecorder()
	s.h.ServeHTTP(rec, req)
	if ct := rec.Header().Get("Content-Type"); ct != "application/json" {
		s.t.Errorf("%s %s: Content-Type %q", method, path, ct)
	}
	return rec
}

var (
	idRE = regexp.MustCompile(`"id":"[0-9a-f]{24}"`)
	tsRE = regexp.MustCompile(`"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z"`)
)

// norm replaces generated ids (checked for format here) with "ID" and
// timestamps with "TS".
func norm(body string) string {
	return tsRE.ReplaceAllString(idRE.ReplaceAllString(body, `"id":"ID"`), `"TS"`)
}

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

// create posts body and returns the new customer.
func (s *server) create(body string) Customer {
	s.t.Helper()
	status, got := s.do("POST", "/customers", body)
	if status != http.StatusCreated {
		s.t.Fatalf("create %s: %d %s", body, status, got)
	}
	return data(s.t, got)
}

// data decodes a success envelope's customer.
func data(t *testing.T, body string) Customer {
	t.Helper()
	var e struct {
		Success bool
		Data    Customer
	}
	if err := json.Unmarshal([]byte(body), &e); err != nil || !e.Success {
		t.Fatalf("not a customer envelope (%v): %s", err, body)
	}
	return e.Data
}

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

// validationErr is the 400 body listing errs, each a [field, message] pair.
func validationErr(errs ...[2]string) string {
	parts := make([]string, len(errs))
	for i, e := range errs {
		b, _ := json.Marshal(fieldError{e[0], e[1]})
		parts[i] = string(b)
	}
	return `{"success":false,"message":"Validation failed","errors":[` + strings.Join(parts, ",") + `]}`
}

const (
	notFoundBody     = `{"success":false,"message":"Customer not found"}`
	unauthorizedBody = `{"success":false,"message":"Unauthorized"}`
	existsBody       = `{"success":false,"message":"Customer with this email already exists"}`
	invalidJSONBody  = `{"success":false,"message":"Invalid JSON body"}`
)

// johnDoe is the seed's sample request body.
const johnDoe = `{
  "firstName": "John",
  "lastName": "Doe",
  "email": "john@aximcommerce.com",
  "phoneNumber": "65161861",
  "status": "active",
  "address": [
    {
      "firstName": "John",
      "lastName": "Doe",
      "phoneNumber": "65161861",
      "address1": "12/4, test st",
      "address2": "",
      "city": "Elizabeth",
      "state": "NJ",
      "country": "US",
      "zipcode": "07202",
      "isDefaultAddress": false
    }
  ],
  "company": "6371cd895b77326cf992d5bb",
  "metaFields": [
    {
      "code": "p21_contact_id",
      "value": 12548
    }
  ],
  "notes": "NOTE AREA"
}`

// johnDoeJSON is the customer johnDoe creates, ids and times normalised.
const johnDoeJSON = `{
  "id": "ID",
  "email": "john@aximcommerce.com",
  "firstName": "John",
  "lastName": "Doe",
  "phoneNumber": "65161861",
  "role": "` + RoleID + `",
  "company": "6371cd895b77326cf992d5bb",
  "status": "active",
  "notes": "NOTE AREA",
  "verifiedEmail": false,
  "newsletter": false,
  "isB2B": false,
  "metaFields": [{"code": "p21_contact_id", "value": 12548}],
  "address": [{
    "id": "ID",
    "firstName": "John",
    "lastName": "Doe",
    "phoneNumber": "65161861",
    "address1": "12/4, test st",
    "address2": "",
    "city": "Elizabeth",
    "state": "NJ",
    "country": "US",
    "zipcode": "07202",
    "isDefaultAddress": false
  }],
  "createdBy": {"id": "ID", "name": "API"},
  "createdAt": "TS",
  "updatedAt": "TS"
}`

// minimal has only the fields a create requires.
const minimal = `{"firstName":"Ama","lastName":"Mensah","email":"ama@example.com","status":"pending"}`

const minimalJSON = `{"id":"ID","email":"ama@example.com","firstName":"Ama","lastName":"Mensah","phoneNumber":null,
  "role":"` + RoleID + `","company":null,"status":"pending","notes":null,"verifiedEmail":false,"newsletter":false,
  "isB2B":false,"metaFields":[],"address":[],"createdBy":{"id":"ID","name":"API"},"createdAt":"TS","updatedAt":"TS"}`
