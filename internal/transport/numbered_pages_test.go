package transport

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
)

// cursorStore is a list of n records, newest (highest id) first, served
// size a page after the record named by starting_after, with has_more, as
// Stripe pages; it logs each page's query.
type cursorStore struct {
	n, size int
	fail    bool // answer the next page with an error
	noList  bool // answer the next page without its list
	mu      sync.Mutex
	queries []string
}

func (s *cursorStore) fetch(_ context.Context, q url.Values) ([]item, PageInfo, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.queries = append(s.queries, q.Encode())
	if s.fail {
		s.fail = false
		return nil, PageInfo{}, errors.New("503 Service Unavailable")
	}
	if s.noList {
		s.noList = false
		return nil, PageInfo{}, nil
	}
	from := s.n - 1 // the newest record's id
	if after := q.Get("starting_after"); after != "" {
		id, _ := strconv.Atoi(after)
		from = id - 1
	}
	out := []item{}
	for id := from; id >= 0 && len(out) < s.size; id-- {
		out = append(out, item{ID: fmt.Sprint(id), Name: "listed"})
	}
	return out, PageInfo{HasNext: from-len(out) >= 0}, nil
}

func (s *cursorStore) log() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.queries)
}

func afterLastItem(size int) PageStyle {
	return AfterLast("starting_after", "limit", size, func(it item) string { return it.ID })
}

// Pages asked in order follow the cursors; page 0 starts again from the
// first; the last page says so.
func TestNumberedPages_inOrder(t *testing.T) {
	s := &cursorStore{n: 250, size: 100}
	page := NumberedPages(afterLastItem(100), s.fetch)
	ctx := context.Background()
	for n, want := range []struct {
		first, last string
		end         bool
	}{{"249", "150", false}, {"149", "50", false}, {"49", "0", true}} {
		items, last, err := page(ctx, n)
		if err != nil || items[0].ID != want.first || items[len(items)-1].ID != want.last || last != want.end {
			t.Fatalf("page %d: %d items (%v ... %v), last %v, %v", n, len(items), items[0], items[len(items)-1], last, err)
		}
	}
	if items, last, err := page(ctx, 0); err != nil || items[0].ID != "249" || last {
		t.Fatalf("page 0 again: %v, %v, %v", items[0], last, err)
	}
	want := []string{"limit=100", "limit=100&starting_after=150", "limit=100&starting_after=50", "limit=100"}
	if got := s.log(); !slices.Equal(got, want) {
		t.Errorf("queries %q, want %q", got, want)
	}
}

// A page out of order, a page after the last, and pages after a failed one
// are errors, with no request; page 0 starts again.
func TestNumberedPages_outOfOrder(t *testing.T) {
	s := &cursorStore{n: 250, size: 100}
	page := NumberedPages(afterLastItem(100), s.fetch)
	ctx := context.Background()
	if _, _, err := page(ctx, 1); err == nil || !strings.Contains(err.Error(), "out of order") {
		t.Errorf("page 1 first: %v", err)
	}
	_, _, _ = page(ctx, 0)
	if _, _, err := page(ctx, 2); err == nil {
		t.Error("page 2 after page 0: no error")
	}
	s.fail = true
	if _, _, err := page(ctx, 1); err == nil {
		t.Error("a failed page: no error")
	}
	if _, _, err := page(ctx, 1); err == nil {
		t.Error("page 1 again after it failed: no error (its cursor is not known)")
	}
	s.noList = true
	if _, _, err := page(ctx, 0); err == nil || !strings.Contains(err.Error(), "holds no list") {
		t.Errorf("an answer without its list: %v", err)
	}
	if items, _, err := page(ctx, 0); err != nil || len(items) != 100 {
		t.Errorf("page 0 after the failures: %d items, %v", len(items), err)
	}
	small := &cursorStore{n: 50, size: 100}
	page = NumberedPages(afterLastItem(100), small.fetch)
	if _, last, err := page(ctx, 0); !last || err != nil {
		t.Errorf("the only page: last %v, %v", last, err)
	}
	if _, _, err := page(ctx, 1); err == nil {
		t.Error("a page after the last: no error")
	}
	// Requests: big's page 0, failed 1, no list, page 0; small's page 0.
	if got := len(s.log()) + len(small.log()); got != 5 {
		t.Errorf("%d requests, want 5 (none for a page out of order)", got)
	}
}

// A GrowingSnapshot over a cursor list: 250 records read in two pages and
// a few GETs, each page asked once, in order, with its cursor.
func TestNumberedPages_growingSnapshot(t *testing.T) {
	s := &cursorStore{n: 250, size: 100}
	hs := newCountingServer(t, nil)
	c := newTestClient(t, testConfig(hs.URL))
	g := NewGrowingSnapshot(c, "items", NumberedPages(afterLastItem(100), s.fetch), func(it *item) string { return it.ID })
	var gets int
	get := func(_ context.Context, id string) (*item, error) { gets++; return &item{ID: id, Name: "got"}, nil }
	listed := 0
	for _, id := range idRange(100, 250) { // the newest 150
		it, err := g.Get(context.Background(), id, get)
		if err != nil || it.ID != id {
			t.Fatalf("Get(%s) = %+v, %v", id, it, err)
		}
		if it.Name == "listed" {
			listed++
		}
	}
	want := []string{"limit=100", "limit=100&starting_after=150"}
	if got := s.log(); !slices.Equal(got, want) || gets > listAfter+2 || listed+gets != 150 {
		t.Errorf("pages %q (want %q), %d GETs, %d listed", got, want, gets, listed)
	}
}
