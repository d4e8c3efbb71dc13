package xtrakit

import (
	"net/http"
	"strconv"

	"github.com/customerops/terraform-provider-crm/internal/sandbox"
	"github.com/customerops/terraform-provider-crm/internal/sandbox/httpjson"
)

const (
	// Name is Xtrakit's name in the sandbox: requests, faults, rate limits,
	// /_sandbox/xtrakit/, the provider block.
	Name = "xtrakit"
	// Prefix is where the sandbox serves the API.
	Prefix = "/xtrakit/api/v1"
	// APIKey is the only bearer token the sandbox accepts.
	APIKey = "xtk_sandbox_key"
)

// Emulator is Xtrakit as the sandbox serves it.
var Emulator = sandbox.Emulator{
	Name: Name, Prefix: Prefix, Title: "Xtrakit (Bearer API key):",
	Settings: func(url string) []sandbox.Setting {
		return []sandbox.Setting{
			{Attr: "base_url", Env: "XTRAKIT_BASE_URL", Value: url},
			{Attr: "api_key", Env: "XTRAKIT_API_KEY", Value: APIKey},
		}
	},
	FaultBody: FaultBody,
	Open: func() (sandbox.Store, http.Handler) {
		s := NewStore()
		return s, NewHandler(s, APIKey)
	},
}

// StoreOf is the Xtrakit store of a sandbox, for seeding and out-of-band
// changes.
func StoreOf(s *sandbox.Server) *Store { return sandbox.StoreOf[*Store](s, Name) }

// URL is the Xtrakit base URL of a sandbox.
func URL(s *sandbox.Server) string { return s.BaseURL(Name) }

// Control serves the customers and groups under base on the control
// surface.
func (s *Store) Control(m *http.ServeMux, base string) {
	httpjson.Records(m, base+"/customers", httpjson.IntID, s.Customers)
	httpjson.Records(m, base+"/customer-groups", httpjson.IntID, s.Groups)
}

// Console lays out the customers and groups for the console page.
func (s *Store) Console() []sandbox.ConsoleTable {
	return []sandbox.ConsoleTable{
		sandbox.RecordTable("customers", s.Customers.List(),
			sandbox.Col(sandbox.ColName, func(c *Customer) string { return c.CustomerName }),
			sandbox.Col(sandbox.ColEmail, func(c *Customer) string { return sandbox.Text(c.CustomerEmail) }),
			sandbox.Col(sandbox.ColID, func(c *Customer) string { return strconv.FormatInt(c.ID, 10) }),
			sandbox.Col(sandbox.ColCreated, func(c *Customer) string { return c.CreatedAt }),
		),
		sandbox.RecordTable("customer groups", s.Groups.List(),
			sandbox.Col(sandbox.ColName, func(g *Group) string { return g.GroupName }),
			sandbox.Col(sandbox.ColID, func(g *Group) string { return strconv.FormatInt(g.ID, 10) }),
			sandbox.Col(sandbox.ColCreated, func(g *Group) string { return g.CreatedAt }),
		),
	}
}
