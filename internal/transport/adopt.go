package transport

import (
	"context"
	"time"
)

// ClockSkew is how far a platform's clock may be behind ours when telling
// the record a lost create made from an identical one that existed before
// the create began: only the former may be adopted.
const ClockSkew = 5 * time.Minute

// Since is the earliest creation time a record made by a create that
// began at start can carry: start less ClockSkew, to the second (platforms
// stamp records in whole seconds).
func Since(start time.Time) time.Time { return start.Add(-ClockSkew).Truncate(time.Second) }

// FindMade is the lookup CreateOnce runs after a lost answer, for a
// platform with a natural key: find looks the record up by it, and the
// record is adopted only when madeAt, the platform's timestamp reader,
// says it was created at or after since. An older one, or one whose time
// does not read, is left alone: the next attempt then gets the platform's
// own duplicate error instead of taking over a record someone else made.
func FindMade[T any](since time.Time, find func(context.Context) (*T, error), madeAt func(*T) (time.Time, bool)) func(context.Context) (*T, error) {
	return func(ctx context.Context) (*T, error) {
		found, err := find(ctx)
		if err != nil || found == nil {
			return nil, err
		}
		if at, ok := madeAt(found); !ok || at.Before(since) {
			return nil, nil
		}
		return found, nil
	}
}
