package webcommander

import (
	"encoding/json"
	"strconv"
)

// wireCustomer is a customer as the API answers it: seed 003's sample, in
// its field order, which is not the request's shape.
type wireCustomer struct {
	ID                      int64           `json:"id"`
	DisplayID               int64           `json:"display_id"`
	Status                  string          `json:"status"`
	FirstName               string          `json:"first_name"`
	LastName                string          `json:"last_name"`
	Email                   string          `json:"email"`
	Sex                     string          `json:"sex"`
	Parent                  *place          `json:"parent"` // always null: no parent accounts here
	Company                 bool            `json:"company"`
	CompanyName             string          `json:"company_name"`
	Timezone                string          `json:"timezone"`
	ABN                     string          `json:"abn"`
	ABNBranch               string          `json:"abn_branch"`
	ShippingProfile         *wireProfile    `json:"shipping_profile"`
	TransactionNumber       string          `json:"transaction_number"`
	ReferralCode            string          `json:"referral_code"`
	UsedReferralCode        *string         `json:"used_referral_code"`
	CountReferralCodeUsed   int             `json:"count_referral_code_used"`
	AllowCreditLimit        bool            `json:"allow_credit_limit"`
	StoreCredit             json.RawMessage `json:"store_credit"`
	CreditLimit             json.RawMessage `json:"credit_limit"`
	HowDoYouKnow            *string         `json:"how_do_you_know"`
	CustomerPasswordExpired bool            `json:"customer_password_expired"`
	HidePrice               bool            `json:"hide_price"`
	DefaultTaxCode          *string         `json:"default_tax_code"`
	Source                  string          `json:"source"`
	BaseURL                 *string         `json:"base_url"`
	BackgroundImage         *string         `json:"background_image"`
	ProfilePicture          *string         `json:"profile_picture"`
	CreatedAt               string          `json:"created_at"`
	Version                 int64           `json:"version"`
	Addresses               []wireAddress   `json:"addresses"`
	ActiveBillingAddress    int64           `json:"active_billing_address"`
	ActiveShippingAddress   int64           `json:"active_shipping_address"`
	IsInTrash               bool            `json:"is_in_trash"`
}

// wireAddress is one of the three addresses built from the flat fields.
type wireAddress struct {
	ID           int64  `json:"id"`
	Type         string `json:"type"`
	FirstName    string `json:"first_name"`
	LastName     string `json:"last_name"`
	Email        string `json:"email"`
	CompanyName  string `json:"company_name"`
	AddressLine1 string `json:"address_line_1"`
	AddressLine2 string `json:"address_line_2"`
	Country      *place `json:"country"`
	State        *place `json:"state"`
	City         string `json:"city"`
	PostCode     string `json:"post_code"`
	Mobile       string `json:"mobile"`
	Phone        string `json:"phone"`
	Fax          string `json:"fax"`
}

// wireProfile is a shipping profile as the sample shows it; the built-in
// profiles have no rules.
type wireProfile struct {
	ShippingRules  []struct{} `json:"shippingRules"`
	Created        string     `json:"created"`
	Name           string     `json:"name"`
	Description    string     `json:"description"`
	ID             int64      `json:"id"`
	Updated        string     `json:"updated"`
	Version        int64      `json:"version"`
	RulePrecedence string     `json:"rulePrecedence"`
}

// profileCreated is when the built-in profiles were made.
const profileCreated = "2024-01-01T00:00:00Z"

// addressTypes are the addresses every customer has, in answer order.
var addressTypes = [3]string{"PRIMARY", "SHIPPING", "BILLING"}

// Timezone is every customer's timezone (decided).
const Timezone = "UTC"

// toWire renders a stored customer.
func toWire(c *Customer) wireCustomer {
	w := wireCustomer{
		ID: c.ID, DisplayID: c.DisplayID, Status: c.Status,
		FirstName: c.FirstName, LastName: c.LastName, Email: c.Email, Sex: c.Gender,
		Company: c.CompanyName != "", CompanyName: c.CompanyName, Timezone: Timezone,
		ABN: c.ABN, ABNBranch: c.ABNBranch, ShippingProfile: profileOf(c.ShippingProfile),
		TransactionNumber: "TXN" + strconv.FormatInt(c.DisplayID, 10),
		ReferralCode:      "REF" + strconv.FormatInt(c.DisplayID, 10),
		AllowCreditLimit:  c.AllowCreditLimit,
		StoreCredit:       amountJSON(c.StoreCredit), CreditLimit: amountJSON(c.CreditLimit),
		CustomerPasswordExpired: c.CustomerPasswordExpired, Source: "API",
		CreatedAt: c.CreatedAt, Version: c.Version,
		Addresses:             make([]wireAddress, len(addressTypes)),
		ActiveShippingAddress: c.AddressIDs[1], ActiveBillingAddress: c.AddressIDs[2],
	}
	country, state := countryOf(c.Country), stateOf(c.Country, c.State)
	for i, typ := range addressTypes {
		w.Addresses[i] = wireAddress{
			ID: c.AddressIDs[i], Type: typ, FirstName: c.FirstName, LastName: c.LastName, Email: c.Email,
			CompanyName: c.CompanyName, AddressLine1: c.AddressLine, Country: country, State: state,
			City: c.City, PostCode: c.PostCode, Mobile: c.Mobile, Phone: c.Phone,
		}
	}
	return w
}

// profileOf is the response's shipping_profile: null when none; an id no
// API write could store (a seed's or mutate's) has an empty name.
func profileOf(id *int64) *wireProfile {
	if id == nil {
		return nil
	}
	name, desc := profileNames[*id], ""
	if name != "" {
		desc = name + " shipping"
	}
	return &wireProfile{
		ShippingRules: []struct{}{}, Created: profileCreated, Name: name, Description: desc,
		ID: *id, Updated: profileCreated, Version: 1, RulePrecedence: "FIRST_MATCH",
	}
}
