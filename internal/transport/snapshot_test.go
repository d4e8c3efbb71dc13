package transport

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

type item struct {
	ID   string `json:"id"`
	Name string `json:"name"`
}

// itemServer serves GET /items (the whole list) and GET /items/{id}, and
// counts each kind of request.
type itemServer struct {
	mu      sync.Mutex
	items   map[string]string
	lists   atomic.Int64
	listed  atomic.Int64 // records sent in lists
	gets    atomic.Int64
	listErr atomic.Bool
}

func newItemSnapshot(t *testing.T, n int) (*itemServer, *Client, *Snapshot[item], func(context.Context, string) (*item, error)) {
	t.Helper()
	srv := &itemServer{items: map[string]string{}}
	for i := range n {
		srv.items[fmt.Sprint(i)] = fmt.Sprintf("item %d", i)
	}
	hs := newCountingServer(t, func(w http.ResponseWriter, r *http.Request, _ int) {
		srv.mu.Lock()
		defer srv.mu.Unlock()
		switch {
		case r.Method != http.MethodGet:
			writeJSON(w, http.StatusOK, `{}`)
		case r.URL.Path == "/items":
			srv.lists.Add(1)
			if srv.listErr.Load() {
				writeJSON(w, http.StatusBadRequest, `{"message":"no list today"}`)
				return
			}
			var all []item
			want := map[string]bool{}
			if q := r.URL.Query().Get("ids"); q != "" {
				for _, id := range strings.Split(q, ",") {
					want[id] = true
				}
			}
			for id, name := range srv.items {
				if len(want) == 0 || want[id] {
					all = append(all, item{id, name})
				}
			}
			srv.listed.Add(int64(len(all)))
			b, _ := json.Marshal(all)
			writeJSON(w, http.StatusOK, string(b))
		default:
			srv.gets.Add(1)
			id := strings.TrimPrefix(r.URL.Path, "/items/")
			name, ok := srv.items[id]
			if !ok {
				writeJSON(w, http.StatusNotFound, `{"message":"not found"}`)
				return
			}
			b, _ := json.Marshal(item{id, name})
			writeJSON(w, http.StatusOK, string(b))
		}
	})
	c := newTestClient(t, testConfig(hs.URL))
	snap := NewSnapshot(c, "items", func(ctx context.Context) ([]item, error) {
		var out []item
		err := c.Do(ctx, http.MethodGet, "/items", nil, nil, &out)
		return out, err
	}, func(it *item) string { return it.ID })
	get := func(ctx context.Context, id string) (*item, error) {
		var out item
		if err := c.Do(ctx, http.MethodGet, "/items/"+id, nil, nil, &out); err != nil {
			return nil, err
		}
		return &out, nil
	}
	return srv, c, snap, get
}

// reader is a Snapshot or a Batch.
type reader interface {
	Get(ctx context.Context, id string, get func(context.Context, string) (*item, error)) (*item, error)
}

// readAll reads ids 0..n-1 from 10 goroutines, as Terraform's refresh does.
func readAll(t *testing.T, snap reader, get func(context.Context, string) (*item, error), n int) map[string]string {
	t.Helper()
	var mu sync.Mutex
	got := map[string]string{}
	ids := make(chan string)
	var wg sync.WaitGroup
	for range 10 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for id := range ids {
				it, err := snap.Get(context.Background(), id, get)
				if err != nil {
					if !IsNotFound(err) {
						t.Errorf("read %s: %v", id, err)
					}
					continue
				}
				mu.Lock()
				got[id] = it.Name
				mu.Unlock()
			}
		}()
	}
	for i := range n {
		ids <- fmt.Sprint(i)
	}
	close(ids)
	wg.Wait()
	return got
}

func TestSnapshotFewReadsAreGets(t *testing.T) {
	srv, _, snap, get := newItemSnapshot(t, 100)
	readAll(t, snap, get, listAfter-1)
	if srv.lists.Load() != 0 || srv.gets.Load() != listAfter-1 {
		t.Fatalf("%d reads made %d lists and %d gets, want 0 and %d", listAfter-1, srv.lists.Load(), srv.gets.Load(), listAfter-1)
	}
}

func TestSnapshotManyReadsOneList(t *testing.T) {
	srv, _, snap, get := newItemSnapshot(t, 500)
	got := readAll(t, snap, get, 500)
	if len(got) != 500 || got["321"] != "item 321" {
		t.Fatalf("read %d items, item 321 = %q", len(got), got["321"])
	}
	if srv.lists.Load() != 1 || srv.gets.Load() > listAfter-1 {
		t.Fatalf("500 reads made %d lists and %d gets, want 1 list and at most %d gets", srv.lists.Load(), srv.gets.Load(), listAfter-1)
	}
}

func TestSnapshotMissingRecordConfirmedByGet(t *testing.T) {
	srv, _, snap, get := newItemSnapshot(t, 10)
	readAll(t, snap, get, 10) // the list is in
	before := srv.gets.Load()
	// Gone from the list: the platform's own answer to a GET decides.
	if _, err := snap.Get(context.Background(), "99", get); !IsNotFound(err) {
		t.Fatalf("read of a record missing everywhere = %v, want not found", err)
	}
	// Created after the list was fetched: the GET finds it.
	srv.mu.Lock()
	srv.items["42"] = "late"
	srv.mu.Unlock()
	it, err := snap.Get(context.Background(), "42", get)
	if err != nil || it.Name != "late" {
		t.Fatalf("read of a record missing from the list = %v, %v; want it from a GET", it, err)
	}
	if d := srv.gets.Load() - before; d != 2 {
		t.Fatalf("2 records missing from the list made %d gets, want 2", d)
	}
}

func TestSnapshotDroppedOnWrite(t *testing.T) {
	srv, c, snap, get := newItemSnapshot(t, 20)
	readAll(t, snap, get, 20)
	if err := c.Do(context.Background(), http.MethodPut, "/items/3", nil, map[string]string{"name": "x"}, nil); err != nil {
		t.Fatal(err)
	}
	lists, gets := srv.lists.Load(), srv.gets.Load()
	readAll(t, snap, get, 20)
	if srv.lists.Load() != lists || srv.gets.Load()-gets != 20 {
		t.Fatalf("after a write, 20 reads made %d lists and %d gets, want 0 and 20", srv.lists.Load()-lists, srv.gets.Load()-gets)
	}
}

func TestSnapshotListErrorFallsBackToGets(t *testing.T) {
	srv, _, snap, get := newItemSnapshot(t, 30)
	srv.listErr.Store(true)
	got := readAll(t, snap, get, 30)
	if len(got) != 30 {
		t.Fatalf("read %d of 30 items after the list failed", len(got))
	}
	if srv.gets.Load() != 30 {
		t.Fatalf("gets = %d, want 30", srv.gets.Load())
	}
}

func TestSnapshotExpires(t *testing.T) {
	srv, _, snap, get := newItemSnapshot(t, 10)
	now := time.Now()
	snap.now = func() time.Time { return now }
	readAll(t, snap, get, 10)
	now = now.Add(snapshotTTL + time.Second)
	readAll(t, snap, get, 10)
	if srv.lists.Load() != 2 {
		t.Fatalf("lists = %d, want a new list once the first is %v old", srv.lists.Load(), snapshotTTL)
	}
}

func TestSnapshotRecordsAreCopies(t *testing.T) {
	_, _, snap, get := newItemSnapshot(t, 5)
	readAll(t, snap, get, 5)
	a, _ := snap.Get(context.Background(), "4", get)
	a.Name = "changed by a caller"
	b, _ := snap.Get(context.Background(), "4", get)
	if b.Name != "item 4" {
		t.Fatalf("a caller's change leaked into the shared list: %q", b.Name)
	}
}

func TestSnapshotNeverListsAfterAWrite(t *testing.T) {
	srv, c, snap, get := newItemSnapshot(t, 20)
	if err := c.Do(context.Background(), http.MethodDelete, "/items/3", nil, nil, nil); err != nil {
		t.Fatal(err)
	}
	readAll(t, snap, get, 20)
	if srv.lists.Load() != 0 || srv.gets.Load() != 20 {
		t.Fatalf("in a process that wrote, 20 reads made %d lists and %d gets, want 0 and 20", srv.lists.Load(), srv.gets.Load())
	}
}

func TestSnapshotWriteDuringListNotServed(t *testing.T) {
	srv, c, _, get := newItemSnapshot(t, 20)
	// Another resource writes while the list is on its way.
	snap := NewSnapshot(c, "items", func(ctx context.Context) ([]item, error) {
		if err := c.Do(ctx, http.MethodPut, "/items/3", nil, map[string]string{"name": "x"}, nil); err != nil {
			return nil, err
		}
		var out []item
		err := c.Do(ctx, http.MethodGet, "/items", nil, nil, &out)
		return out, err
	}, func(it *item) string { return it.ID })
	readAll(t, snap, get, 20)
	if srv.lists.Load() != 1 || srv.gets.Load() != 20 {
		t.Fatalf("a list overtaken by a write served reads: %d lists, %d gets, want 1 and 20", srv.lists.Load(), srv.gets.Load())
	}
}

// pagedSnapshot lists the item server's whole store, whose cost is
// ceil(total / 20) requests, asked with one request.
func pagedSnapshot(t *testing.T, n int) (*itemServer, *Snapshot[item], func(context.Context, string) (*item, error), *atomic.Int64) {
	srv, c, plain, get := newItemSnapshot(t, n)
	var costed atomic.Int64
	snap := NewPagedSnapshot(c, "items", plain.list, plain.idOf, func(context.Context) (int, error) {
		costed.Add(1)
		srv.mu.Lock()
		defer srv.mu.Unlock()
		return (len(srv.items) + 19) / 20, nil
	})
	return srv, snap, get, &costed
}

func TestPagedSnapshotListsWhenGetsCostAsMuch(t *testing.T) {
	srv, snap, get, costed := pagedSnapshot(t, 100) // 5 pages
	if got := readAll(t, snap, get, 100); len(got) != 100 {
		t.Fatalf("read %d of 100", len(got))
	}
	if costed.Load() != 1 || srv.lists.Load() != 1 || srv.gets.Load() > 20 {
		t.Fatalf("100 reads of a 5-page store: cost asked %d times, %d lists, %d gets; want 1, 1 and about 5",
			costed.Load(), srv.lists.Load(), srv.gets.Load())
	}
}

func TestPagedSnapshotBigStoreStaysWithGets(t *testing.T) {
	srv, snap, get, _ := pagedSnapshot(t, 2000) // 100 pages
	readAll(t, snap, get, 40)
	if srv.lists.Load() != 0 || srv.gets.Load() != 40 {
		t.Fatalf("40 reads of a 100-page store made %d lists and %d gets, want 0 and 40", srv.lists.Load(), srv.gets.Load())
	}
}
