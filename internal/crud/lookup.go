package crud

import (
	"context"
	"fmt"
	"strings"

	"github.com/customerops/terraform-provider-crm/internal/transport"
)

// One picks the single record of items that match, for a data source that
// looks a record up by a natural key: none is a not-found error, several
// are an error naming their ids, so the user can choose by id instead.
func One[W any](items []W, what, key, value string, match func(*W) bool, idOf func(*W) string) (*W, error) {
	var found []*W
	for i := range items {
		if match(&items[i]) {
			found = append(found, &items[i])
		}
	}
	switch len(found) {
	case 1:
		return found[0], nil
	case 0:
		return nil, NoMatch(what, key, value)
	}
	ids := make([]string, len(found))
	for i, w := range found {
		ids[i] = idOf(w)
	}
	return nil, fmt.Errorf("%d %ss have %s %q (ids %s): look the one you mean up by id", len(found), what, key, value, strings.Join(ids, ", "))
}

// ByEmail is a Lookup that lists the records and picks the one whose
// e-mail matches, in any case: for platforms whose API has no e-mail filter.
func ByEmail[W any](what string, list func(ctx context.Context) ([]W, error), emailOf func(*W) string, idOf func(*W) string) Lookup[W] {
	return func(ctx context.Context, email string) (*W, error) {
		all, err := list(ctx)
		if err != nil {
			return nil, err
		}
		return One(all, what, "email", email, func(w *W) bool { return strings.EqualFold(emailOf(w), email) }, idOf)
	}
}

// NoMatch is the not-found error of a look-up by a natural key.
func NoMatch(what, key, value string) error {
	return fmt.Errorf("no %s has %s %q: %w", what, key, value, transport.ErrNotFound)
}

// MustFind makes a Lookup of a finder that answers (nil, nil) for "none":
// a data source asked for a record that does not exist gets a not-found
// error naming what it looked for.
func MustFind[W any](what, key string, find func(ctx context.Context, value string) (*W, error)) Lookup[W] {
	return func(ctx context.Context, value string) (*W, error) {
		found, err := find(ctx, value)
		if err == nil && found == nil {
			return nil, NoMatch(what, key, value)
		}
		return found, err
	}
}
