package transport

import (
	"iter"
	"time"
)

// MadeAt reads a creation time written in layout; a layout without a zone
// reads it as UTC. false: the stamp does not read, and a record whose
// creation time is unknown is not ours to adopt.
func MadeAt(layout, stamp string) (time.Time, bool) {
	t, err := time.Parse(layout, stamp)
	return t, err == nil
}

// FindNewestMade is the lookup CreateOnce runs after a lost answer when the
// record is looked for in a list (no natural key, or none the API finds a
// record by; FindMade is the lookup by one): among records, the
// newest that match accepts and that madeAt (the platform's timestamp
// reader) says was made at or after since (Since of the create's start, so
// clock skew allowed) is the record the lost create made. An identical one
// made before is never adopted. nil when there is none; a zero since
// adopts however old.
//
// newer orders the records (a made after b), and then the whole list is
// read. With newer nil, records come newest first by creation time: the
// first that qualifies is adopted, and the search stops at the first
// record made before since, as every later one is older still, so a large
// list is read only as far as the create's own time.
func FindNewestMade[T any](records iter.Seq2[T, error], since time.Time, match func(*T) bool, madeAt func(*T) (time.Time, bool), newer func(a, b *T) bool) (*T, error) {
	var found *T
	for r, err := range records {
		if err != nil {
			return nil, err
		}
		at, ok := madeAt(&r)
		if ok && at.Before(since) && newer == nil {
			return nil, nil
		}
		if !ok || at.Before(since) || !match(&r) {
			continue
		}
		if newer == nil {
			return &r, nil
		}
		if found == nil || newer(&r, found) {
			found = &r
		}
	}
	return found, nil
}
