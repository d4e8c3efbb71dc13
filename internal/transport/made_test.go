package transport

import (
	"errors"
	"iter"
	"testing"
	"time"
)

func TestMadeAt(t *testing.T) {
	const layout = "2006-01-02 15:04:05"
	if got, ok := MadeAt(layout, "2026-12-07 09:55:00"); !ok || !got.Equal(time.Date(2026, 12, 7, 9, 55, 0, 0, time.UTC)) {
		t.Errorf("MadeAt = %v, %v; want 09:55 UTC (a stamp without a zone is UTC)", got, ok)
	}
	for _, stamp := range []string{"yesterday", ""} {
		if _, ok := MadeAt(layout, stamp); ok {
			t.Errorf("MadeAt(%q) read; want it unread", stamp)
		}
	}
}

// made is a record for FindNewestMade: id, creation time in seconds (-1:
// unreadable) and a key to match on.
type made struct {
	id, at int64
	key    string
}

func madeRecords(all ...made) iter.Seq2[made, error] {
	return func(yield func(made, error) bool) {
		for _, r := range all {
			if !yield(r, nil) {
				return
			}
		}
	}
}

func madeAtOf(r *made) (time.Time, bool) { return time.Unix(r.at, 0), r.at >= 0 }

func higherID(a, b *made) bool { return a.id > b.id }

func findNewestMade(records iter.Seq2[made, error], since time.Time, newer func(a, b *made) bool) (*made, error) {
	return FindNewestMade(records, since, func(r *made) bool { return r.key == "k" }, madeAtOf, newer)
}

func TestFindNewestMade(t *testing.T) {
	start := time.Unix(10_000, 400_000_000)
	since := Since(start) // 9,700: start less the five minutes' skew, to the second
	cases := []struct {
		name    string
		records []made
		newer   func(a, b *made) bool
		want    int64 // id adopted; 0: none
	}{
		{"made at the skew boundary", []made{{1, 9_700, "k"}}, higherID, 1},
		{"made a second before it", []made{{1, 9_699, "k"}}, higherID, 0},
		{"made after the create began", []made{{1, 10_001, "k"}}, higherID, 1},
		{"several candidates: the newest", []made{{3, 9_800, "k"}, {7, 9_750, "k"}, {5, 10_000, "k"}}, higherID, 7},
		{"an identical older one is left", []made{{9, 9_000, "k"}, {4, 9_900, "k"}}, higherID, 4},
		{"another record is not matched", []made{{8, 10_000, "other"}, {2, 10_000, "k"}}, higherID, 2},
		{"an unreadable time is not adopted", []made{{6, -1, "k"}, {2, 9_800, "k"}}, higherID, 2},
		{"none", []made{{1, 9_000, "k"}, {2, 10_000, "other"}}, higherID, 0},
		{"empty list", nil, higherID, 0},
		{"newest first: the first that qualifies", []made{{3, 10_000, "other"}, {2, 9_900, "k"}, {1, 9_800, "k"}}, nil, 2},
		{"newest first: stops at an older record", []made{{3, 9_000, "other"}, {2, 9_800, "k"}}, nil, 0},
		{"newest first: at the boundary", []made{{2, 9_700, "k"}}, nil, 2},
		{"newest first: an unreadable time is passed over", []made{{2, -1, "k"}, {1, 9_800, "k"}}, nil, 1},
	}
	for _, tc := range cases {
		got, err := findNewestMade(madeRecords(tc.records...), since, tc.newer)
		switch {
		case err != nil:
			t.Errorf("%s: %v", tc.name, err)
		case tc.want == 0 && got != nil:
			t.Errorf("%s: adopted %+v; want none", tc.name, *got)
		case tc.want != 0 && (got == nil || got.id != tc.want):
			t.Errorf("%s: adopted %+v; want id %d", tc.name, got, tc.want)
		}
	}
}

// A zero since adopts however old: a lookup by natural key.
func TestFindNewestMadeZeroSince(t *testing.T) {
	got, err := findNewestMade(madeRecords(made{2, 10, "other"}, made{1, 0, "k"}), time.Time{}, nil)
	if err != nil || got == nil || got.id != 1 {
		t.Errorf("got %+v, %v; want id 1", got, err)
	}
}

// Newest first, the list is read no further than the first older record;
// a failed page fails the lookup.
func TestFindNewestMadeReadsOnlyWhatItMust(t *testing.T) {
	since := time.Unix(1_000, 0)
	read := 0
	boom := errors.New("boom")
	records := func(yield func(made, error) bool) {
		for _, r := range []made{{3, 2_000, "other"}, {2, 500, "k"}, {1, 2_000, "k"}} {
			read++
			if !yield(r, nil) {
				return
			}
		}
		yield(made{}, boom)
	}
	if got, err := findNewestMade(records, since, nil); err != nil || got != nil || read != 2 {
		t.Errorf("newest first: got %+v, %v after %d records; want none after 2", got, err, read)
	}
	if got, err := findNewestMade(records, since, higherID); !errors.Is(err, boom) || got != nil {
		t.Errorf("a failed page: got %+v, %v; want the error", got, err)
	}
}
