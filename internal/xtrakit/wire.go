package xtrakit

import (
	"bytes"
	"encoding/json"
	"fmt"

	"github.com/customerops/terraform-provider-crm/internal/fields"
)

// flexString accepts a JSON string or number: business_code is documented as
// a numeric string, and a number in its place must not break a refresh.
type flexString string

func (f *flexString) UnmarshalJSON(b []byte) error {
	if bytes.Equal(b, []byte("null")) {
		*f = ""
		return nil
	}
	var s string
	if err := json.Unmarshal(b, &s); err == nil {
		*f = flexString(s)
		return nil
	}
	var n json.Number
	if err := json.Unmarshal(b, &n); err != nil {
		return fmt.Errorf("business_code: want a string or number, got %s", b)
	}
	*f = flexString(n.String())
	return nil
}

func mustHave[T any](v *T, what string) (*T, error) {
	if v == nil {
		return nil, fmt.Errorf("xtrakit API: the answer has no %s object", what)
	}
	return v, nil
}

func equalPtr[T comparable](a, b *T) bool {
	if a == nil || b == nil {
		return a == nil && b == nil
	}
	return *a == *b
}

// sameCustomer compares what a create sent with what a list returned, by
// meaning, as the resource's types do: an empty optional string and null
// mean the same, blanks around a value do not count (fields.SameText), and
// e-mails match in any case (fields.SameEmail). A platform that stores
// values trimmed still finds the record a lost create made.
func sameCustomer(a, b CustomerInput) bool {
	return equalPtr(a.CustomerGroupID, b.CustomerGroupID) &&
		fields.SameText(a.CustomerName, b.CustomerName) && fields.SameText(a.CustomerPhone, b.CustomerPhone) &&
		fields.SameText(a.CustomerCountry, b.CustomerCountry) && fields.SameText(a.CustomerCity, b.CustomerCity) &&
		fields.SameText(a.CustomerState, b.CustomerState) && fields.SameText(a.Address1, b.Address1) &&
		fields.SameText(a.CreatedBy, b.CreatedBy) &&
		fields.SameEmail(deref(a.CustomerEmail), deref(b.CustomerEmail)) && optEqual(a.CustomerWhatsapp, b.CustomerWhatsapp) &&
		optEqual(a.CustomerZip, b.CustomerZip) && optEqual(a.Address2, b.Address2) &&
		optEqual(a.CustomerProfile, b.CustomerProfile)
}

func optEqual(a, b *string) bool { return fields.SameText(deref(a), deref(b)) }

func deref(p *string) string {
	if p == nil {
		return ""
	}
	return *p
}

// envelope is Xtrakit's success body: {"status":200,"message":"...","data":{...}}.
type envelope[T any] struct {
	Status  int    `json:"status"`
	Message string `json:"message"`
	Data    T      `json:"data"`
}

// CustomerInput is the body of create and of the edit PUT, which replaces
// the whole record: every field is always sent, null when unset.
type CustomerInput struct {
	CustomerGroupID  *int64  `json:"customer_group_id"`
	CustomerName     string  `json:"customer_name"`
	CustomerEmail    *string `json:"customer_email"`
	CustomerPhone    string  `json:"customer_phone"`
	CustomerWhatsapp *string `json:"customer_whatsapp"`
	CustomerCountry  string  `json:"customer_country"`
	CustomerCity     string  `json:"customer_city"`
	CustomerState    string  `json:"customer_state"`
	CustomerZip      *string `json:"customer_zip"`
	Address1         string  `json:"address1"`
	Address2         *string `json:"address2"`
	CustomerProfile  *string `json:"customer_profile"`
	CreatedBy        string  `json:"created_by"`
}

// Customer is a customer as the API returns it.
type Customer struct {
	CustomerInput
	ID           int64      `json:"id"`
	UserID       string     `json:"user_id"`
	BusinessCode flexString `json:"business_code"`
	CreatedAt    string     `json:"created_at"`
	UpdatedAt    string     `json:"updated_at"`
}

type customerData struct {
	Customer *Customer `json:"customer"`
}

type customersData struct {
	Customers []Customer `json:"customers"`
}

// GroupInput is the body of group create and edit.
type GroupInput struct {
	GroupName        string  `json:"group_name"`
	GroupDescription *string `json:"group_description"`
}

// Group is a customer group as the API returns it.
type Group struct {
	GroupInput
	ID           int64      `json:"id"`
	UserID       string     `json:"user_id"`
	BusinessCode flexString `json:"business_code"`
	CreatedAt    string     `json:"created_at"`
	UpdatedAt    string     `json:"updated_at"`
}

type groupData struct {
	Group *Group `json:"group"`
}

type groupsData struct {
	Groups []Group `json:"groups"`
}
