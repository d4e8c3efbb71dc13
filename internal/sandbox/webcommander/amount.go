package webcommander

import (
	"encoding/json"
	"strings"
)

// validAmount reports whether s is a non-negative decimal with at most two
// decimals ("150", "150.5", "150.00"); no sign, exponent or bare dot.
func validAmount(s string) bool {
	whole, frac, dotted := strings.Cut(s, ".")
	if whole == "" || !digits(whole) || (dotted && (frac == "" || len(frac) > 2 || !digits(frac))) {
		return false
	}
	return true
}

func digits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// amountJSON is how a response carries an amount: the shortest JSON number
// with the same value ("150.00" → 150, "099.50" → 99.5), computed on the
// text so that no digit is lost. A value no API write could store (a seed's
// or mutate's) is answered as the string it is.
func amountJSON(s string) json.RawMessage {
	if s == "" {
		return json.RawMessage("0")
	}
	if !validAmount(s) {
		b, _ := json.Marshal(s)
		return b
	}
	whole, frac, _ := strings.Cut(s, ".")
	whole = strings.TrimLeft(whole, "0")
	if whole == "" {
		whole = "0"
	}
	if frac = strings.TrimRight(frac, "0"); frac != "" {
		whole += "." + frac
	}
	return json.RawMessage(whole)
}
