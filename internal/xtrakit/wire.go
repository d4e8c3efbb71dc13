package xtrakit

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
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

// sameCustomer compares what a create sent with what a list returned; an
// empty optional string and null mean the same, and e-mails match in any case.
func sameCustomer(a, b CustomerInput) bool {
	return equalPtr(a.CustomerGroupID, b.CustomerGroupID) &&
		a.CustomerName == b.CustomerName && a.CustomerPhone == b.CustomerPhone &&
		a.CustomerCountry == b.CustomerCountry && a.CustomerCity == b.CustomerCity &&
		a.CustomerState == b.CustomerState && a.Address1 == b.Address1 && a.CreatedBy == b.CreatedBy &&
		strings.EqualFold(deref(a.CustomerEmail), deref(b.CustomerEmail)) && optEqual(a.CustomerWhatsapp, b.CustomerWhatsapp) &&
		optEqual(a.CustomerZip, b.CustomerZip) && optEqual(a.Address2, b.Address2) &&
		optEqual(a.CustomerProfile, b.CustomerProfile)
}

func optEqual(a, b *string) bool { return deref(a) == deref(b) }

func deref(p *string) string {
	if p == nil {
		return ""
	}
	return *p
}
