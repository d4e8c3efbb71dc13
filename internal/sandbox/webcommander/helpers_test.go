package webcommander

import (
	"encoding/base64"
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"github.com/customerops/terraform-provider-crm/internal/sandbox/emutest"
)

var testCreds = Credentials{
	ClientID: "cid", ClientSecret: "csecret", RedirectURI: "https://localhost/cb",
	Username: "admin@example.com", Password: "pw",
}

// server is a handler over a fresh store, driven with real requests, with
// an access token got from the token endpoint.
type server struct {
	*emutest.Client
	store *Store
	token string
}

func newServer(t testing.TB) *server {
	t.Helper()
	srv := tokenless(t, NewStore())
	status, body := srv.raw("POST", "/api/v4/oauth2/token", ccBody(testCreds), nil)
	if status != http.StatusCreated {
		t.Fatalf("token: %d %s", status, body)
	}
	srv.token = decodeGrant(t, body).AccessToken
	return srv
}

// tokenless is a server over store without a token yet.
func tokenless(t testing.TB, store *Store) *server {
	srv := &server{store: store}
	srv.Client = &emutest.Client{T: t, H: NewHandler(store, testCreds), Norm: norm,
		Auth: func(r *http.Request) { r.Header.Set("Authorization", "Bearer "+srv.token) }}
	return srv
}

// ccBody is a client_credentials token request for c.
func ccBody(c Credentials) string {
	return mustJSON(map[string]string{
		"grant_type": "client_credentials", "auth_string": base64.StdEncoding.EncodeToString([]byte(c.Username + ":" + c.Password)),
		"redirect_uri": c.RedirectURI, "client_id": c.ClientID, "client_secret": c.ClientSecret,
	})
}

// refreshBody is a refresh_token token request.
func refreshBody(c Credentials, token string) string {
	return mustJSON(map[string]string{"grant_type": "refresh_token", "refresh_token": token,
		"client_id": c.ClientID, "client_secret": c.ClientSecret, "redirect_uri": c.RedirectURI})
}

func mustJSON(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err)
	}
	return string(b)
}

func decodeGrant(t testing.TB, body string) grant {
	t.Helper()
	var g grant
	if err := json.Unmarshal([]byte(body), &g); err != nil || g.AccessToken == "" || g.RefreshToken == "" {
		t.Fatalf("not a grant (%v): %s", err, body)
	}
	return g
}

// raw sends a request prepared by prepare, a body as JSON.
func (s *server) raw(method, path, body string, prepare func(*http.Request)) (int, string) {
	s.T.Helper()
	return s.Call(method, path, body, emutest.JSONBody, prepare)
}

// wire decodes a {"customer":{...}} answer as generic JSON.
func wire(t testing.TB, body string) map[string]any {
	t.Helper()
	var e map[string]map[string]any
	if err := json.Unmarshal([]byte(body), &e); err != nil || e["customer"] == nil {
		t.Fatalf("not a customer body (%v): %s", err, body)
	}
	return e["customer"]
}

// create posts body and returns the answered customer.
func (s *server) create(body string) map[string]any {
	s.T.Helper()
	status, got := s.Do("POST", "/api/v4/admin/customers", body)
	if status != http.StatusCreated {
		s.T.Fatalf("create %s: %d %s", body, status, got)
	}
	return wire(s.T, got)
}

// id is a decoded customer's id.
func id(c map[string]any) int64 { return int64(c["id"].(float64)) }

func path(id int64) string { return "/api/v4/admin/customers/" + itoa(id) }

func itoa(n int64) string { return strings.TrimSpace(mustJSON(n)) }

// errBody is the error body; errs are [field, code, message] triples.
func errBody(status int, slug, message string, errs ...[3]string) string {
	b := errorBody{Status: "error", Code: status, Message: message, Error: slug}
	for _, e := range errs {
		b.Errors = append(b.Errors, fieldError{e[0], e[1], e[2]})
	}
	return mustJSON(b)
}

// validation is the 400 naming errs; the message is the first one's.
func validation(errs ...[3]string) string {
	return errBody(400, "validation_failed", errs[0][2], errs...)
}

var (
	unauthorizedBody = errBody(401, "unauthorized", "Invalid or expired access token")
	notFoundBody     = errBody(404, "not_found", "Customer not found")
	takenBody        = errBody(409, "conflict", "The email address is already registered")
)

// fullBody is the vendor's sample request (internal/webcommander/CONTRACT.md §5) with real values.
const fullBody = `{
  "customer": {
    "first_name": "Jane",
    "last_name": "Citizen",
    "shipping_profile": "2",
    "gender": "female",
    "email": "jane@example.com",
    "company_name": "Acme Pty",
    "address_line": "1 George St",
    "country": "Australia",
    "state": "nsw",
    "post_code": "2000",
    "city": "Sydney",
    "mobile": "0400000000",
    "phone": "0290000000",
    "abn": "51824753556",
    "abn_branch": "001",
    "newsletter": {"subscribed": true},
    "password": "s3cret!"
  },
  "store_credit": "150.00",
  "credit_limit": "99.50",
  "customer_password_expired": true,
  "allow_credit_limit": true
}`

// minimal has only what a create requires.
const minimal = `{"customer":{"first_name":"Ama"}}`
