package razorpay

import (
	"encoding/json"
	"strings"
	"unicode/utf8"

	"github.com/customerops/terraform-provider-crm/internal/sandbox/httpjson"
)

// fieldError is the first failing rule: Razorpay reports one error at a time.
type fieldError struct{ desc, field string }

// str returns a present string field, or a "must be a string" error.
func str(o httpjson.Object, field string) (*string, *fieldError) {
	v, present, isString := o.String(field)
	switch {
	case !present:
		return nil, nil
	case !isString:
		return nil, &fieldError{"The " + field + " must be a string.", field}
	}
	return &v, nil
}

// Field rules from internal/razorpay/CONTRACT.md §4. Lengths count characters.

func validateName(v string) *fieldError {
	n := utf8.RuneCountInString(v)
	switch {
	case n < 3:
		return &fieldError{"The name must be at least 3 characters.", "name"}
	case n > 50:
		return &fieldError{"The name may not be greater than 50 characters.", "name"}
	}
	for i := 0; i < len(v); i++ {
		if !nameChar(v[i]) {
			return &fieldError{"The name format is invalid.", "name"}
		}
	}
	return nil
}

// nameChar: ASCII letters and digits (the docs say "alphanumeric"), space and
// . ' / @ ( ) - _. Any non-ASCII byte fails.
func nameChar(b byte) bool {
	switch {
	case 'a' <= b && b <= 'z', 'A' <= b && b <= 'Z', '0' <= b && b <= '9':
		return true
	}
	return strings.IndexByte(" .'/@()-_", b) >= 0
}

func validateContact(v string) *fieldError {
	if utf8.RuneCountInString(v) > 15 {
		return &fieldError{"The contact may not be greater than 15 characters.", "contact"}
	}
	digits := strings.TrimPrefix(v, "+")
	for i := 0; i < len(digits); i++ {
		if digits[i] < '0' || digits[i] > '9' {
			return &fieldError{"Contact number contains invalid characters, only digits and + symbol are allowed", "contact"}
		}
	}
	if len(digits) < 8 {
		return &fieldError{msgShortContact, "contact"}
	}
	return nil
}

func validateEmail(v string) *fieldError {
	if utf8.RuneCountInString(v) > 64 {
		return &fieldError{"The email may not be greater than 64 characters.", "email"}
	}
	if !httpjson.ValidEmail(v) {
		return &fieldError{"The email must be a valid email address.", "email"}
	}
	return nil
}

// validateGSTIN: decided ^[0-9]{2}[A-Z0-9]{13}$, case-insensitive.
func validateGSTIN(v string) *fieldError {
	bad := &fieldError{msgGSTIN, "gstin"}
	if len(v) != 15 {
		return bad
	}
	for i := 0; i < len(v); i++ {
		c := v[i]
		digit := '0' <= c && c <= '9'
		if i < 2 && !digit {
			return bad
		}
		if !digit && (c < 'a' || c > 'z') && (c < 'A' || c > 'Z') {
			return bad
		}
	}
	return nil
}

// notes: a JSON object of string values (or an empty array, the form Razorpay
// itself returns), at most 15 keys, each value at most 256 characters.
func notes(o httpjson.Object) (map[string]string, *fieldError) {
	raw, ok := o.Field("notes")
	if !ok || string(raw) == "[]" {
		return nil, nil
	}
	var m map[string]json.RawMessage
	if raw[0] != '{' || json.Unmarshal(raw, &m) != nil {
		if raw[0] == '[' && isEmptyArray(raw) {
			return nil, nil
		}
		return nil, &fieldError{"The notes must be an object of key-value pairs.", "notes"}
	}
	if len(m) > 15 {
		return nil, &fieldError{"The notes may not have more than 15 items.", "notes"}
	}
	out := make(map[string]string, len(m))
	for k, rv := range m {
		var v string
		if rv[0] != '"' || json.Unmarshal(rv, &v) != nil {
			return nil, &fieldError{"The notes values must be strings.", "notes"}
		}
		if utf8.RuneCountInString(v) > 256 {
			return nil, &fieldError{"The notes values may not be greater than 256 characters.", "notes"}
		}
		out[k] = v
	}
	return out, nil
}

func isEmptyArray(raw json.RawMessage) bool {
	var a []json.RawMessage
	return json.Unmarshal(raw, &a) == nil && len(a) == 0
}

// readFailExisting reads fail_existing: only the JSON strings "0" and "1" are
// accepted (decided). A number 0 or a bool is an error rather than silently
// "1", so a client that gets the type wrong finds out at once instead of
// getting a duplicate error only on retries. Absent means "1".
func readFailExisting(o httpjson.Object) (bool, *fieldError) {
	raw, ok := o.Field("fail_existing")
	if !ok {
		return true, nil
	}
	switch string(raw) {
	case `"0"`:
		return false, nil
	case `"1"`:
		return true, nil
	}
	return true, &fieldError{msgFailExisting, "fail_existing"}
}

// input is a validated create or edit body; nil is a field not sent. An
// edit carries name, contact and email only: the others are ignored.
type input struct {
	name, contact, email, gstin *string
	notes                       map[string]string
	failExisting                bool // create: an existing e-mail + contact pair is an error
}

// readInput reads and validates a create (create = true) or edit body: the
// first failing field is reported.
func readInput(o httpjson.Object, create bool) (in input, fe *fieldError) {
	in.failExisting = true
	if in.name, in.contact, in.email, fe = contactFields(o); fe != nil || !create {
		return in, fe
	}
	if in.gstin, fe = str(o, "gstin"); fe == nil && in.gstin != nil {
		fe = validateGSTIN(*in.gstin)
	}
	if fe != nil {
		return in, fe
	}
	if in.notes, fe = notes(o); fe != nil {
		return in, fe
	}
	in.failExisting, fe = readFailExisting(o)
	return in, fe
}

// contactFields reads name, contact and email, the fields create and edit
// share, validating each one present. nil means absent.
func contactFields(o httpjson.Object) (name, contact, email *string, fe *fieldError) {
	if name, fe = str(o, "name"); fe == nil && name != nil {
		fe = validateName(*name)
	}
	if fe != nil {
		return
	}
	if contact, fe = str(o, "contact"); fe == nil && contact != nil {
		fe = validateContact(*contact)
	}
	if fe != nil {
		return
	}
	if email, fe = str(o, "email"); fe == nil && email != nil {
		fe = validateEmail(*email)
	}
	return
}
