package webcommander

import "encoding/json"

// customerBody is the request of create and update: the customer object
// and, beside it, the credit settings. Update sends only what changed, so
// both are maps of the fields to send.
type customerBody struct {
	Customer map[string]any `json:"customer"`
	// Top-level fields (store_credit, credit_limit, ...) are merged in by
	// MarshalJSON.
	Top map[string]any `json:"-"`
}

func (b customerBody) MarshalJSON() ([]byte, error) {
	out := make(map[string]any, len(b.Top)+1)
	for k, v := range b.Top {
		out[k] = v
	}
	out["customer"] = b.Customer
	return json.Marshal(out)
}

// customerEnvelope is every single-customer answer: {"customer":{...}}.
type customerEnvelope struct {
	Customer *Customer `json:"customer"`
}

// listEnvelope is the list answer.
type listEnvelope struct {
	Customers  []Customer `json:"customers"`
	Pagination struct {
		Total   int  `json:"total"`
		Limit   int  `json:"limit"`
		Offset  int  `json:"offset"`
		HasNext bool `json:"has_next"`
	} `json:"pagination"`
}

// Named is a country or state in an answer: {id, name, code}.
type Named struct {
	ID   json.RawMessage `json:"id"`
	Name string          `json:"name"`
	Code string          `json:"code"`
}

// Address is one of the three addresses WebCommander builds from the
// customer's flat fields.
type Address struct {
	Type         string  `json:"type"`
	AddressLine1 *string `json:"address_line_1"`
	City         *string `json:"city"`
	PostCode     *string `json:"post_code"`
	Country      *Named  `json:"country"`
	State        *Named  `json:"state"`
	Mobile       *string `json:"mobile"`
	Phone        *string `json:"phone"`
}

// Customer is WebCommander's answer, whose shape differs from the request
// (CONTRACT.md §5): sex for gender, the flat address inside addresses[],
// shipping_profile as an object, amounts as numbers, no password and no
// newsletter.
type Customer struct {
	ID                      int64            `json:"id"`
	DisplayID               int64            `json:"display_id"`
	Status                  string           `json:"status"`
	FirstName               string           `json:"first_name"`
	LastName                *string          `json:"last_name"`
	Email                   *string          `json:"email"`
	Sex                     *string          `json:"sex"`
	CompanyName             *string          `json:"company_name"`
	ABN                     *string          `json:"abn"`
	ABNBranch               *string          `json:"abn_branch"`
	ShippingProfile         *shippingProfile `json:"shipping_profile"`
	AllowCreditLimit        bool             `json:"allow_credit_limit"`
	StoreCredit             json.Number      `json:"store_credit"`
	CreditLimit             json.Number      `json:"credit_limit"`
	CustomerPasswordExpired bool             `json:"customer_password_expired"`
	CreatedAt               string           `json:"created_at"`
	Version                 int64            `json:"version"`
	Addresses               []Address        `json:"addresses"`
}

type shippingProfile struct {
	ID json.Number `json:"id"`
}

// primary is the PRIMARY address, where the flat fields come back.
func (c *Customer) primary() *Address {
	for i := range c.Addresses {
		if c.Addresses[i].Type == "PRIMARY" {
			return &c.Addresses[i]
		}
	}
	return nil
}

// tokenRequest is the body of POST /oauth2/token, for both grants.
type tokenRequest struct {
	GrantType    string `json:"grant_type"`
	AuthString   string `json:"auth_string,omitempty"`
	RefreshToken string `json:"refresh_token,omitempty"`
	RedirectURI  string `json:"redirect_uri"`
	ClientID     string `json:"client_id"`
	ClientSecret string `json:"client_secret"`
}

type tokenResponse struct {
	AccessToken  string `json:"access_token"`
	RefreshToken string `json:"refresh_token"`
	ExpiresIn    int64  `json:"expires_in"`
	TokenType    string `json:"token_type"`
}
