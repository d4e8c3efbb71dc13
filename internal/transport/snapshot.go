package transport

import (
	"context"
	"sync"
	"time"

	"github.com/hashicorp/terraform-plugin-log/tflog"
)

// Refresh by list: a plan refreshes every managed record, one GET each.
// A platform whose list endpoint returns whole records can serve those
// reads from one list request instead. A Snapshot fetches the list once the
// reads show that it pays (listAfter reads), shares it between every read
// of this provider process, and stops using it as soon as this process
// writes: a plan writes nothing, an apply reads little.
const (
	// listAfter is the read that fetches the list: a plan of one or two
	// records never pays for a list.
	listAfter = 3
	// snapshotTTL bounds how old a list may be when it answers a read, so a
	// long-lived process never serves yesterday's records.
	snapshotTTL = 30 * time.Second
)

// Snapshot serves reads of one record type from the platform's list.
type Snapshot[W any] struct {
	client *Client
	what   string // "customers", for logs
	list   func(ctx context.Context) ([]W, error)
	idOf   func(*W) string
	now    func() time.Time
	// cost, if set, says how many requests the list takes (a paged list
	// of the whole store); nil means one.
	cost func(ctx context.Context) (int, error)

	mu    sync.Mutex
	reads int
	cur   *listFetch[W]
	// pages is the list's cost once asked: 0 unknown, -1 unknowable.
	pages   int
	costing bool
}

type listFetch[W any] struct {
	done   chan struct{}
	at     time.Time
	writes uint64 // the client's write count when the fetch began
	byID   map[string]*W
	err    error
}

// NewSnapshot serves reads through client's list call; idOf gives a
// listed record's id as Read receives it.
func NewSnapshot[W any](client *Client, what string, list func(ctx context.Context) ([]W, error), idOf func(*W) string) *Snapshot[W] {
	return &Snapshot[W]{client: client, what: what, list: list, idOf: idOf, now: time.Now}
}

// NewPagedSnapshot is a Snapshot of a list paged over the whole store, whose
// cost is asked once (cost: requests the whole list takes). Whether listing
// pays depends on how much of the store Terraform manages, which no read
// can tell; so reads are GETs until they have cost as much as the list
// would, and the list serves the rest (the ski-rental rule: never more
// than twice the cheaper of the two).
func NewPagedSnapshot[W any](client *Client, what string, list func(ctx context.Context) ([]W, error), idOf func(*W) string,
	cost func(ctx context.Context) (int, error),
) *Snapshot[W] {
	s := NewSnapshot(client, what, list, idOf)
	s.cost = cost
	return s
}

// Get returns record id from the list when one is worth having and still
// fresh, else from get (one GET). A record missing from the list is asked
// for with get too: only the platform's own answer to it may say "gone".
func (s *Snapshot[W]) Get(ctx context.Context, id string, get func(context.Context, string) (*W, error)) (*W, error) {
	f := s.fetch(ctx)
	if f == nil {
		return get(ctx, id)
	}
	select {
	case <-f.done:
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	return fromList(ctx, id, f.byID, f.err == nil && f.writes == s.client.Writes(), get)
}

// fromList answers a read from listed records: a copy of record id (callers
// may keep or change it; the list is shared), or, when the list is not
// usable (it failed, or a write overtook it) or lacks the record, the
// record's own GET: only the platform's answer to it may say "gone".
func fromList[W any](ctx context.Context, id string, listed map[string]*W, usable bool, get func(context.Context, string) (*W, error)) (*W, error) {
	rec, ok := listed[id]
	if !usable || !ok {
		return get(ctx, id)
	}
	out := *rec
	return &out, nil
}

// byID indexes listed records by their id.
func byID[W any](all []W, idOf func(*W) string) map[string]*W {
	m := make(map[string]*W, len(all))
	for i := range all {
		m[idOf(&all[i])] = &all[i]
	}
	return m
}

// paysNow reports whether listing pays by now, asking the list's cost once
// (s.mu held; released while asking, when this read stays a GET).
func (s *Snapshot[W]) paysNow(ctx context.Context) bool {
	if s.cost == nil {
		return true
	}
	if s.pages == 0 && !s.costing {
		s.costing = true
		s.mu.Unlock()
		n, err := s.cost(ctx)
		s.mu.Lock()
		s.costing = false
		s.pages = n
		if err != nil || n <= 0 {
			s.pages = -1
		}
		return false
	}
	return s.pages > 0 && s.reads > s.pages
}

// fetch returns the list fetch that serves this read, starting it when due,
// or nil when this read should be a GET.
func (s *Snapshot[W]) fetch(ctx context.Context) *listFetch[W] {
	s.mu.Lock()
	if s.client.Writes() != 0 {
		s.cur = nil
		s.mu.Unlock()
		return nil
	}
	s.reads++
	if s.cur != nil && s.now().Sub(s.cur.at) < snapshotTTL {
		f := s.cur
		s.mu.Unlock()
		return f
	}
	if s.reads < listAfter || !s.paysNow(ctx) {
		s.mu.Unlock()
		return nil
	}
	f := &listFetch[W]{done: make(chan struct{}), at: s.now(), writes: s.client.Writes()}
	s.cur = f
	s.mu.Unlock()

	defer close(f.done)
	all, err := s.list(ctx)
	if err != nil {
		f.err = err
		tflog.Debug(ctx, "listing failed: refreshing record by record", map[string]any{
			"platform": s.client.cfg.Platform, "records": s.what, "error": err.Error(),
		})
		return f
	}
	f.byID = byID(all, s.idOf)
	tflog.Debug(ctx, "refreshing from the list", map[string]any{
		"platform": s.client.cfg.Platform, "records": s.what, "listed": len(all),
	})
	return f
}
