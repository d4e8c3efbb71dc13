package transport

import (
	"context"
	"fmt"
	"iter"
	"net/http"
	"net/url"
	"sync"
)

// MaxPages bounds a listing: a server that never says "last page" gets an
// error, not an endless loop.
const MaxPages = 10000

// PageInfo is what a list answer says about the pages beyond its items.
// Fill what the API gives; the PageStyle decides what it trusts.
type PageInfo struct {
	// HasNext is the answer's own "more pages" flag (has_next, has_more).
	HasNext bool
	// Total counts the records of all pages; 0 when not given.
	Total int
	// LastPage is the number of the last page; 0 when not given.
	LastPage int
	// Next is the cursor the answer gives for the next page (next_cursor,
	// next_page_token); "" on the last page.
	Next string
	// Header is the answer's headers (see ResponseHeader), for a Link
	// header to the next page.
	Header http.Header
}

// FetchPage sends one page's request with the paging parameters q (adding
// its own filters, except for NextLink) and returns the page's items and
// what the answer says about the rest.
type FetchPage[T any] func(ctx context.Context, q url.Values) ([]T, PageInfo, error)

// Each lists the items of every page in order. A page is requested only
// once the caller has taken every item before it: a caller that stops
// early (break) requests no more pages. An error ends the sequence as its
// last pair. Listing is bounded by MaxPages, refuses a paging query that
// comes round again, and honours ctx before every page.
//
//	for c, err := range transport.Each(ctx, style, fetch) {
//		if err != nil {
//			return err
//		}
//		...
//	}
func Each[T any](ctx context.Context, style PageStyle, fetch FetchPage[T]) iter.Seq2[T, error] {
	return func(yield func(T, error) bool) {
		// eachPage returns nil once yield has said stop.
		err := eachPage(ctx, style, fetch, func(items []T) bool {
			for _, item := range items {
				if !yield(item, nil) {
					return false
				}
			}
			return true
		})
		if err != nil {
			var zero T
			yield(zero, err)
		}
	}
}

// Pages is Each for a callback: yield gets each item in order, and
// returning false stops before the next page is requested.
func Pages[T any](ctx context.Context, style PageStyle, fetch FetchPage[T], yield func(T) bool) error {
	for item, err := range Each(ctx, style, fetch) {
		if err != nil {
			return err
		}
		if !yield(item) {
			return nil
		}
	}
	return nil
}

// Paginate reads every page of a list and returns all items (never nil
// without an error).
func Paginate[T any](ctx context.Context, style PageStyle, fetch FetchPage[T]) ([]T, error) {
	all := []T{}
	err := Pages(ctx, style, fetch, func(item T) bool {
		all = append(all, item)
		return true
	})
	if err != nil {
		return nil, err
	}
	return all, nil
}

// eachPage fetches page after page as style says, handing each to yield
// until it returns false.
func eachPage[T any](ctx context.Context, style PageStyle, fetch FetchPage[T], yield func([]T) bool) error {
	if style.err != nil {
		return style.err
	}
	q := firstQuery(style)
	// A server that ignores the cursor (or offset) would send us round in
	// circles: every paging query is sent once at most.
	sent := map[string]bool{}
	read := 0
	for page := 1; page <= MaxPages; page++ {
		key := q.Encode()
		if sent[key] {
			return fmt.Errorf("listing: page %d leads back to a page already read (%s); the server may be ignoring the paging parameters", page-1, key)
		}
		sent[key] = true
		if err := ctx.Err(); err != nil {
			return err
		}
		items, info, err := fetch(ctx, q)
		if err != nil {
			if page > 1 {
				return fmt.Errorf("reading page %d of the list: %w", page, err)
			}
			return err
		}
		if items == nil {
			return errNoList(page)
		}
		read += len(items)
		if !yield(items) {
			return nil
		}
		var more bool
		if q, more, err = nextQuery(style, page, read, items, info); err != nil || !more {
			return err
		}
	}
	return fmt.Errorf("listing: still no last page after %d pages; the server may be ignoring the paging parameters", MaxPages)
}

// firstQuery is the paging query of the first page.
func firstQuery(style PageStyle) url.Values {
	if style.first == nil {
		return url.Values{}
	}
	return style.first()
}

// nextQuery is the paging query of the page after page number (from 1),
// which brought items and the answer's info, read items having been read
// in all; false when it was the last.
func nextQuery[T any](style PageStyle, number, read int, items []T, info PageInfo) (url.Values, bool, error) {
	if style.next == nil {
		return nil, false, nil
	}
	p := lastPage{number: number, got: len(items), read: read, info: info}
	if len(items) > 0 {
		p.last = items[len(items)-1]
	}
	return style.next(p)
}

// errNoList refuses an answer without the list. An empty list is [], not
// a missing key: an answer without the list (an empty body, a proxy's
// page) must not read as "no records", least of all in a lost create's
// lookup or a refresh that would call every record gone.
func errNoList(page int) error {
	return fmt.Errorf("listing: the answer to page %d holds no list", page)
}

// NumberedPages reads a list paged by style, one page a call, as a
// GrowingSnapshot asks for them: page n (from 0) and whether it was the
// last. A cursor list (AfterLast, NextCursor) names each page from the
// answer to the page before, so the pages must be asked in order: page 0
// starts (or starts again), then 1, 2, ...; any other page is an error, as
// is every page after a failed one until page 0 starts again.
func NumberedPages[T any](style PageStyle, fetch FetchPage[T]) func(ctx context.Context, n int) ([]T, bool, error) {
	var (
		mu   sync.Mutex
		q    url.Values // the query of page at; nil when none is known
		at   int
		read int
	)
	return func(ctx context.Context, n int) ([]T, bool, error) {
		mu.Lock()
		defer mu.Unlock()
		if style.err != nil {
			return nil, false, style.err
		}
		if n == 0 {
			q, at, read = firstQuery(style), 0, 0
		} else if n != at || q == nil {
			return nil, false, fmt.Errorf("listing: page %d asked out of order (the next page is %d)", n+1, at+1)
		}
		this := q
		q = nil // known again once this page is read
		items, info, err := fetch(ctx, this)
		if err != nil {
			return nil, false, err
		}
		if items == nil {
			return nil, false, errNoList(n + 1)
		}
		read += len(items)
		next, more, err := nextQuery(style, n+1, read, items, info)
		if err != nil {
			return nil, false, err
		}
		if more {
			q, at = next, n+1
		}
		return items, !more, nil
	}
}
