// Package decodetest holds oracles for the platforms' error decoders, for
// their fuzz tests: what a decoded transport.APIError must say about a
// body, worked out independently of the decoder (generic JSON, exact keys).
package decodetest

import (
	"slices"
	"testing"

	"github.com/customerops/terraform-provider-crm/internal/transport"
)

// FieldErrors checks the Details and Field e holds for obj, a body read as
// generic JSON, whose "errors" member is the contract's array of
// {"field":"...","message":"..."} objects: one detail per entry (exactly
// "field: message" when every entry is well formed), none when "errors"
// is no array, and the field blamed only when there is exactly one entry
// naming a field.
func FieldErrors(t testing.TB, body []byte, obj map[string]any, e *transport.APIError) {
	t.Helper()
	rawErrors, hasErrors := obj["errors"]
	entries, isArr := rawErrors.([]any)
	switch {
	case isArr:
		if len(e.Details) != len(entries) {
			t.Errorf("%d details %q for %d entries of errors in %q", len(e.Details), e.Details, len(entries), body)
		}
		if want, ok := wellFormed(entries); ok && !slices.Equal(e.Details, want) {
			t.Errorf("Details = %q for %q, want %q", e.Details, body, want)
		}
	case hasErrors && e.Details != nil:
		t.Errorf("Details = %q from errors %v, which is no array", e.Details, rawErrors)
	}
	wantField := ""
	if len(entries) == 1 {
		if entry, ok := entries[0].(map[string]any); ok {
			wantField, _ = entry["field"].(string)
		}
	}
	if e.Field != wantField {
		t.Errorf("Field = %q for %q, want %q", e.Field, body, wantField)
	}
}

// wellFormed reads an "errors" array shaped as the contracts say: the
// details it must give. ok is false when an entry is not an object with
// string "field" and "message" (other members, such as "code", are not
// shown).
func wellFormed(entries []any) (details []string, ok bool) {
	for _, x := range entries {
		entry, isObj := x.(map[string]any)
		if !isObj {
			return nil, false
		}
		field, fieldOK := entry["field"].(string)
		msg, msgOK := entry["message"].(string)
		if !fieldOK || !msgOK {
			return nil, false
		}
		details = append(details, field+": "+msg)
	}
	return details, true
}
