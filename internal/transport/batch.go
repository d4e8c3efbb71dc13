package transport

import (
	"context"
	"errors"
	"sync"
	"time"

	"github.com/hashicorp/terraform-plugin-log/tflog"
)

// batchWait is how long the first read of a batch waits for others to join.
// Terraform starts reads together (up to its parallelism), so they arrive
// within a millisecond or two of each other.
const batchWait = 5 * time.Millisecond

// errWritten stops a batched read in a process that has begun writing.
var errWritten = errors.New("this provider process has written: reading record by record")

// Batch serves reads of one record type from list requests filtered by id
// (AximCommerce's id:in): reads that arrive together, up to a page, share
// one request. Unlike a Snapshot it never lists records Terraform does not
// manage, so it pays whatever the store's size. Like a Snapshot it is not
// used once this process writes, and a record the list lacks is asked for
// with its own GET.
type Batch[W any] struct {
	client *Client
	what   string
	size   int
	list   func(ctx context.Context, ids []string) ([]W, error)
	idOf   func(*W) string

	mu      sync.Mutex
	pending *batchRound[W]
}

type batchRound[W any] struct {
	ids    []string
	full   chan struct{} // closed when ids reach the batch size
	done   chan struct{}
	writes uint64
	byID   map[string]*W
	err    error
}

// NewBatch reads up to size records per list call.
func NewBatch[W any](client *Client, what string, size int, list func(ctx context.Context, ids []string) ([]W, error), idOf func(*W) string) *Batch[W] {
	return &Batch[W]{client: client, what: what, size: max(1, size), list: list, idOf: idOf}
}

// Get returns record id, read with others in one list request, or from get
// once this process has written or when the list lacks it.
func (b *Batch[W]) Get(ctx context.Context, id string, get func(context.Context, string) (*W, error)) (*W, error) {
	if b.client.Writes() != 0 {
		return get(ctx, id)
	}
	round, leader := b.join(id)
	if leader {
		b.lead(ctx, round)
	}
	select {
	case <-round.done:
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	return fromList(ctx, id, round.byID, round.err == nil && round.writes == b.client.Writes(), get)
}

// join adds id to the open round, opening one (and leading it) if none.
func (b *Batch[W]) join(id string) (*batchRound[W], bool) {
	b.mu.Lock()
	defer b.mu.Unlock()
	round, leader := b.pending, false
	if round == nil {
		round = &batchRound[W]{full: make(chan struct{}), done: make(chan struct{})}
		b.pending, leader = round, true
	}
	round.ids = append(round.ids, id)
	if len(round.ids) == b.size {
		b.pending = nil
		close(round.full)
	}
	return round, leader
}

// batchRechecks bounds how often a round looks again at the rate limit
// before it closes: requests outside the batch that keep taking the next
// turn cannot hold its reads back for ever.
const batchRechecks = 4

// lead waits for the round to fill, then lists it.
func (b *Batch[W]) lead(ctx context.Context, round *batchRound[W]) {
	b.fill(ctx, round)
	b.mu.Lock()
	if b.pending == round {
		b.pending = nil
	}
	ids := round.ids
	round.writes = b.client.Writes()
	b.mu.Unlock()

	defer close(round.done)
	if round.writes != 0 {
		// A write may still be on its way: each read asks for itself.
		round.err = errWritten
		return
	}
	all, err := b.list(ctx, ids)
	if err != nil {
		round.err = err
		tflog.Debug(ctx, "batched read failed: reading record by record", map[string]any{
			"platform": b.client.cfg.Platform, "records": b.what, "error": err.Error(),
		})
		return
	}
	round.byID = byID(all, b.idOf)
	tflog.Debug(ctx, "read records in one batch", map[string]any{
		"platform": b.client.cfg.Platform, "records": b.what, "asked": len(ids), "listed": len(all),
	})
}

// fill returns when the round is full, or once the rate limit would let its
// request out now. The limit is looked at again when each wait ends, not
// only when the round opened: a round opened just before another request
// took the next turn would otherwise close small and wait for its turn
// closed, and the reads it left out would form rounds out of step with it
// for the rest of the refresh (two half rounds per turn, twice the
// requests). Each wait lasts batchWait past the turn, so a request already
// waiting for that turn takes it first and the round sees it must wait on.
func (b *Batch[W]) fill(ctx context.Context, round *batchRound[W]) {
	wait := batchWait + b.client.cfg.Limiter.delay()
	for range batchRechecks {
		t := time.NewTimer(wait)
		select {
		case <-round.full:
			t.Stop()
			return
		case <-ctx.Done():
			t.Stop()
			return
		case <-t.C:
		}
		d := b.client.cfg.Limiter.delay()
		if d <= 0 {
			return
		}
		wait = batchWait + d
	}
}
