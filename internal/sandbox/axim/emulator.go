package axim

import (
	"net/http"

	"github.com/customerops/terraform-provider-crm/internal/sandbox"
	"github.com/customerops/terraform-provider-crm/internal/sandbox/httpjson"
)

const (
	// Name is AximCommerce's name in the sandbox: requests, faults, rate
	// limits, /_sandbox/axim/, the provider block.
	Name = "axim"
	// Prefix is where the sandbox serves the API.
	Prefix = "/axim/api"
	// AccessToken is the only accessToken header value the sandbox accepts.
	AccessToken = "axim_sandbox_token"
)

// Emulator is AximCommerce as the sandbox serves it.
var Emulator = sandbox.Emulator{
	Name: Name, Prefix: Prefix, Title: "AximCommerce (accessToken header):",
	Settings: func(url string) []sandbox.Setting {
		return []sandbox.Setting{
			{Attr: "base_url", Env: "AXIM_BASE_URL", Value: url},
			{Attr: "access_token", Env: "AXIM_ACCESS_TOKEN", Value: AccessToken},
		}
	},
	FaultBody: FaultBody,
	Open: func() (sandbox.Store, http.Handler) {
		s := NewStore()
		return s, NewHandler(s, AccessToken)
	},
}

// StoreOf is the AximCommerce store of a sandbox, for seeding and
// out-of-band changes.
func StoreOf(s *sandbox.Server) *Store { return sandbox.StoreOf[*Store](s, Name) }

// URL is the AximCommerce base URL of a sandbox.
func URL(s *sandbox.Server) string { return s.BaseURL(Name) }

// Control serves the customers under base on the control surface.
func (s *Store) Control(m *http.ServeMux, base string) {
	httpjson.Records(m, base+"/customers", httpjson.StringID, s.Customers)
}

// Console lays out the customers for the console page.
func (s *Store) Console() []sandbox.ConsoleTable {
	return []sandbox.ConsoleTable{
		sandbox.RecordTable("customers", s.Customers.List(),
			sandbox.Col(sandbox.ColName, func(c *Customer) string { return c.FirstName + " " + c.LastName }),
			sandbox.Col(sandbox.ColEmail, func(c *Customer) string { return c.Email }),
			sandbox.Col(sandbox.ColID, func(c *Customer) string { return c.ID }),
			sandbox.Col(sandbox.ColStatus, func(c *Customer) string { return c.Status }),
			sandbox.Col(sandbox.ColCreated, func(c *Customer) string { return c.CreatedAt }),
		),
	}
}
