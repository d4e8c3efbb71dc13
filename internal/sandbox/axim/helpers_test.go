package axim

import (
	"encoding/json"
	"net/http"
	"regexp"
	"strings"
	"testing"

	"github.com/customerops/terraform-provider-crm/internal/sandbox/emutest"
)

const testToken = "test-token"

// server is a handler over a fresh store, driven with real requests.
type server struct {
	*emutest.Client
	store *Store
}

func newServer(t *testing.T) *server {
	t.Helper()
	s := NewStore()
	return &server{&emutest.Client{T: t, H: NewHandler(s, testToken), Norm: norm,
		Auth: func(r *http.Request) { r.Header.Set("accessToken", testToken) }}, s}
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

// create posts body and returns the new customer.
func (s *server) create(body string) Customer {
	s.T.Helper()
	status, got := s.Do("POST", "/customers", body)
	if status != http.StatusCreated {
		s.T.Fatalf("create %s: %d %s", body, status, got)
	}
	return data(s.T, got)
}

// data decodes a success envelope's customer.
func data(t testing.TB, body string) Customer {
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

// johnDoe is the vendor's sample request body (CONTRACT.md §5).
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
