package xtrakit

import (
	"bytes"
	"encoding/json"
	"net/mail"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Validation messages follow the Laravel wording of the contract's 422 sample
// ("The customer phone field is required."): the field name with spaces.
const (
	msgRequired = "The %s field is required."
	msgString   = "The %s field must be a string."
	msgMax      = "The %s field must not be greater than 255 characters."
	msgEmail    = "The %s field must be a valid email address."
	msgInteger  = "The %s field must be an integer."
	msgExists   = "The selected %s is invalid."
)

// form reads one JSON object body field by field, collecting 422 errors.
type form struct {
	raw  map[string]json.RawMessage
	errs map[string][]string
}

// decodeForm parses a request body. An empty body is an empty object (so the
// answer is 422 listing the required fields); anything that is not a JSON
// object is malformed (400 "Invalid JSON").
func decodeForm(body []byte) (*form, bool) {
	f := &form{}
	body = bytes.TrimSpace(body)
	if len(body) == 0 {
		return f, true
	}
	if body[0] != '{' || json.Unmarshal(body, &f.raw) != nil {
		return nil, false
	}
	return f, true
}

func (f *form) fail(field, format string) {
	if f.errs == nil {
		f.errs = map[string][]string{}
	}
	f.errs[field] = append(f.errs[field], strings.Replace(format, "%s", strings.ReplaceAll(field, "_", " "), 1))
}

func (f *form) present(field string) (json.RawMessage, bool) {
	raw, ok := f.raw[field]
	if !ok || string(raw) == "null" {
		return nil, false
	}
	return raw, true
}

// str reads a string field. Absent and null are nil; a required field must
// also be non-blank. Every string is limited to 255 characters (decided).
func (f *form) str(field string, required bool) *string {
	raw, ok := f.present(field)
	if !ok {
		if required {
			f.fail(field, msgRequired)
		}
		return nil
	}
	var v string
	if raw[0] != '"' || json.Unmarshal(raw, &v) != nil {
		f.fail(field, msgString)
		return nil
	}
	if required && strings.TrimSpace(v) == "" {
		f.fail(field, msgRequired)
		return nil
	}
	if utf8.RuneCountInString(v) > maxLen {
		f.fail(field, msgMax)
		return nil
	}
	return &v
}

// req reads a required string; the zero value stands in when it failed.
func (f *form) req(field string) string {
	if p := f.str(field, true); p != nil {
		return *p
	}
	return ""
}

// email reads an optional e-mail field (decided: a valid RFC 5322 address with
// no display name; an empty string is not an address).
func (f *form) email(field string) *string {
	p := f.str(field, false)
	if p != nil && !validEmail(*p) {
		f.fail(field, msgEmail)
		return nil
	}
	return p
}

func validEmail(s string) bool {
	if s == "" || strings.ContainsAny(s, " \t\r\n") {
		return false
	}
	a, err := mail.ParseAddress(s)
	return err == nil && a.Address == s && a.Name == ""
}

// int reads an optional integer field: a JSON integer, not a string or float.
func (f *form) int(field string) *int64 {
	raw, ok := f.present(field)
	if !ok {
		return nil
	}
	n, err := strconv.ParseInt(string(raw), 10, 64)
	if err != nil {
		f.fail(field, msgInteger)
		return nil
	}
	return &n
}

// customerFromForm reads the create/PUT body (the same body for both).
func customerFromForm(f *form) Customer {
	return Customer{
		CustomerGroupID:  f.int("customer_group_id"),
		CustomerName:     f.req("customer_name"),
		CustomerEmail:    f.email("customer_email"),
		CustomerPhone:    f.req("customer_phone"),
		CustomerWhatsapp: f.str("customer_whatsapp", false),
		CustomerCountry:  f.req("customer_country"),
		CustomerCity:     f.req("customer_city"),
		CustomerState:    f.req("customer_state"),
		CustomerZip:      f.str("customer_zip", false),
		Address1:         f.req("address1"),
		Address2:         f.str("address2", false),
		CustomerProfile:  f.str("customer_profile", false),
		CreatedBy:        f.req("created_by"),
	}
}

func groupFromForm(f *form) Group {
	return Group{
		GroupName:        f.req("group_name"),
		GroupDescription: f.str("group_description", false),
	}
}
