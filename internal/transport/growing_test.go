package transport

import (
	"context"
	"fmt"
	"net/http"
	"slices"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// store is a list of n records, newest first, paged by size, counting the
// page and GET requests it answers.
type store struct {
	n, size     int
	pages, gets atomic.Int64
	failPages   atomic.Bool
	mu          sync.Mutex
	pageLog     []int
}

func (s *store) page(_ context.Context, n int) ([]item, bool, error) {
	s.pages.Add(1)
	s.mu.Lock()
	s.pageLog = append(s.pageLog, n)
	s.mu.Unlock()
	if s.failPages.Load() {
		return nil, false, fmt.Errorf("503 Service Unavailable")
	}
	var out []item
	for i := n * s.size; i < min((n+1)*s.size, s.n); i++ {
		out = append(out, item{ID: fmt.Sprint(s.n - 1 - i), Name: "listed"}) // newest (highest id) first
	}
	return out, (n+1)*s.size >= s.n, nil
}

func (s *store) get(_ context.Context, id string) (*item, error) {
	s.gets.Add(1)
	return &item{ID: id, Name: "got"}, nil
}

func newGrowing(t *testing.T, n, size int) (*store, *Client, *GrowingSnapshot[item]) {
	t.Helper()
	hs := newCountingServer(t, func(w http.ResponseWriter, _ *http.Request, _ int) { writeJSON(w, http.StatusOK, `{}`) })
	c := newTestClient(t, testConfig(hs.URL))
	s := &store{n: n, size: size}
	return s, c, NewGrowingSnapshot(c, "items", s.page, func(it *item) string { return it.ID })
}

func readGrowing(t *testing.T, g *GrowingSnapshot[item], s *store, ids []string) map[string]string {
	t.Helper()
	got := map[string]string{}
	for _, id := range ids {
		it, err := g.Get(context.Background(), id, s.get)
		if err != nil || it.ID != id {
			t.Fatalf("Get(%s) = %+v, %v", id, it, err)
		}
		got[id] = it.Name
	}
	return got
}

func idRange(from, to int) []string {
	var out []string
	for i := from; i < to; i++ {
		out = append(out, fmt.Sprint(i))
	}
	return out
}

// Terraform manages the whole store of 1,000: ten pages and a few GETs,
// not 1,000 GETs. Read oldest first (the last page first), the reads
// before the budget reaches the last page are GETs: at most one a page.
func TestGrowingSnapshot_wholeStoreInPages(t *testing.T) {
	for _, order := range []string{"oldest first", "newest first"} {
		s, _, g := newGrowing(t, 1000, 100)
		all := idRange(0, 1000)
		if order == "newest first" {
			slices.Reverse(all)
		}
		readGrowing(t, g, s, all)
		if s.pages.Load() != 10 || s.gets.Load() > 10+listAfter {
			t.Errorf("%s: %d pages and %d GETs, want 10 pages and at most %d GETs", order, s.pages.Load(), s.gets.Load(), 10+listAfter)
		}
	}
}

// Terraform manages 5 old records of a store of 100,000: the list never
// costs more than the reads (a page per read at most), and the rest are
// GETs: at most twice the 5 GETs, not 1,000 pages.
func TestGrowingSnapshot_fewOldRecordsOfABigStore(t *testing.T) {
	s, _, g := newGrowing(t, 100000, 100)
	readGrowing(t, g, s, idRange(0, 5))
	if total := s.pages.Load() + s.gets.Load(); s.pages.Load() > 5 || total > 10 {
		t.Errorf("%d pages and %d GETs for 5 reads: want at most 5 pages and 10 requests", s.pages.Load(), s.gets.Load())
	}
}

// The newest records are on the first page: one page serves them.
func TestGrowingSnapshot_newestRecords(t *testing.T) {
	s, _, g := newGrowing(t, 100000, 100)
	got := readGrowing(t, g, s, idRange(99950, 100000))
	if s.pages.Load() != 1 || s.gets.Load() != listAfter-1 || got["99999"] != "listed" {
		t.Errorf("%d pages, %d GETs", s.pages.Load(), s.gets.Load())
	}
}

// A record the whole list lacks is confirmed with its own GET: only the
// platform's answer may say it is gone.
func TestGrowingSnapshot_missingRecordIsAskedFor(t *testing.T) {
	s, _, g := newGrowing(t, 50, 100)
	readGrowing(t, g, s, idRange(0, 5))
	gets := s.gets.Load()
	got := readGrowing(t, g, s, []string{"gone"})
	if got["gone"] != "got" || s.gets.Load() != gets+1 || s.pages.Load() != 1 {
		t.Errorf("the missing record: %q, %d GETs (was %d), %d pages", got["gone"], s.gets.Load(), gets, s.pages.Load())
	}
}

// A process that writes never reads from the list again, and pages read
// before the write are not served after it.
func TestGrowingSnapshot_writesEndIt(t *testing.T) {
	s, c, g := newGrowing(t, 50, 100)
	readGrowing(t, g, s, idRange(0, 5))
	if err := c.Do(context.Background(), http.MethodPost, "/items", nil, map[string]string{}, nil); err != nil {
		t.Fatal(err)
	}
	pages, gets := s.pages.Load(), s.gets.Load()
	got := readGrowing(t, g, s, idRange(0, 5))
	if s.pages.Load() != pages || s.gets.Load() != gets+5 || got["3"] != "got" {
		t.Errorf("after a write: %d pages (was %d), %d GETs (was %d)", s.pages.Load(), pages, s.gets.Load(), gets)
	}
}

// Pages older than the TTL are read again.
func TestGrowingSnapshot_staleAfterTTL(t *testing.T) {
	s, _, g := newGrowing(t, 50, 100)
	now := time.Now()
	g.now = func() time.Time { return now }
	readGrowing(t, g, s, idRange(0, 5))
	now = now.Add(snapshotTTL)
	readGrowing(t, g, s, idRange(0, 5))
	if s.pages.Load() != 2 {
		t.Errorf("%d pages, want the list read again after %s", s.pages.Load(), snapshotTTL)
	}
}

// A failed page: GETs from then on, no error for the read.
func TestGrowingSnapshot_failedPage(t *testing.T) {
	s, _, g := newGrowing(t, 50, 100)
	s.failPages.Store(true)
	got := readGrowing(t, g, s, idRange(0, 10))
	if s.pages.Load() != 1 || s.gets.Load() != 10 || got["9"] != "got" {
		t.Errorf("%d pages, %d GETs", s.pages.Load(), s.gets.Load())
	}
}

// Parallel reads (Terraform's parallelism) read each page once, in order.
func TestGrowingSnapshot_parallelReads(t *testing.T) {
	s, _, g := newGrowing(t, 1000, 100)
	var wg sync.WaitGroup
	for _, id := range idRange(0, 1000) {
		wg.Go(func() {
			if _, err := g.Get(context.Background(), id, s.get); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	for i, n := range s.pageLog {
		if n != i {
			t.Fatalf("pages read in the order %v", s.pageLog)
		}
	}
	if total := s.pages.Load() + s.gets.Load(); total > 2*(10+listAfter) {
		t.Errorf("%d pages and %d GETs for 1,000 parallel reads of a 10-page list", s.pages.Load(), s.gets.Load())
	}
}
