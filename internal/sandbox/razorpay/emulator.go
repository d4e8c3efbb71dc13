package razorpay

import (
	"net/http"

	"github.com/customerops/terraform-provider-crm/internal/sandbox"
	"github.com/customerops/terraform-provider-crm/internal/sandbox/httpjson"
)

const (
	// Name is Razorpay's name in the sandbox: requests, faults, rate
	// limits, /_sandbox/razorpay/, the provider block.
	Name = "razorpay"
	// Prefix is where the sandbox serves the API.
	Prefix = "/razorpay/v1"
	// KeyID and KeySecret are the only Basic auth pair the sandbox accepts.
	KeyID     = "rzp_test_sandbox"
	KeySecret = "rzp_sandbox_secret"
)

// Emulator is Razorpay as the sandbox serves it.
var Emulator = sandbox.Emulator{
	Name: Name, Prefix: Prefix, Title: "Razorpay (Basic auth key id / secret):",
	Settings: func(url string) []sandbox.Setting {
		return []sandbox.Setting{
			{Attr: "base_url", Env: "RAZORPAY_BASE_URL", Value: url},
			{Attr: "key_id", Env: "RAZORPAY_KEY_ID", Value: KeyID},
			{Attr: "key_secret", Env: "RAZORPAY_KEY_SECRET", Value: KeySecret},
		}
	},
	FaultBody: FaultBody,
	Codes:     "GSTINs",
	Open: func() (sandbox.Store, http.Handler) {
		s := NewStore()
		return s, NewHandler(s, KeyID, KeySecret)
	},
}

// StoreOf is the Razorpay store of a sandbox, for seeding and out-of-band
// changes.
func StoreOf(s *sandbox.Server) *Store { return sandbox.StoreOf[*Store](s, Name) }

// URL is the Razorpay base URL of a sandbox.
func URL(s *sandbox.Server) string { return s.BaseURL(Name) }

// Control serves the customers under base on the control surface.
func (s *Store) Control(m *http.ServeMux, base string) {
	httpjson.Records(m, base+"/customers", httpjson.StringID, s.Customers)
}

// Console lays out the customers for the console page.
func (s *Store) Console() []sandbox.ConsoleTable {
	return []sandbox.ConsoleTable{
		sandbox.RecordTable("customers", s.Customers.List(),
			sandbox.Col(sandbox.ColName, func(c *Customer) string { return c.Name }),
			sandbox.Col(sandbox.ColEmail, func(c *Customer) string { return c.Email }),
			sandbox.Col(sandbox.ColID, func(c *Customer) string { return c.ID }),
			sandbox.Col(sandbox.ColCreated, func(c *Customer) string { return sandbox.UnixTime(c.CreatedAt) }),
		),
	}
}
