// Package normalize holds the sandbox switches that make a platform store
// values the way a real API may where the contracts are silent: e-mails
// lower-cased, codes and identifiers upper-cased, surrounding white space
// trimmed. All are off by default, so the sandbox stores exactly what it
// accepted; tests turn them on so that the provider never silently relies on
// values round-tripping byte for byte.
//
// The switches are kinds of value, not fields: each emulator's normalize.go
// maps its own fields to them (Text, Email, Code), and its Emulator value
// names, for people, the codes it upper-cases (sandbox.Emulator.Codes). A
// platform with a new code needs no change here.
//
// The platforms apply them when the API stores a record (create and edit),
// after validation, which sees the value as received. The out-of-band seed
// and mutate paths store verbatim, like every other API rule they bypass.
package normalize

import (
	"strings"
	"sync"
)

// Options are the switches; the JSON form is the control surface's body.
// UpperCodes keeps the JSON name of its first use, Razorpay's GSTIN
// ("upper_gstin"), which scripts, guides and tests send.
type Options struct {
	LowerEmails bool `json:"lower_emails"` // lower-case stored e-mail addresses
	UpperCodes  bool `json:"upper_gstin"`  // upper-case the stored codes and identifiers an emulator maps to Code
	TrimSpace   bool `json:"trim_space"`   // trim white space around every stored string
}

// All is every switch on: an API that normalises all it may (the sandbox
// command's -normalize, ACC_NORMALIZE=1 in acceptance tests).
var All = Options{LowerEmails: true, UpperCodes: true, TrimSpace: true}

// Text is a stored string field. Trimming is strings.TrimSpace: Unicode white
// space, which covers spaces, tabs, CR and LF.
func (o Options) Text(s string) string {
	if o.TrimSpace {
		return strings.TrimSpace(s)
	}
	return s
}

// Email is a stored e-mail field: trimmed, then lower-cased.
func (o Options) Email(s string) string {
	s = o.Text(s)
	if o.LowerEmails {
		return strings.ToLower(s)
	}
	return s
}

// Code is a stored code or identifier field that a normalising API
// upper-cases: trimmed, then upper-cased.
func (o Options) Code(s string) string {
	s = o.Text(s)
	if o.UpperCodes {
		return strings.ToUpper(s)
	}
	return s
}

// Ptr applies f to an optional field; nil (absent or null) stays nil.
func Ptr(p *string, f func(string) string) *string {
	if p == nil {
		return nil
	}
	v := f(*p)
	return &v
}

// Switches hold a platform store's Options, safe for concurrent use. A
// store embeds it, which gives it SetNormalize and Normalize.
type Switches struct {
	mu sync.RWMutex
	o  Options
}

// SetNormalize sets how creates and edits normalise what they store from
// now on; records already stored, seeded or mutated keep their values.
func (s *Switches) SetNormalize(o Options) {
	s.mu.Lock()
	s.o = o
	s.mu.Unlock()
}

// Normalize returns the switches set by SetNormalize.
func (s *Switches) Normalize() Options {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.o
}
