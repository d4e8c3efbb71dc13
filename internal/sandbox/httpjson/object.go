package httpjson

import (
	"bytes"
	"encoding/json"
	"net/mail"
	"strings"
	"unicode/utf8"
)

// Object is a JSON object of a request body, read field by field.
type Object map[string]json.RawMessage

// DecodeObject parses a request body that must be one JSON object; an empty
// body is an empty object (so that the answer lists the required fields).
// With utf8Only, a body that is not valid UTF-8 is refused too (otherwise
// invalid bytes in strings read as U+FFFD, as encoding/json does).
func DecodeObject(body []byte, utf8Only bool) (Object, bool) {
	body = bytes.TrimSpace(body)
	if len(body) == 0 {
		return Object{}, true
	}
	var o Object
	if (utf8Only && !utf8.Valid(body)) || body[0] != '{' || json.Unmarshal(body, &o) != nil {
		return nil, false
	}
	return o, true
}

// Field returns a field's raw value; null counts as absent.
func (o Object) Field(key string) (json.RawMessage, bool) {
	raw, ok := o[key]
	if !ok || string(raw) == "null" {
		return nil, false
	}
	return raw, true
}

// String reads a string field: present is false when it is absent or
// null, isString false when it holds something else.
func (o Object) String(key string) (v string, present, isString bool) {
	raw, ok := o.Field(key)
	if !ok {
		return "", false, false
	}
	if raw[0] != '"' || json.Unmarshal(raw, &v) != nil {
		return "", true, false
	}
	return v, true, true
}

// ValidEmail is the e-mail rule every emulator applies where its contract
// says only "a valid e-mail": an RFC 5322 address, without a display name
// or blanks.
func ValidEmail(s string) bool {
	if s == "" || strings.ContainsAny(s, " \t\r\n") {
		return false
	}
	a, err := mail.ParseAddress(s)
	return err == nil && a.Address == s && a.Name == ""
}
