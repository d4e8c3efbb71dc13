package webcommander

import (
	"math"
	"net/http"
	"strconv"
	"time"

	"github.com/customerops/terraform-provider-crm/internal/sandbox"
	"github.com/customerops/terraform-provider-crm/internal/sandbox/httpjson"
)

const (
	// Name is WebCommander's name in the sandbox: requests, faults, rate
	// limits, /_sandbox/webcommander/, the provider block.
	Name = "webcommander"
	// Prefix is where the sandbox serves the store: the API is under
	// APIBase of it, the token endpoint included.
	Prefix = "/webcommander"

	// The OAuth client and admin user the token endpoint accepts (its
	// client_id, client_secret, redirect_uri and auth_string).
	ClientID     = "wc_client"
	ClientSecret = "wc_client_secret"
	Username     = "admin@example.com"
	Password     = "wc_admin_password"
	RedirectURI  = "https://localhost/callback"
)

// Emulator is WebCommander as the sandbox serves it.
var Emulator = sandbox.Emulator{
	Name: Name, Prefix: Prefix,
	Title: "WebCommander (OAuth 2.0 token at $WEBCOMMANDER_STORE_URL" + APIBase + "/oauth2/token):",
	Settings: func(url string) []sandbox.Setting {
		return []sandbox.Setting{
			{Attr: "store_url", Env: "WEBCOMMANDER_STORE_URL", Value: url},
			{Attr: "client_id", Env: "WEBCOMMANDER_CLIENT_ID", Value: ClientID},
			{Attr: "client_secret", Env: "WEBCOMMANDER_CLIENT_SECRET", Value: ClientSecret},
			{Attr: "username", Env: "WEBCOMMANDER_USERNAME", Value: Username},
			{Attr: "password", Env: "WEBCOMMANDER_PASSWORD", Value: Password},
			{Attr: "redirect_uri", Env: "WEBCOMMANDER_REDIRECT_URI", Value: RedirectURI},
		}
	},
	FaultBody: FaultBody,
	Open: func() (sandbox.Store, http.Handler) {
		s := NewStore()
		return s, NewHandler(s, Credentials{
			ClientID: ClientID, ClientSecret: ClientSecret, RedirectURI: RedirectURI,
			Username: Username, Password: Password,
		})
	},
}

// StoreOf is the WebCommander store of a sandbox, for seeding, out-of-band
// changes and its tokens.
func StoreOf(s *sandbox.Server) *Store { return sandbox.StoreOf[*Store](s, Name) }

// URL is the WebCommander store URL of a sandbox; the API base is this plus
// APIBase.
func URL(s *sandbox.Server) string { return s.BaseURL(Name) }

// Control serves the customers under base on the control surface, and the
// token controls an expiry test needs:
//
//	GET|PUT base/token-lifetime  {"seconds": N} or {"milliseconds": N}
//	POST    base/expire-tokens   expire every access token
//	GET     base/token-calls     token endpoint calls by grant type
func (s *Store) Control(m *http.ServeMux, base string) {
	httpjson.Records(m, base+"/customers", httpjson.IntID, s.Customers)
	m.HandleFunc("GET "+base+"/token-lifetime", func(w http.ResponseWriter, _ *http.Request) {
		httpjson.Reply(w, http.StatusOK, lifetimeJSON(s.TokenLifetime()))
	})
	m.HandleFunc("PUT "+base+"/token-lifetime", s.putTokenLifetime)
	m.HandleFunc("POST "+base+"/expire-tokens", func(w http.ResponseWriter, _ *http.Request) {
		s.ExpireTokens()
		w.WriteHeader(http.StatusNoContent)
	})
	m.HandleFunc("GET "+base+"/token-calls", func(w http.ResponseWriter, _ *http.Request) {
		cc, rt := s.TokenCalls()
		httpjson.Reply(w, http.StatusOK, map[string]int{"client_credentials": cc, "refresh_token": rt})
	})
}

func (s *Store) putTokenLifetime(w http.ResponseWriter, r *http.Request) {
	var body struct {
		Seconds      *float64 `json:"seconds"`
		Milliseconds *float64 `json:"milliseconds"`
	}
	if !httpjson.Decode(w, r, &body) {
		return
	}
	var d float64 // milliseconds
	switch {
	case body.Seconds != nil && body.Milliseconds == nil:
		d = *body.Seconds * 1000
	case body.Milliseconds != nil && body.Seconds == nil:
		d = *body.Milliseconds
	}
	// At least 1 ms; at most ~292 years, what a Duration holds.
	if d < 1 || d > math.MaxInt64/float64(time.Millisecond) {
		httpjson.Fail(w, http.StatusBadRequest, `send one of {"seconds": N} or {"milliseconds": N}, at least 1 ms`)
		return
	}
	s.SetTokenLifetime(time.Duration(d * float64(time.Millisecond)))
	httpjson.Reply(w, http.StatusOK, lifetimeJSON(s.TokenLifetime()))
}

// lifetimeJSON is a token lifetime on the control surface.
func lifetimeJSON(d time.Duration) map[string]float64 {
	return map[string]float64{"seconds": d.Seconds(), "milliseconds": float64(d.Milliseconds())}
}

// Console lays out the customers for the console page.
func (s *Store) Console() []sandbox.ConsoleTable {
	return []sandbox.ConsoleTable{
		sandbox.RecordTable("customers", s.Customers.List(),
			sandbox.Col(sandbox.ColName, func(c *Customer) string { return c.FirstName + " " + c.LastName }),
			sandbox.Col(sandbox.ColEmail, func(c *Customer) string { return c.Email }),
			sandbox.Col(sandbox.ColID, func(c *Customer) string { return strconv.FormatInt(c.ID, 10) }),
			sandbox.Col(sandbox.ColStatus, func(c *Customer) string { return c.Status }),
			sandbox.Col(sandbox.ColCreated, func(c *Customer) string { return c.CreatedAt }),
		),
	}
}
