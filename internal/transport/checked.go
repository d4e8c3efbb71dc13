package transport

import "errors"

// Checked refuses an answer that holds no record: rec nil, or id (the
// record's id) zero, which would otherwise become an empty id in state.
// refusal is the platform's message for it.
func Checked[T any, K comparable](rec *T, id func(*T) K, refusal string) (*T, error) {
	var none K
	if rec == nil || id(rec) == none {
		return nil, errors.New(refusal)
	}
	return rec, nil
}
