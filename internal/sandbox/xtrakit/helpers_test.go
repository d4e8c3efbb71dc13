package xtrakit

import (
	"net/http"
	"regexp"
	"testing"

	"github.com/customerops/terraform-provider-crm/internal/sandbox/emutest"
)

const testKey = "test-key"

// server is a handler over a fresh store, driven with real requests.
type server struct {
	*emutest.Client
	store *Store
}

func newServer(t *testing.T) *server {
	t.Helper()
	s := NewStore()
	return &server{&emutest.Client{T: t, H: NewHandler(s, testKey), Norm: norm,
		Auth: func(r *http.Request) { r.Header.Set("Authorization", "Bearer "+testKey) }}, s}
}

// doAuth sends method path body with auth as the Authorization header
// ("" for none).
func (s *server) doAuth(method, path, body, auth string) (int, string) {
	s.T.Helper()
	return s.Call(method, path, body, func(r *http.Request) {
		if auth != "" {
			r.Header.Set("Authorization", auth)
		}
	})
}

var tsRE = regexp.MustCompile(`"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d"`)

// norm replaces timestamps (checked for format here) with "TS".
func norm(body string) string { return tsRE.ReplaceAllString(body, `"TS"`) }

// fullCustomer is a create body with every field, as in the vendor's sample (internal/xtrakit/CONTRACT.md §5).
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
