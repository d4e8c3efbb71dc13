package webcommander

import (
	"encoding/json"
	"slices"
	"strconv"
	"strings"

	"github.com/customerops/terraform-provider-crm/internal/sandbox/httpjson"
)

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

// validator collects every validation error of one body (or query), in
// field order.
type validator struct{ errs []fieldError }

func (v *validator) fail(field, code, format string) {
	v.errs = append(v.errs, fieldError{field, code, strings.Replace(format, "%s", field, 1)})
}

// readInput reads and validates a create (create = true) or PUT body:
// {"customer":{...}, "store_credit", "credit_limit",
// "customer_password_expired", "allow_credit_limit"}. Unknown fields,
// response-only ones included, are ignored; null is the same as absent.
// Every failing field is reported.
func readInput(body httpjson.Object, create bool) (*input, []fieldError) {
	var v validator
	in := &input{text: map[string]string{}}
	cust := httpjson.Object{}
	if raw, ok := body.Field("customer"); ok && (raw[0] != '{' || json.Unmarshal(raw, &cust) != nil) {
		v.fail("customer", codeInvalid, msgObject)
	}
	for _, tf := range textFields {
		if s, ok := v.text(cust, tf.name); ok {
			in.text[tf.name] = s
		} else if _, sent := cust.Field(tf.name); !sent && create && tf.name == "first_name" {
			v.fail("first_name", codeRequired, msgNameRequired)
		}
	}
	in.profileSet, in.profile = v.profile(cust)
	in.newsletter = v.newsletter(cust)
	if s, ok := v.text(cust, "password"); ok {
		in.password = &s
	}
	in.storeCredit, in.creditLimit = v.amount(body, "store_credit"), v.amount(body, "credit_limit")
	in.passwordExpired = v.boolean(body, "customer_password_expired")
	in.allowCreditLimit = v.boolean(body, "allow_credit_limit")
	return in, v.errs
}

// text reads one string field and checks what its name calls for; false
// when absent or invalid.
func (v *validator) text(o httpjson.Object, key string) (string, bool) {
	s, present, isString := o.String(key)
	switch {
	case !present:
		return "", false
	case !isString:
		v.fail(key, codeInvalid, msgString)
		return "", false
	}
	bad := func(code, msg string) (string, bool) {
		v.fail(key, code, msg)
		return "", false
	}
	switch key {
	case "first_name":
		if strings.TrimSpace(s) == "" {
			return bad(codeRequired, msgNameRequired)
		}
	case "email":
		if s != "" && !httpjson.ValidEmail(s) { // "" clears the e-mail
			return bad(codeInvalid, msgEmailInvalid)
		}
	case "gender":
		if s != "" && !slices.Contains(Genders, s) {
			return bad(codeInvalid, msgGender)
		}
	case "status":
		if !slices.Contains(Statuses, s) {
			return bad(codeInvalid, msgStatus)
		}
	case "country":
		if s == "" {
			break
		}
		p, known := lookup(countries, s)
		if !known {
			return bad(codeInvalid, msgCountry)
		}
		s = p.Code
	case "password":
		if s == "" {
			return bad(codeInvalid, msgPassword)
		}
	}
	return s, true
}

// profile reads shipping_profile: an integer or a numeric string naming a
// known profile; "" clears it.
func (v *validator) profile(o httpjson.Object) (set bool, id *int64) {
	raw, ok := o.Field("shipping_profile")
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
		v.fail("shipping_profile", codeInvalid, msgProfile)
		return false, nil
	}
	return true, &n
}

// newsletter reads {"subscribed": bool}.
func (v *validator) newsletter(o httpjson.Object) *Newsletter {
	raw, ok := o.Field("newsletter")
	if !ok {
		return nil
	}
	var n httpjson.Object
	if raw[0] != '{' || json.Unmarshal(raw, &n) != nil {
		v.fail("newsletter", codeInvalid, msgNewsletter)
		return nil
	}
	switch string(n["subscribed"]) {
	case "true":
		return &Newsletter{Subscribed: true}
	case "false":
		return &Newsletter{}
	}
	v.fail("newsletter", codeInvalid, msgNewsletter)
	return nil
}

// amount reads a top-level decimal string (store_credit, credit_limit).
func (v *validator) amount(o httpjson.Object, key string) *string {
	raw, ok := o.Field(key)
	if !ok {
		return nil
	}
	var s string
	if json.Unmarshal(raw, &s) != nil || !validAmount(s) { // a JSON number fails to decode
		v.fail(key, codeInvalid, msgAmount)
		return nil
	}
	return &s
}

// boolean reads a top-level boolean.
func (v *validator) boolean(o httpjson.Object, key string) *bool {
	raw, ok := o.Field(key)
	if !ok {
		return nil
	}
	switch string(raw) {
	case "true", "false":
		b := string(raw) == "true"
		return &b
	}
	v.fail(key, codeInvalid, msgBoolean)
	return nil
}
