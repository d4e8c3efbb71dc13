package transport

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

func newItemBatch(t *testing.T, n int) (*itemServer, *Client, *Batch[item], func(context.Context, string) (*item, error)) {
	t.Helper()
	srv, c, _, get := newItemSnapshot(t, n)
	b := NewBatch(c, "items", 10, func(ctx context.Context, ids []string) ([]item, error) {
		var out []item
		err := c.Do(ctx, http.MethodGet, "/items", url.Values{"ids": {strings.Join(ids, ",")}}, nil, &out)
		return out, err
	}, func(it *item) string { return it.ID })
	return srv, c, b, get
}

func TestBatchReadsTogether(t *testing.T) {
	srv, _, b, get := newItemBatch(t, 1000)
	got := readAll(t, b, get, 300)
	if len(got) != 300 || got["123"] != "item 123" {
		t.Fatalf("read %d items, item 123 = %q", len(got), got["123"])
	}
	// Only managed records are listed, however big the store.
	if srv.listed.Load() != 300 {
		t.Errorf("lists carried %d records, want the 300 asked for", srv.listed.Load())
	}
	// 10 readers: rounds of up to 10; a round may close early on its timer.
	if lists := srv.lists.Load(); lists > 300/10*2 || srv.gets.Load() != 0 {
		t.Errorf("300 reads made %d lists and %d gets, want about 30 lists and no gets", lists, srv.gets.Load())
	}
}

func TestBatchMissingRecordConfirmedByGet(t *testing.T) {
	srv, _, b, get := newItemBatch(t, 5)
	if _, err := b.Get(context.Background(), "77", get); !IsNotFound(err) {
		t.Fatalf("read of a missing record = %v, want the GET's not found", err)
	}
	if srv.gets.Load() != 1 {
		t.Fatalf("gets = %d, want 1 to confirm", srv.gets.Load())
	}
}

func TestBatchNotUsedAfterWrite(t *testing.T) {
	srv, c, b, get := newItemBatch(t, 20)
	if err := c.Do(context.Background(), http.MethodPost, "/items", nil, map[string]string{"name": "x"}, nil); err != nil {
		t.Fatal(err)
	}
	readAll(t, b, get, 20)
	if srv.lists.Load() != 0 || srv.gets.Load() != 20 {
		t.Fatalf("after a write, 20 reads made %d lists and %d gets, want 0 and 20", srv.lists.Load(), srv.gets.Load())
	}
}

func TestBatchListErrorFallsBackToGets(t *testing.T) {
	srv, _, b, get := newItemBatch(t, 20)
	srv.listErr.Store(true)
	if got := readAll(t, b, get, 20); len(got) != 20 {
		t.Fatalf("read %d of 20 after the list failed", len(got))
	}
	if srv.gets.Load() != 20 {
		t.Fatalf("gets = %d, want 20", srv.gets.Load())
	}
}

// While the rate limit holds requests back, a round stays open for the
// reads that arrive meanwhile: rounds fill up even when reads trickle in.
// At 10 requests/s a round waits 100 ms for its turn, ten times the
// longest pause between one worker's reads, so even a loaded machine
// (-race, other packages' tests) fills every round; a round that closed
// at once would hold the one to three reads already waiting. Rounds that
// fell out of step (see TestBatchRoundLooksAgainAtTheLimit) took 20 lists
// here in 1 run of 20.
func TestBatchFillsWhileRateLimited(t *testing.T) {
	srv, c, b, get := newItemBatch(t, 100)
	c.cfg.Limiter = pacedLimiter(10, 1)
	c.http.HTTPClient.Transport.(*rateLimitTransport).limiter = c.cfg.Limiter
	var wg sync.WaitGroup
	var failed atomic.Int64
	for w := range 10 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := w; i < 100; i += 10 {
				// Terraform's own work between reads: they trickle in.
				time.Sleep(time.Duration(1+(i*7)%10) * time.Millisecond)
				if _, err := b.Get(context.Background(), fmt.Sprint(i), get); err != nil {
					failed.Add(1)
				}
			}
		}()
	}
	wg.Wait()
	if failed.Load() != 0 {
		t.Fatalf("%d reads failed", failed.Load())
	}
	if lists := srv.lists.Load(); lists > 100/10+5 {
		t.Errorf("100 reads at 10 requests/s took %d lists, want about 10", lists)
	}
}

// A round opened while the next turn was free, which another request took
// before the round's wait ended, stays open while it waits for the turn
// after: a read arriving meanwhile joins it. Closed at once, the round would
// wait for its turn with one read, and the late read would need a second
// list (and, in a refresh, rounds out of step with each other thereafter).
func TestBatchRoundLooksAgainAtTheLimit(t *testing.T) {
	srv, c, b, get := newItemBatch(t, 10)
	lim := pacedLimiter(5, 1) // a turn every 200 ms
	c.cfg.Limiter = lim
	c.http.HTTPClient.Transport.(*rateLimitTransport).limiter = lim
	ctx := context.Background()
	var wg sync.WaitGroup
	read := func(id string) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if _, err := b.Get(ctx, id, get); err != nil {
				t.Errorf("read %s: %v", id, err)
			}
		}()
	}
	read("1")
	for opened := false; !opened; runtime.Gosched() {
		b.mu.Lock()
		opened = b.pending != nil
		b.mu.Unlock()
	}
	// Another request takes the free turn while the round waits batchWait.
	if err := lim.Wait(ctx); err != nil {
		t.Fatal(err)
	}
	time.Sleep(4 * batchWait)
	read("2")
	wg.Wait()
	if lists := srv.lists.Load(); lists != 1 {
		t.Errorf("two reads %v apart, both waiting for the same turn, took %d lists, want 1", 4*batchWait, lists)
	}
}
