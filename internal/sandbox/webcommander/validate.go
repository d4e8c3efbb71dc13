package webcommander

import (
	"bytes"
	"encoding/json"
	"net/mail"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// object is one JSON object of a body, read field by field.
type object map[string]json.RawMessage

// decodeObject parses a request body. An empty body is an empty object;
// anything that is not one JSON object in UTF-8 is malformed.
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

// present returns a field's raw value; null counts as absent.
func present(o object, key string) (json.RawMessage, bool) {
	raw, ok := o[key]
	if !ok || string(raw) == "null" {
		return nil, false
	}
	return raw, true
}

// textField is a string field of the customer object and where it is
// stored; the order is the order errors are listed in.
type textField struct {
	name string
	of   func(*Customer) *string
}

var textFields = []textField{
	{"first_name", func(c *Customer) *string { return &c.FirstName }},
	{"last_name", func(c *Customer) *string { return &c.LastName }},
	{"email", func(c *Customer) *string { return &c.Email }},
	{"gender", func(c *Customer) *string { return &c.Gender }},
	{"company_name", func(c *Customer) *string { return &c.CompanyName }},
	{"address_line", func(c *Customer) *string { return &c.AddressLine }},
	{"country", func(c *Customer) *string { return &c.Country }},
	{"state", func(c *Customer) *string { return &c.State }},
	{"post_code", func(c *Customer) *string { return &c.PostCode }},
	{"city", func(c *Customer) *string { return &c.City }},
	{"mobile", func(c *Customer) *string { return &c.Mobile }},
	{"phone", func(c *Customer) *string { return &c.Phone }},
	{"abn", func(c *Customer) *string { return &c.ABN }},
	{"abn_branch", func(c *Customer) *string { return &c.ABNBranch }},
	{"status", func(c *Customer) *string { return &c.Status }},
}

// input is a validated create or PUT body: only what it carries. A PUT
// changes exactly these fields.
type input struct {
	text             map[string]string // by request name; country as its ISO code
	profileSet       bool
	profile          *int64 // nil with profileSet: cleared
	newsletter       *Newsletter
	password         *string
	storeCredit      *string
	creditLimit      *string
	passwordExpired  *bool
	allowCreditLimit *bool
}

// form collects every validation error of one body, in field order.
type form struct{ errs []fieldError }

func (f *form) fail(field, code, format string) {
	f.errs = append(f.errs, fieldError{field, code, strings.Replace(format, "%s", field, 1)})
}

// readInput reads and validates a create (create = true) or PUT body:
// {"customer":{...}, "store_credit", "credit_limit",
// "customer_password_expired", "allow_credit_limit"}. Unknown fields,
// response-only ones included, are ignored; null is the same as absent.
// Every failing field is reported.
func readInput(body object, create bool) (*input, []fieldError) {
	var f form
	in := &input{text: map[string]string{}}
	cust := object{}
	if raw, ok := present(body, "customer"); ok && (raw[0] != '{' || json.Unmarshal(raw, &cust) != nil) {
		f.fail("customer", codeInvalid, msgObject)
	}
	for _, tf := range textFields {
		if v, ok := f.text(cust, tf.name); ok {
			in.text[tf.name] = v
		} else if _, sent := present(cust, tf.name); !sent && create && tf.name == "first_name" {
			f.fail("first_name", codeRequired, msgNameRequired)
		}
	}
	in.profileSet, in.profile = f.profile(cust)
	in.newsletter = f.newsletter(cust)
	if v, ok := f.text(cust, "password"); ok {
		in.password = &v
	}
	in.storeCredit, in.creditLimit = f.amount(body, "store_credit"), f.amount(body, "credit_limit")
	in.passwordExpired = f.boolean(body, "customer_password_expired")
	in.allowCreditLimit = f.boolean(body, "allow_credit_limit")
	return in, f.errs
}

// text reads one string field and checks what its name calls for; false
// when absent or invalid.
func (f *form) text(o object, key string) (string, bool) {
	raw, ok := present(o, key)
	if !ok {
		return "", false
	}
	var v string
	if raw[0] != '"' || json.Unmarshal(raw, &v) != nil {
		f.fail(key, codeInvalid, msgString)
		return "", false
	}
	bad := func(code, msg string) (string, bool) {
		f.fail(key, code, msg)
		return "", false
	}
	switch key {
	case "first_name":
		if strings.TrimSpace(v) == "" {
			return bad(codeRequired, msgNameRequired)
		}
	case "email":
		if v != "" && !validEmail(v) { // "" clears the e-mail
			return bad(codeInvalid, msgEmailInvalid)
		}
	case "gender":
		if v != "" && !slices.Contains(Genders, v) {
			return bad(codeInvalid, msgGender)
		}
	case "status":
		if !slices.Contains(Statuses, v) {
			return bad(codeInvalid, msgStatus)
		}
	case "country":
		if v == "" {
			break
		}
		p, known := lookup(countries, v)
		if !known {
			return bad(codeInvalid, msgCountry)
		}
		v = p.Code
	case "password":
		if v == "" {
			return bad(codeInvalid, msgPassword)
		}
	}
	return v, true
}

// validEmail: an RFC 5322 address with no display name or blanks.
func validEmail(s string) bool {
	if strings.ContainsAny(s, " \t\r\n") {
		return false
	}
	a, err := mail.ParseAddress(s)
	return err == nil && a.Address == s && a.Name == ""
}

// profile reads shipping_profile: an integer or a numeric string naming a
// known profile; "" clears it.
func (f *form) profile(o object) (set bool, id *int64) {
	raw, ok := present(o, "shipping_profile")
	if !ok {
		return false, nil
	}
	text := string(raw)
	if raw[0] == '"' {
		if json.Unmarshal(raw, &text) != nil {
			text = "<"
		}
		if text == "" {
			return true, nil
		}
	}
	n, err := strconv.ParseInt(text, 10, 64)
	if err != nil || !digits(text) || profileNames[n] == "" {
		f.fail("shipping_profile", codeInvalid, msgProfile)
		return false, nil
	}
	return true, &n
}

// newsletter reads {"subscribed": bool}.
func (f *form) newsletter(o object) *Newsletter {
	raw, ok := present(o, "newsletter")
	if !ok {
		return nil
	}
	var n object
	if raw[0] != '{' || json.Unmarshal(raw, &n) != nil {
		f.fail("newsletter", codeInvalid, msgNewsletter)
		return nil
	}
	switch string(n["subscribed"]) {
	case "true":
		return &Newsletter{Subscribed: true}
	case "false":
		return &Newsletter{}
	}
	f.fail("newsletter", codeInvalid, msgNewsletter)
	return nil
}

// amount reads a top-level decimal string (store_credit, credit_limit).
func (f *form) amount(o object, key string) *string {
	raw, ok := present(o, key)
	if !ok {
		return nil
	}
	var v string
	if json.Unmarshal(raw, &v) != nil || !validAmount(v) { // a JSON number fails to decode
		f.fail(key, codeInvalid, msgAmount)
		return nil
	}
	return &v
}

// boolean reads a top-level boolean.
func (f *form) boolean(o object, key string) *bool {
	raw, ok := present(o, key)
	if !ok {
		return nil
	}
	switch string(raw) {
	case "true", "false":
		b := string(raw) == "true"
		return &b
	}
	f.fail(key, codeInvalid, msgBoolean)
	return nil
}
