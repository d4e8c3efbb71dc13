package axim

import "encoding/json"

// envelope is Axim's success body: {"success":true,"message":"...","data":...}.
type envelope[T any] struct {
	Success bool    `json:"success"`
	Message string  `json:"message"`
	Data    T       `json:"data"`
	Meta    *meta   `json:"meta,omitempty"`
	Errors  []field `json:"errors,omitempty"`
}

// meta is the list answer's paging block (CONTRACT.md §2, decided).
type meta struct {
	Page  int `json:"page"`
	Limit int `json:"limit"`
	Total int `json:"total"`
}

// field is one entry of an error body's errors[].
type field struct {
	Field   string `json:"field"`
	Message string `json:"message"`
}

// Address is one of a customer's addresses. ID is response-only and
// re-issued by every PUT, so the provider never keeps it.
type Address struct {
	ID               string  `json:"id,omitempty"`
	FirstName        *string `json:"firstName"`
	LastName         *string `json:"lastName"`
	PhoneNumber      *string `json:"phoneNumber"`
	Address1         *string `json:"address1"`
	Address2         *string `json:"address2"`
	City             *string `json:"city"`
	State            *string `json:"state"`
	Country          *string `json:"country"`
	Zipcode          *string `json:"zipcode"`
	IsDefaultAddress bool    `json:"isDefaultAddress"`
}

// MetaField keeps its value as raw JSON, so a number stays a number.
type MetaField struct {
	Code  string          `json:"code"`
	Value json.RawMessage `json:"value"`
}

// CustomerInput is the body of create and of the replacing PUT: every
// field is always sent, since a field left out is cleared.
type CustomerInput struct {
	FirstName   string      `json:"firstName"`
	LastName    string      `json:"lastName"`
	Email       string      `json:"email"`
	Status      string      `json:"status"`
	PhoneNumber *string     `json:"phoneNumber"`
	Company     *string     `json:"company"`
	Notes       *string     `json:"notes"`
	Address     []Address   `json:"address"`
	MetaFields  []MetaField `json:"metaFields"`
}

// Customer is Axim's answer.
type Customer struct {
	ID            string      `json:"id"`
	FirstName     string      `json:"firstName"`
	LastName      string      `json:"lastName"`
	Email         string      `json:"email"`
	Status        string      `json:"status"`
	PhoneNumber   *string     `json:"phoneNumber"`
	Company       *string     `json:"company"`
	Notes         *string     `json:"notes"`
	Address       []Address   `json:"address"`
	MetaFields    []MetaField `json:"metaFields"`
	Role          *string     `json:"role"`
	VerifiedEmail bool        `json:"verifiedEmail"`
	Newsletter    bool        `json:"newsletter"`
	IsB2B         bool        `json:"isB2B"`
	CreatedAt     string      `json:"createdAt"`
	UpdatedAt     string      `json:"updatedAt"`
}
