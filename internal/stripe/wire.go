package stripe

import (
	"net/url"
	"strconv"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/path"
	rschema "github.com/hashicorp/terraform-plugin-framework/resource/schema"
)

// Customer is Stripe's customer object (CONTRACT.md §4). Nullable fields
// are pointers; expandable fields (default_source, ...) are left out: the
// provider never asks for them expanded and never reads them.
type Customer struct {
	ID               string            `json:"id"`
	Object           string            `json:"object"`
	Address          *Address          `json:"address"`
	Balance          int64             `json:"balance"`
	Created          int64             `json:"created"`
	Currency         *string           `json:"currency"`
	Delinquent       *bool             `json:"delinquent"`
	Description      *string           `json:"description"`
	Email            *string           `json:"email"`
	InvoicePrefix    *string           `json:"invoice_prefix"`
	Livemode         bool              `json:"livemode"`
	Metadata         map[string]string `json:"metadata"`
	Name             *string           `json:"name"`
	Phone            *string           `json:"phone"`
	PreferredLocales []string          `json:"preferred_locales"`
	Shipping         *Shipping         `json:"shipping"`
	TaxExempt        *string           `json:"tax_exempt"`
	// Deleted is true in the answer to a delete, and in a retrieve of a
	// deleted customer (CONTRACT.md §6): the customer is gone.
	Deleted bool `json:"deleted"`
}

// Address is Stripe's address hash; every part is nullable.
type Address struct {
	Line1      *string `json:"line1"`
	Line2      *string `json:"line2"`
	City       *string `json:"city"`
	State      *string `json:"state"`
	PostalCode *string `json:"postal_code"`
	Country    *string `json:"country"`
}

// Shipping is Stripe's shipping hash.
type Shipping struct {
	Name    *string  `json:"name"`
	Phone   *string  `json:"phone"`
	Address *Address `json:"address"`
}

// list is a list object: {"object":"list","data":[...],"has_more":bool,"url":...}.
type list struct {
	Object  string     `json:"object"`
	Data    []Customer `json:"data"`
	HasMore bool       `json:"has_more"`
	URL     string     `json:"url"`
}

// deletedCustomer is the answer to DELETE: {"id","object":"customer","deleted":true}.
type deletedCustomer struct {
	ID      string `json:"id"`
	Object  string `json:"object"`
	Deleted bool   `json:"deleted"`
}

// Form is a request body in Stripe's form encoding with bracket notation
// (CONTRACT.md §1): metadata[tier]=gold, address[line1]=...,
// preferred_locales[0]=en. An empty value clears the parameter it names.
// It is a transport.FormBody: sent as application/x-www-form-urlencoded.
type Form url.Values

// Set sets key to v.
func (f Form) Set(key, v string) { url.Values(f).Set(key, v) }

// Encode is the body, keys sorted (so a request is reproducible).
func (f Form) Encode() string { return url.Values(f).Encode() }

// setString sets key to *v when v is not nil.
func (f Form) setString(key string, v *string) {
	if v != nil {
		f.Set(key, *v)
	}
}

// setList sets key[0], key[1], ...; an empty list clears key.
func (f Form) setList(key string, vs []string) {
	if len(vs) == 0 {
		f.Set(key, "")
		return
	}
	for i, v := range vs {
		f.Set(key+"["+strconv.Itoa(i)+"]", v)
	}
}

// setAddress sets the address hash under key; a part left nil is sent
// empty when blankMissing is set (an update replacing the hash), else left out.
func (f Form) setAddress(key string, a *Address, blankMissing bool) {
	for _, p := range []struct {
		name string
		v    *string
	}{{"line1", a.Line1}, {"line2", a.Line2}, {"city", a.City}, {"state", a.State}, {"postal_code", a.PostalCode}, {"country", a.Country}} {
		switch {
		case p.v != nil:
			f.Set(key+"["+p.name+"]", *p.v)
		case blankMissing:
			f.Set(key+"["+p.name+"]", "")
		}
	}
}

// setShipping sets the shipping hash (name and address are required in it).
func (f Form) setShipping(s *Shipping, blankMissing bool) {
	f.setString("shipping[name]", s.Name)
	switch {
	case s.Phone != nil:
		f.Set("shipping[phone]", *s.Phone)
	case blankMissing:
		f.Set("shipping[phone]", "")
	}
	a := s.Address
	if a == nil {
		a = &Address{}
	}
	f.setAddress("shipping[address]", a, blankMissing)
}

// paramPath is the attribute an error's `param` blames (CONTRACT.md §3),
// from its bracket notation: `shipping[address][city]` is
// shipping.address.city, `metadata[tier]` the map's "tier" key,
// `preferred_locales[1]` the list's second element. A parameter the
// resource has no attribute for is not attached to one; a part below an
// attribute the schema does not know blames that attribute.
func paramPath(param string) (path.Path, bool) {
	name, rest, _ := strings.Cut(param, "[")
	attr, ok := customerResourceAttributes()[name]
	if !ok || name == "id" {
		return path.Empty(), false
	}
	at := path.Root(name)
	for _, part := range strings.Split(strings.TrimSuffix(rest, "]"), "][") {
		if part == "" {
			return at, true
		}
		switch a := attr.(type) {
		case rschema.SingleNestedAttribute:
			if attr, ok = a.Attributes[part]; !ok {
				return at, true
			}
			at = at.AtName(part)
		case rschema.MapAttribute:
			return at.AtMapKey(part), true
		case rschema.ListAttribute:
			if i, err := strconv.Atoi(part); err == nil {
				return at.AtListIndex(i), true
			}
			return at, true
		default:
			return at, true
		}
	}
	return at, true
}
