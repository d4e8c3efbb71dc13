package xtrakit

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/customerops/terraform-provider-crm/internal/sandbox/httpjson"
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

// validator reads the fields of one body, collecting every 422 error.
type validator struct {
	o    httpjson.Object
	errs map[string][]string
}

func (v *validator) fail(field, format string) {
	if v.errs == nil {
		v.errs = map[string][]string{}
	}
	v.errs[field] = append(v.errs[field], strings.Replace(format, "%s", strings.ReplaceAll(field, "_", " "), 1))
}

// str reads a string field. Absent and null are nil; a required field must
// also be non-blank. Every string is limited to 255 characters (decided).
func (v *validator) str(field string, required bool) *string {
	s, present, isString := v.o.String(field)
	switch {
	case !present:
		if required {
			v.fail(field, msgRequired)
		}
		return nil
	case !isString:
		v.fail(field, msgString)
		return nil
	case required && strings.TrimSpace(s) == "":
		v.fail(field, msgRequired)
		return nil
	case utf8.RuneCountInString(s) > maxLen:
		v.fail(field, msgMax)
		return nil
	}
	return &s
}

// req reads a required string; the zero value stands in when it failed.
func (v *validator) req(field string) string {
	if p := v.str(field, true); p != nil {
		return *p
	}
	return ""
}

// email reads an optional e-mail field (an empty string is not an
// address).
func (v *validator) email(field string) *string {
	p := v.str(field, false)
	if p != nil && !httpjson.ValidEmail(*p) {
		v.fail(field, msgEmail)
		return nil
	}
	return p
}

// int reads an optional integer field: a JSON integer, not a string or float.
func (v *validator) int(field string) *int64 {
	raw, ok := v.o.Field(field)
	if !ok {
		return nil
	}
	n, err := strconv.ParseInt(string(raw), 10, 64)
	if err != nil {
		v.fail(field, msgInteger)
		return nil
	}
	return &n
}

// readInput reads and validates a decoded create or PUT body with fields
// ((*validator).customer, .group): what it read, and every 422 error by
// field (nil when valid).
func readInput[T any](o httpjson.Object, fields func(*validator) T) (T, map[string][]string) {
	v := &validator{o: o}
	in := fields(v)
	return in, v.errs
}

// customer reads the create/PUT body (the same body for both).
func (v *validator) customer() Customer {
	return Customer{
		CustomerGroupID:  v.int("customer_group_id"),
		CustomerName:     v.req("customer_name"),
		CustomerEmail:    v.email("customer_email"),
		CustomerPhone:    v.req("customer_phone"),
		CustomerWhatsapp: v.str("customer_whatsapp", false),
		CustomerCountry:  v.req("customer_country"),
		CustomerCity:     v.req("customer_city"),
		CustomerState:    v.req("customer_state"),
		CustomerZip:      v.str("customer_zip", false),
		Address1:         v.req("address1"),
		Address2:         v.str("address2", false),
		CustomerProfile:  v.str("customer_profile", false),
		CreatedBy:        v.req("created_by"),
	}
}

// group reads the create/PUT body of a group.
func (v *validator) group() Group {
	return Group{
		GroupName:        v.req("group_name"),
		GroupDescription: v.str("group_description", false),
	}
}
