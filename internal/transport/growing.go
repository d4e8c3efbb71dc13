package transport

import (
	"context"
	"sync"
	"time"

	"github.com/hashicorp/terraform-plugin-log/tflog"
)

// GrowingSnapshot serves reads from a list whose size no answer states
// (Razorpay's: count and skip, newest first, no total; Stripe's:
// starting_after cursors, through NumberedPages), read a page at a time as
// reads need it. A read looks in the pages read so far; when its
// record is not there, the next page is read, as long as the pages read
// do not outnumber the reads: the list never costs more requests than
// GETs would have, so a plan costs at most twice the cheaper of the two
// whatever the store's size and whichever records Terraform manages. A
// record the whole list lacks, or one past the budget, is read with its
// own GET: only the platform's answer to it may say "gone".
//
// The rules of Snapshot hold: the first listAfter-1 reads are GETs, a
// process that has written anything never uses the list, a list overtaken
// by a write is dropped, and pages older than snapshotTTL are read again.
type GrowingSnapshot[W any] struct {
	client *Client
	what   string // "customers", for logs
	// page reads page n (from 0) and says whether it was the last.
	page func(ctx context.Context, n int) (items []W, last bool, err error)
	idOf func(*W) string
	now  func() time.Time

	// mu is held while a page is read: the reads waiting would ask for
	// the same page.
	mu     sync.Mutex
	reads  int
	pages  int  // pages read into byID
	done   bool // the last page is read
	failed bool // a page failed: GETs from now on
	at     time.Time
	writes uint64 // the client's write count when the first page was read
	byID   map[string]*W
}

// NewGrowingSnapshot serves reads from page; idOf gives a listed record's
// id as Get receives it.
func NewGrowingSnapshot[W any](client *Client, what string, page func(ctx context.Context, n int) ([]W, bool, error), idOf func(*W) string) *GrowingSnapshot[W] {
	return &GrowingSnapshot[W]{client: client, what: what, page: page, idOf: idOf, now: time.Now}
}

// Get returns record id from the pages read (reading the next while the
// budget allows), else from get (one GET).
func (g *GrowingSnapshot[W]) Get(ctx context.Context, id string, get func(context.Context, string) (*W, error)) (*W, error) {
	g.mu.Lock()
	if g.client.Writes() != 0 {
		g.reset()
		g.mu.Unlock()
		return get(ctx, id)
	}
	g.reads++
	if g.byID != nil && (g.now().Sub(g.at) >= snapshotTTL || g.writes != g.client.Writes()) {
		g.reset()
	}
	for {
		if rec, ok := g.byID[id]; ok {
			out := *rec
			g.mu.Unlock()
			return &out, nil
		}
		if g.done || g.failed || g.reads < listAfter || g.pages >= g.reads {
			g.mu.Unlock()
			return get(ctx, id)
		}
		g.readPage(ctx)
	}
}

// readPage reads the next page into byID (g.mu held).
func (g *GrowingSnapshot[W]) readPage(ctx context.Context) {
	if g.pages == 0 {
		g.at, g.writes, g.byID = g.now(), g.client.Writes(), map[string]*W{}
	}
	items, last, err := g.page(ctx, g.pages)
	if err != nil {
		g.failed = true
		tflog.Debug(ctx, "listing failed: refreshing record by record", map[string]any{
			"platform": g.client.cfg.Platform, "records": g.what, "page": g.pages, "error": err.Error(),
		})
		return
	}
	g.pages++
	g.done = last || len(items) == 0
	for i := range items {
		// A record created while paging shifts the pages: a record seen
		// twice keeps its first (newer) copy.
		if id := g.idOf(&items[i]); g.byID[id] == nil {
			g.byID[id] = &items[i]
		}
	}
	tflog.Debug(ctx, "refreshing from the list", map[string]any{
		"platform": g.client.cfg.Platform, "records": g.what, "pages": g.pages, "listed": len(g.byID),
	})
}

// reset forgets the pages read (g.mu held); the budget of reads stays.
func (g *GrowingSnapshot[W]) reset() {
	g.pages, g.done, g.byID = 0, false, nil
}
