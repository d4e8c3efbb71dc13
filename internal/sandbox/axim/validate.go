package axim

import (
	"bytes"
	"encoding/json"
	"net/mail"
	"strconv"
	"strings"
	"unicode/utf8"
)

// fieldError is one entry of the error envelope's errors list.
type fieldError struct {
	Field   string `json:"field"`
	Message string `json:"message"`
}

// Validation messages; %s is the field's path ("email", "address[1].city").
const (
	msgRequired   = "%s is required"
	msgString     = "%s must be a string"
	msgEmail      = "%s must be a valid email address"
	msgArray      = "%s must be an array"
	msgObject     = "%s must be an object"
	msgBoolean    = "%s must be a boolean"
	msgStatus     = "%s must be one of active, pending, inactive"
	msgObjectID   = "%s must be a valid id (24 lower-case hexadecimal characters)"
	msgTwoDefault = "only one address may be the default address"
	msgPositive   = "%s must be a positive integer"
)

// object is one JSON object of a body, read field by field.
type object map[string]json.RawMessage

// decodeObject parses a request body. An empty body is an empty object (so
// the answer lists the required fields); anything that is not one JSON
// object in UTF-8 is malformed.
func decodeObject(body []byte) (object, bool) {
	body = bytes.TrimSpace(body)
	if len(body) == 0 {
		return object{}, true
	}
	var o object
	if !utf8.Valid(body) || body[0] != '{' || json.Unmarshal(body, &o) != nil {
		return nil, false
	}
	return o, true
}

// form collects every validation error of one body, in field order.
type form struct{ errs []fieldError }

func (f *form) fail(field, format string) {
	f.errs = append(f.errs, fieldError{field, strings.Replace(format, "%s", field, 1)})
}

// present returns a field's raw value; null counts as absent.
func present(o object, key string) (json.RawMessage, bool) {
	raw, ok := o[key]
	if !ok || string(raw) == "null" {
		return nil, false
	}
	return raw, true
}

// str reads a string field at path. Absent and null are nil; a required
// field must also be non-blank.
func (f *form) str(o object, key, path string, required bool) *string {
	raw, ok := present(o, key)
	if !ok {
		if required {
			f.fail(path, msgRequired)
		}
		return nil
	}
	var v string
	if raw[0] != '"' || json.Unmarshal(raw, &v) != nil {
		f.fail(path, msgString)
		return nil
	}
	if required && strings.TrimSpace(v) == "" {
		f.fail(path, msgRequired)
		return nil
	}
	return &v
}

// req reads a required string; "" stands in when it failed.
func (f *form) req(o object, key string) string {
	if p := f.str(o, key, key, true); p != nil {
		return *p
	}
	return ""
}

// email reads the required e-mail: a valid RFC 5322 address without a
// display name or surrounding blanks.
func (f *form) email(o object) string {
	p := f.str(o, "email", "email", true)
	if p == nil {
		return ""
	}
	if !validEmail(*p) {
		f.fail("email", msgEmail)
		return ""
	}
	return *p
}

func validEmail(s string) bool {
	if s == "" || strings.ContainsAny(s, " \t\r\n") {
		return false
	}
	a, err := mail.ParseAddress(s)
	return err == nil && a.Address == s && a.Name == ""
}

// status reads status: required on create; on PUT absent means "keep"
// (returned as ""). A present value must be one of Statuses.
func (f *form) status(o object, required bool) string {
	raw, ok := present(o, "status")
	if !ok {
		if required {
			f.fail("status", msgRequired)
		}
		return ""
	}
	var v string
	if raw[0] == '"' && json.Unmarshal(raw, &v) == nil {
		for _, s := range Statuses {
			if v == s {
				return v
			}
		}
	}
	f.fail("status", msgStatus)
	return ""
}

// company reads the optional company id (24 lower-case hex, as every id).
func (f *form) company(o object) *string {
	p := f.str(o, "company", "company", false)
	if p != nil && !validID(*p) {
		f.fail("company", msgObjectID)
		return nil
	}
	return p
}

// array reads an optional array of objects; absent and null are empty.
func (f *form) array(o object, key string) []object {
	raw, ok := present(o, key)
	if !ok {
		return nil
	}
	var items []json.RawMessage
	if raw[0] != '[' || json.Unmarshal(raw, &items) != nil {
		f.fail(key, msgArray)
		return nil
	}
	out := make([]object, 0, len(items))
	for i, item := range items {
		var e object
		if item[0] != '{' || json.Unmarshal(item, &e) != nil {
			f.fail(key+"["+strconv.Itoa(i)+"]", msgObject)
			continue
		}
		out = append(out, e)
	}
	return out
}

// addresses reads address[]: every field optional, at most one default.
func (f *form) addresses(o object) []Address {
	items := f.array(o, "address")
	out := make([]Address, 0, len(items))
	hasDefault := false
	for i, e := range items {
		p := "address[" + strconv.Itoa(i) + "]."
		s := func(key string) *string { return f.str(e, key, p+key, false) }
		a := Address{
			FirstName: s("firstName"), LastName: s("lastName"), PhoneNumber: s("phoneNumber"),
			Address1: s("address1"), Address2: s("address2"), City: s("city"),
			State: s("state"), Country: s("country"), Zipcode: s("zipcode"),
		}
		if raw, ok := present(e, "isDefaultAddress"); ok {
			switch string(raw) {
			case "true":
				a.IsDefaultAddress = true
			case "false":
			default:
				f.fail(p+"isDefaultAddress", msgBoolean)
			}
		}
		if a.IsDefaultAddress {
			if hasDefault {
				f.errs = append(f.errs, fieldError{p + "isDefaultAddress", msgTwoDefault})
			}
			hasDefault = true
		}
		out = append(out, a)
	}
	return out
}

// metaFields reads metaFields[]: a required code and any JSON value, kept as
// compacted JSON text so that its type and digits survive.
func (f *form) metaFields(o object) []MetaField {
	items := f.array(o, "metaFields")
	out := make([]MetaField, 0, len(items))
	for i, e := range items {
		p := "metaFields[" + strconv.Itoa(i) + "]."
		m := MetaField{}
		if code := f.str(e, "code", p+"code", true); code != nil {
			m.Code = *code
		}
		if raw, ok := e["value"]; ok {
			var b bytes.Buffer
			if json.Compact(&b, raw) == nil { // raw came from a valid document
				m.Value = b.Bytes()
			}
		}
		out = append(out, m)
	}
	return out
}

// readCustomer reads and validates a create (create = true) or PUT body:
// the writable fields only; unknown fields, response-only ones included,
// are ignored. Every failing field is reported.
func readCustomer(o object, create bool) (Customer, []fieldError) {
	var f form
	c := Customer{
		FirstName:   f.req(o, "firstName"),
		LastName:    f.req(o, "lastName"),
		Email:       f.email(o),
		PhoneNumber: f.str(o, "phoneNumber", "phoneNumber", false),
		Status:      f.status(o, create),
		Company:     f.company(o),
		Notes:       f.str(o, "notes", "notes", false),
		Address:     f.addresses(o),
		MetaFields:  f.metaFields(o),
	}
	return c, f.errs
}
