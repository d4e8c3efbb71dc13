package transport

import (
	"context"
	"errors"
	"testing"
	"time"
)

func TestSince(t *testing.T) {
	start := time.Date(2026, 12, 7, 10, 0, 0, 500_000_000, time.UTC)
	since := Since(start)
	if want := time.Date(2026, 12, 7, 9, 55, 0, 0, time.UTC); !since.Equal(want) {
		t.Fatalf("Since = %v, want %v (start less five minutes, to the second)", since, want)
	}
	const layout = "2006-01-02 15:04:05"
	cases := map[string]bool{
		"2026-12-07 09:55:00": true,  // the platform's clock five minutes behind
		"2026-12-07 10:00:01": true,  // made by this create
		"2026-12-07 09:54:59": false, // existed before it
	}
	for stamp, want := range cases {
		if at, ok := MadeAt(layout, stamp); !ok || at.Before(since) == want {
			t.Errorf("%q (read: %v) made since %v: got %v, want %v", stamp, ok, since, !at.Before(since), want)
		}
	}
}

func TestFindMade(t *testing.T) {
	since := time.Unix(1000, 0)
	type rec struct{ created int64 }
	made := func(r *rec) (time.Time, bool) { return time.Unix(r.created, 0), r.created >= 0 }
	ctx := context.Background()
	finder := func(r *rec, err error) func(context.Context) (*rec, error) {
		return func(context.Context) (*rec, error) { return r, err }
	}
	if got, err := FindMade(since, finder(&rec{1000}, nil), made)(ctx); err != nil || got == nil {
		t.Errorf("a record made since: got %v, %v; want it adopted", got, err)
	}
	if got, err := FindMade(since, finder(&rec{999}, nil), made)(ctx); err != nil || got != nil {
		t.Errorf("an older record: got %v, %v; want none", got, err)
	}
	if got, err := FindMade(since, finder(&rec{-1}, nil), made)(ctx); err != nil || got != nil {
		t.Errorf("a record whose time does not read: got %v, %v; want none", got, err)
	}
	if got, err := FindMade(since, finder(nil, nil), made)(ctx); err != nil || got != nil {
		t.Errorf("nothing found: got %v, %v", got, err)
	}
	boom := errors.New("boom")
	if got, err := FindMade(since, finder(nil, boom), made)(ctx); !errors.Is(err, boom) || got != nil {
		t.Errorf("a failed lookup: got %v, %v; want the error", got, err)
	}
}
