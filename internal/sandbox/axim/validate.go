package axim

import (
	"bytes"
	"encoding/json"
	"slices"
	"strconv"
	"strings"

	"github.com/customerops/terraform-provider-crm/internal/sandbox/httpjson"
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

// validator collects every validation error of one body (or query), in
// field order.
type validator struct{ errs []fieldError }

func (v *validator) fail(field, format string) {
	v.errs = append(v.errs, fieldError{field, strings.Replace(format, "%s", field, 1)})
}

// str reads a string field at path. Absent and null are nil; a required
// field must also be non-blank.
func (v *validator) str(o httpjson.Object, key, path string, required bool) *string {
	s, present, isString := o.String(key)
	switch {
	case !present:
		if required {
			v.fail(path, msgRequired)
		}
		return nil
	case !isString:
		v.fail(path, msgString)
		return nil
	case required && strings.TrimSpace(s) == "":
		v.fail(path, msgRequired)
		return nil
	}
	return &s
}

// req reads a required string; "" stands in when it failed.
func (v *validator) req(o httpjson.Object, key string) string {
	if p := v.str(o, key, key, true); p != nil {
		return *p
	}
	return ""
}

// email reads the required e-mail: a valid RFC 5322 address without a
// display name or surrounding blanks.
func (v *validator) email(o httpjson.Object) string {
	p := v.str(o, "email", "email", true)
	if p == nil {
		return ""
	}
	if !httpjson.ValidEmail(*p) {
		v.fail("email", msgEmail)
		return ""
	}
	return *p
}

// status reads status: required on create; on PUT absent means "keep"
// (returned as ""). A present value must be one of Statuses.
func (v *validator) status(o httpjson.Object, required bool) string {
	raw, ok := o.Field("status")
	if !ok {
		if required {
			v.fail("status", msgRequired)
		}
		return ""
	}
	var s string
	if raw[0] == '"' && json.Unmarshal(raw, &s) == nil && slices.Contains(Statuses, s) {
		return s
	}
	v.fail("status", msgStatus)
	return ""
}

// company reads the optional company id (24 lower-case hex, as every id).
func (v *validator) company(o httpjson.Object) *string {
	p := v.str(o, "company", "company", false)
	if p != nil && !validID(*p) {
		v.fail("company", msgObjectID)
		return nil
	}
	return p
}

// array reads an optional array of objects; absent and null are empty.
func (v *validator) array(o httpjson.Object, key string) []httpjson.Object {
	raw, ok := o.Field(key)
	if !ok {
		return nil
	}
	var items []json.RawMessage
	if raw[0] != '[' || json.Unmarshal(raw, &items) != nil {
		v.fail(key, msgArray)
		return nil
	}
	out := make([]httpjson.Object, 0, len(items))
	for i, item := range items {
		var e httpjson.Object
		if item[0] != '{' || json.Unmarshal(item, &e) != nil {
			v.fail(key+"["+strconv.Itoa(i)+"]", msgObject)
			continue
		}
		out = append(out, e)
	}
	return out
}

// addresses reads address[]: every field optional, at most one default.
func (v *validator) addresses(o httpjson.Object) []Address {
	items := v.array(o, "address")
	out := make([]Address, 0, len(items))
	hasDefault := false
	for i, e := range items {
		p := "address[" + strconv.Itoa(i) + "]."
		s := func(key string) *string { return v.str(e, key, p+key, false) }
		a := Address{
			FirstName: s("firstName"), LastName: s("lastName"), PhoneNumber: s("phoneNumber"),
			Address1: s("address1"), Address2: s("address2"), City: s("city"),
			State: s("state"), Country: s("country"), Zipcode: s("zipcode"),
		}
		if raw, ok := e.Field("isDefaultAddress"); ok {
			switch string(raw) {
			case "true":
				a.IsDefaultAddress = true
			case "false":
			default:
				v.fail(p+"isDefaultAddress", msgBoolean)
			}
		}
		if a.IsDefaultAddress {
			if hasDefault {
				v.errs = append(v.errs, fieldError{p + "isDefaultAddress", msgTwoDefault})
			}
			hasDefault = true
		}
		out = append(out, a)
	}
	return out
}

// metaFields reads metaFields[]: a required code and any JSON value, kept as
// compacted JSON text so that its type and digits survive.
func (v *validator) metaFields(o httpjson.Object) []MetaField {
	items := v.array(o, "metaFields")
	out := make([]MetaField, 0, len(items))
	for i, e := range items {
		p := "metaFields[" + strconv.Itoa(i) + "]."
		m := MetaField{}
		if code := v.str(e, "code", p+"code", true); code != nil {
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

// readInput reads and validates a create (create = true) or PUT body:
// the writable fields only; unknown fields, response-only ones included,
// are ignored. Every failing field is reported.
func readInput(o httpjson.Object, create bool) (Customer, []fieldError) {
	var v validator
	c := Customer{
		FirstName:   v.req(o, "firstName"),
		LastName:    v.req(o, "lastName"),
		Email:       v.email(o),
		PhoneNumber: v.str(o, "phoneNumber", "phoneNumber", false),
		Status:      v.status(o, create),
		Company:     v.company(o),
		Notes:       v.str(o, "notes", "notes", false),
		Address:     v.addresses(o),
		MetaFields:  v.metaFields(o),
	}
	return c, v.errs
}
