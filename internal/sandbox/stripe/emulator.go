package stripe

import (
	"net/http"

	"github.com/customerops/terraform-provider-crm/internal/sandbox"
	"github.com/customerops/terraform-provider-crm/internal/sandbox/httpjson"
)

const (
	// Name is Stripe's name in the sandbox: requests, faults, rate limits,
	// /_sandbox/stripe/, the provider block.
	Name = "stripe"
	// Prefix is where the sandbox serves the API; paths below it start
	// with /v1, as on api.stripe.com.
	Prefix = "/stripe"
	// APIKey is the only secret key the sandbox accepts.
	APIKey = "sk_test_sandbox_4eC39HqLyjWDarjtT1zdp7dc"
)

// Emulator is Stripe as the sandbox serves it.
var Emulator = sandbox.Emulator{
	Name: Name, Prefix: Prefix, Title: "Stripe (Authorization: Bearer secret key):",
	Settings: func(url string) []sandbox.Setting {
		return []sandbox.Setting{
			{Attr: "base_url", Env: "STRIPE_BASE_URL", Value: url},
			{Attr: "api_key", Env: "STRIPE_API_KEY", Value: APIKey},
		}
	},
	FaultBody:   FaultBody,
	FaultHeader: FaultHeader,
	Open: func() (sandbox.Store, http.Handler) {
		s := NewStore()
		return s, NewHandler(s, APIKey)
	},
}

// StoreOf is the Stripe store of a sandbox, for seeding and out-of-band
// changes.
func StoreOf(s *sandbox.Server) *Store { return sandbox.StoreOf[*Store](s, Name) }

// URL is the Stripe base URL of a sandbox.
func URL(s *sandbox.Server) string { return s.BaseURL(Name) }

// Control serves the customers under base on the control surface.
func (s *Store) Control(m *http.ServeMux, base string) {
	httpjson.Records(m, base+"/customers", httpjson.StringID, s.Customers)
}

// Console lays out the customers for the console page.
func (s *Store) Console() []sandbox.ConsoleTable {
	return []sandbox.ConsoleTable{
		sandbox.RecordTable("customers", s.Customers.List(),
			sandbox.Col(sandbox.ColName, func(c *Customer) string { return sandbox.Text(c.Name) }),
			sandbox.Col(sandbox.ColEmail, func(c *Customer) string { return sandbox.Text(c.Email) }),
			sandbox.Col(sandbox.ColID, func(c *Customer) string { return c.ID }),
			sandbox.Col(sandbox.ColCreated, func(c *Customer) string { return sandbox.UnixTime(c.Created) }),
		),
	}
}
