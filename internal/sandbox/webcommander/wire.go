package webcommander

import (
	"encoding/json"
	"net/http"
	"strconv"
	"strings"

	"github.com/customerops/terraform-provider-crm/internal/sandbox/httpjson"
)

// wireCustomer is a customer as the API answers it: the vendor's sample (internal/webcommander/CONTRACT.md §5), in
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

// customerBody is the create, get and update answer.
type customerBody struct {
	Customer wireCustomer `json:"customer"`
}

// listBody is the list answer.
type listBody struct {
	Customers  []wireCustomer `json:"customers"`
	Pagination pagination     `json:"pagination"`
}

type pagination struct {
	Total   int  `json:"total"`
	Limit   int  `json:"limit"`
	Offset  int  `json:"offset"`
	HasNext bool `json:"has_next"`
}

// Messages: the contract fixes the name-required and duplicate ones; the
// rest are decided in the same style.
const (
	msgNameRequired  = "Customer name is required"
	msgEmailTaken    = "The email address is already registered"
	msgNotFound      = "Customer not found"
	msgBadToken      = "Invalid or expired access token"
	msgBadClient     = "Invalid client credentials"
	msgBadUser       = "Invalid username or password"
	msgBadRefresh    = "Invalid or expired refresh token"
	msgNoGrant       = "grant_type is required"
	msgBadGrant      = "Unsupported grant_type"
	msgInvalidJSON   = "Invalid JSON body"
	msgContentType   = "Content-Type must be application/json"
	msgNoRoute       = "Route not found"
	msgNoMethod      = "Method not allowed"
	msgEmailInvalid  = "The email address is not valid"
	msgGender        = "Gender must be one of male, female, other"
	msgStatus        = "Status must be one of active, inactive, pending, approval_awaiting, awaiting_verification"
	msgCountry       = "Unknown country"
	msgProfile       = "Unknown shipping profile"
	msgAmount        = "%s must be a non-negative decimal string with at most 2 decimals"
	msgString        = "%s must be a string"
	msgBoolean       = "%s must be a boolean"
	msgObject        = "%s must be an object"
	msgNewsletter    = "newsletter must be an object {\"subscribed\": boolean}"
	msgPassword      = "Password must not be empty"
	msgNonNegative   = "%s must be a non-negative integer"
	msgPositive      = "%s must be a positive integer"
	slugValidation   = "validation_failed"
	slugBadRequest   = "bad_request"
	slugUnauthorized = "unauthorized"
	slugBadClient    = "invalid_client"
	slugBadGrant     = "invalid_grant"
	slugNoGrantType  = "unsupported_grant_type"
	slugNotFound     = "not_found"
	slugConflict     = "conflict"
	slugNoMethod     = "method_not_allowed"
)

// Field error codes.
const (
	codeRequired = "required"
	codeInvalid  = "invalid"
)

// fieldError is one entry of the error body's errors list.
type fieldError struct {
	Field   string `json:"field"`
	Code    string `json:"code"`
	Message string `json:"message"`
}

// errorBody is every error (internal/webcommander/CONTRACT.md §3); errors only on validation.
type errorBody struct {
	Status  string       `json:"status"`
	Code    int          `json:"code"`
	Message string       `json:"message"`
	Error   string       `json:"error"`
	Errors  []fieldError `json:"errors,omitempty"`
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	httpjson.Write(w, status, v, FaultBody)
}

func fail(w http.ResponseWriter, status int, slug, message string) {
	writeJSON(w, status, errorBody{Status: "error", Code: status, Message: message, Error: slug})
}

// invalid is a 400 listing every failing field; its message is the first
// one's, so that "Customer name is required" is the message as well.
func invalid(w http.ResponseWriter, errs []fieldError) {
	writeJSON(w, http.StatusBadRequest, errorBody{Status: "error", Code: http.StatusBadRequest,
		Message: errs[0].Message, Error: slugValidation, Errors: errs})
}

// FaultBody is WebCommander's error body for a status the sandbox injects
// (429, 5xx): the status text as message, its snake_case as error.
func FaultBody(status int) []byte {
	text := http.StatusText(status)
	slug := strings.ToLower(strings.NewReplacer(" ", "_", "-", "_", "'", "").Replace(text))
	if slug == "" {
		slug = "error"
	}
	b, _ := json.Marshal(errorBody{Status: "error", Code: status, Message: text, Error: slug})
	return b
}
