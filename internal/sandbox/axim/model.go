package axim

import (
	"bytes"
	"encoding/json"
	"slices"
	"time"
)

const (
	// RoleID is the role every customer gets (the API assigns the customer
	// role; the contract shows only that it is a 24-hex id).
	RoleID = "65a0f1c2d3e4f5a6b7c8d9e0"
	// CreatorID and CreatorName are the createdBy of customers created
	// through the API: the access token's user.
	CreatorID   = "65a0f1c2d3e4f5a6b7c8d9e1"
	CreatorName = "API"

	// TimeLayout is Axim's timestamp format: ISO 8601, UTC, milliseconds.
	TimeLayout = "2006-01-02T15:04:05.000Z"
)

// Statuses are the customer statuses the API accepts (internal/axim/CONTRACT.md §4, decided).
var Statuses = []string{"active", "pending", "inactive"}

// Customer is the wire and storage shape of an Axim customer. Field order
// follows the vendor's data table (CONTRACT.md §4); notes, absent from
// that table, sits after status. Optional strings never set are null;
// address and metaFields are never null, [] when empty.
type Customer struct {
	ID            string      `json:"id"`
	Email         string      `json:"email"`
	FirstName     string      `json:"firstName"`
	LastName      string      `json:"lastName"`
	PhoneNumber   *string     `json:"phoneNumber"`
	Role          string      `json:"role"`
	Company       *string     `json:"company"`
	Status        string      `json:"status"`
	Notes         *string     `json:"notes"`
	VerifiedEmail bool        `json:"verifiedEmail"`
	Newsletter    bool        `json:"newsletter"`
	IsB2B         bool        `json:"isB2B"`
	MetaFields    []MetaField `json:"metaFields"`
	Address       []Address   `json:"address"`
	CreatedBy     CreatedBy   `json:"createdBy"`
	CreatedAt     string      `json:"createdAt"`
	UpdatedAt     string      `json:"updatedAt"`
}

// Address is one entry of a customer's address list. ID is issued by the
// store: the request has none, so every write of the list issues new ids.
type Address struct {
	ID               string  `json:"id"`
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

// MetaField is one metaFields entry. Value is kept as the JSON text received
// (compacted), so its type survives exactly: 12548 stays the number 12548,
// true stays a boolean. A nil Value is null.
type MetaField struct {
	Code  string          `json:"code"`
	Value json.RawMessage `json:"value"`
}

// CreatedBy is who created the customer.
type CreatedBy struct {
	ID   string `json:"id"`
	Name string `json:"name"`
}

func now() time.Time { return time.Now().UTC() }

func stamp(t time.Time) string { return t.Format(TimeLayout) }

// clone copies c so that callers never share slices or pointers with the
// store.
func (c Customer) clone() Customer {
	c.PhoneNumber, c.Company, c.Notes = cp(c.PhoneNumber), cp(c.Company), cp(c.Notes)
	if c.Address != nil {
		c.Address = slices.Clone(c.Address)
		for i := range c.Address {
			a := &c.Address[i]
			a.FirstName, a.LastName, a.PhoneNumber = cp(a.FirstName), cp(a.LastName), cp(a.PhoneNumber)
			a.Address1, a.Address2, a.City = cp(a.Address1), cp(a.Address2), cp(a.City)
			a.State, a.Country, a.Zipcode = cp(a.State), cp(a.Country), cp(a.Zipcode)
		}
	}
	if c.MetaFields != nil {
		c.MetaFields = slices.Clone(c.MetaFields)
		for i := range c.MetaFields {
			c.MetaFields[i].Value = bytes.Clone(c.MetaFields[i].Value)
		}
	}
	return c
}

func cp(p *string) *string {
	if p == nil {
		return nil
	}
	v := *p
	return &v
}
