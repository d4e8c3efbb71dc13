package webcommander

import "time"

// Customer is a stored customer in the request's terms (internal/webcommander/CONTRACT.md §4): the
// flat fields a create or PUT carries, plus the server-set ones. The API
// answers in another shape (wire.go); the Go API and the control surface use
// this one, so that tests seed and mutate with the names a client sends.
type Customer struct {
	ID          int64  `json:"id"`
	DisplayID   int64  `json:"display_id"`
	Status      string `json:"status"`
	FirstName   string `json:"first_name"`
	LastName    string `json:"last_name"`
	Email       string `json:"email"`
	Gender      string `json:"gender"`
	CompanyName string `json:"company_name"`
	AddressLine string `json:"address_line"`
	// Country is the ISO 3166-1 alpha-2 code when the API stored it; a seed
	// or mutate may store a name, which responses resolve the same way.
	Country string `json:"country"`
	// State is kept as sent (a code or a name); responses resolve it.
	State           string      `json:"state"`
	PostCode        string      `json:"post_code"`
	City            string      `json:"city"`
	Mobile          string      `json:"mobile"`
	Phone           string      `json:"phone"`
	ABN             string      `json:"abn"`
	ABNBranch       string      `json:"abn_branch"`
	ShippingProfile *int64      `json:"shipping_profile"`
	Newsletter      *Newsletter `json:"newsletter"` // stored, never answered
	// StoreCredit and CreditLimit are decimal strings as sent ("150.00");
	// responses carry them as JSON numbers (150).
	StoreCredit             string `json:"store_credit"`
	CreditLimit             string `json:"credit_limit"`
	CustomerPasswordExpired bool   `json:"customer_password_expired"`
	AllowCreditLimit        bool   `json:"allow_credit_limit"`
	CreatedAt               string `json:"created_at"`
	Version                 int64  `json:"version"`
	// AddressIDs are the ids of the PRIMARY, SHIPPING and BILLING addresses
	// built from the flat fields; they stay the same across updates.
	AddressIDs [3]int64 `json:"address_ids"`
}

// Newsletter is the request's newsletter object.
type Newsletter struct {
	Subscribed bool `json:"subscribed"`
}

// Statuses are the customer statuses the API accepts (internal/webcommander/CONTRACT.md §4).
var Statuses = []string{"active", "inactive", "pending", "approval_awaiting", "awaiting_verification"}

// DefaultStatus is the status of a customer created without one.
const DefaultStatus = "awaiting_verification"

// Genders are the gender values the API accepts (decided; the contract
// names the field only).
var Genders = []string{"male", "female", "other"}

// The shipping profiles every store has (decided: the contract says only
// that shipping_profile is an id).
const (
	ProfileStandard int64 = 1
	ProfileExpress  int64 = 2
)

var profileNames = map[int64]string{ProfileStandard: "Standard", ProfileExpress: "Express"}

// TimeLayout is created_at: ISO 8601, UTC, whole seconds.
const TimeLayout = "2006-01-02T15:04:05Z"

func stamp() string { return time.Now().UTC().Format(TimeLayout) }

// clone copies c so that callers never share pointers with the store.
func (c Customer) clone() Customer {
	if c.ShippingProfile != nil {
		p := *c.ShippingProfile
		c.ShippingProfile = &p
	}
	if c.Newsletter != nil {
		n := *c.Newsletter
		c.Newsletter = &n
	}
	return c
}
