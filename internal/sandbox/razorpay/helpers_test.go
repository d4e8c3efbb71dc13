package razorpay

import (
	"encoding/json"
	"net/http"
	"regexp"
	"testing"

	"github.com/customerops/terraform-provider-crm/internal/sandbox/emutest"
)

const (
	testID     = "rzp_test_x"
	testSecret = "secret"
)

// server is a handler over a fresh store, driven with real requests.
type server struct {
	*emutest.Client
	store *Store
}

func newServer(t *testing.T) *server {
	s := NewStore()
	return &server{&emutest.Client{T: t, H: NewHandler(s, testID, testSecret), Norm: norm,
		Auth: func(r *http.Request) { r.SetBasicAuth(testID, testSecret) }}, s}
}

var (
	idRE = regexp.MustCompile(`"cust_[A-Za-z0-9]{14}"`)
	atRE = regexp.MustCompile(`"created_at":\d{10}`)
)

// norm replaces generated ids and timestamps.
func norm(body string) string {
	return atRE.ReplaceAllString(idRE.ReplaceAllString(body, `"ID"`), `"created_at":0`)
}

// create posts body and returns the new customer's id.
func (s *server) create(body string) string {
	s.T.Helper()
	status, got := s.Do("POST", "/customers", body)
	if status != 200 {
		s.T.Fatalf("create %s: %d %s", body, status, got)
	}
	var c Customer
	if err := json.Unmarshal([]byte(got), &c); err != nil {
		s.T.Fatal(err)
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
