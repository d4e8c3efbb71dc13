package transport

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"strconv"
)

// MaxPages bounds a listing: a server that never says "last page" gets an
// error, not an endless loop.
const MaxPages = 10000

// PageInfo is what a list answer says about the pages beyond its items.
// Fill what the API gives; the PageStyle decides what it trusts.
type PageInfo struct {
	// HasNext is the answer's own "more pages" flag.
	HasNext bool
	// Total counts the records of all pages; 0 when not given.
	Total int
	// LastPage is the number of the last page; 0 when not given.
	LastPage int
}

// PageStyle is how a list endpoint pages: the query of each page, and when
// to stop. Build one with WholeList (also the zero value), SkipCount,
// PageNumbers or OffsetHasNext.
type PageStyle struct {
	stop      stopRule
	sizeParam string
	posParam  string // the offset, or the page number
	size      int
	maxPages  int // tests shorten it; 0 means MaxPages
}

type stopRule int

const (
	stopAfterOne   stopRule = iota // the whole list in one answer
	stopShortPage                  // fewer items than asked for
	stopTotal                      // Total or LastPage reached
	stopHasNextOff                 // HasNext false
)

// WholeList is an endpoint that answers with every record at once; the
// query is empty.
func WholeList() PageStyle { return PageStyle{stop: stopAfterOne} }

// SkipCount asks for size records (countParam) after skipping the ones
// already read (skipParam), and stops at a page shorter than size: the
// API gives no other sign of the end (Razorpay's count/skip).
func SkipCount(skipParam, countParam string, size int) PageStyle {
	return PageStyle{stop: stopShortPage, posParam: skipParam, sizeParam: countParam, size: size}
}

// PageNumbers asks for page 1, 2, … (pageParam) of size records
// (sizeParam), and stops once PageInfo.Total records or PageInfo.LastPage
// pages are read; at a short page when the answer gives neither.
func PageNumbers(pageParam, sizeParam string, size int) PageStyle {
	return PageStyle{stop: stopTotal, posParam: pageParam, sizeParam: sizeParam, size: size}
}

// OffsetHasNext asks for size records (limitParam) from an offset
// (offsetParam), and stops when PageInfo.HasNext is false.
func OffsetHasNext(offsetParam, limitParam string, size int) PageStyle {
	return PageStyle{stop: stopHasNextOff, posParam: offsetParam, sizeParam: limitParam, size: size}
}

// query is the paging part of the query for the page after read records,
// page counted from 1.
func (s PageStyle) query(page, read int) url.Values {
	q := url.Values{}
	switch s.stop {
	case stopAfterOne:
		return q
	case stopTotal:
		q.Set(s.posParam, strconv.Itoa(page))
	default:
		// Offsets advance by what came back, not by size: a server that
		// caps the page lower than asked loses no records.
		q.Set(s.posParam, strconv.Itoa(read))
	}
	q.Set(s.sizeParam, strconv.Itoa(s.size))
	return q
}

// done says whether page (counted from 1), which brought got items and
// took the total read to read, was the last.
func (s PageStyle) done(page, got, read int, info PageInfo) bool {
	if got == 0 || s.stop == stopAfterOne {
		return true
	}
	switch s.stop {
	case stopHasNextOff:
		return !info.HasNext
	case stopTotal:
		if info.Total > 0 || info.LastPage > 0 {
			return (info.Total > 0 && read >= info.Total) || (info.LastPage > 0 && page >= info.LastPage)
		}
	}
	return got < s.size
}

// Paginate reads every page of a list with style and returns all items.
// fetch sends one page's request with the paging parameters q (adding its
// own filters) and returns the page's items and what it says about the
// rest. It is bounded by MaxPages and honours ctx before every page.
func Paginate[T any](ctx context.Context, style PageStyle, fetch func(ctx context.Context, q url.Values) ([]T, PageInfo, error)) ([]T, error) {
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

// Pages is Paginate for a caller that may stop early: yield gets each item
// in order, and returning false stops before the next page is requested.
func Pages[T any](ctx context.Context, style PageStyle, fetch func(ctx context.Context, q url.Values) ([]T, PageInfo, error), yield func(T) bool) error {
	if style.stop != stopAfterOne && style.size <= 0 {
		return errors.New("listing: the page size must be positive")
	}
	limit := style.maxPages
	if limit <= 0 {
		limit = MaxPages
	}
	read := 0
	for page := 1; page <= limit; page++ {
		if err := ctx.Err(); err != nil {
			return err
		}
		items, info, err := fetch(ctx, style.query(page, read))
		if err != nil {
			if page > 1 {
				return fmt.Errorf("reading page %d of the list: %w", page, err)
			}
			return err
		}
		if items == nil {
			// An empty list is [], not a missing key: an answer without
			// the list (an empty body, a proxy's page) must not read as
			// "no records", least of all in a lost create's lookup.
			return fmt.Errorf("listing: the answer to page %d holds no list", page)
		}
		read += len(items)
		for _, item := range items {
			if !yield(item) {
				return nil
			}
		}
		if style.done(page, len(items), read, info) {
			return nil
		}
	}
	return fmt.Errorf("listing: still no last page after %d pages; the server may be ignoring the paging parameters", limit)
}
