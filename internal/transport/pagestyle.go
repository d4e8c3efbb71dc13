package transport

import (
	"errors"
	"net/url"
	"strconv"
)

// PageStyle is how a list endpoint pages: the paging query of the first
// page, and from what the last page brought, the next page's query or the
// end. Build one with WholeList (also the zero value), SkipCount,
// PageNumbers, OffsetHasNext, AfterLast, NextCursor or NextLink.
type PageStyle struct {
	first func() url.Values
	// next is the paging query of the page after p, or false when p was
	// the last one.
	next func(p lastPage) (url.Values, bool, error)
	err  error // a style that cannot page: reported before any request
}

// lastPage is what a style may look at to find the next page.
type lastPage struct {
	number int      // of the page just read, from 1
	got    int      // items it brought
	read   int      // items of all pages so far
	last   any      // its last item; nil when it brought none
	info   PageInfo // what the answer said about the rest
}

var errPageSize = errors.New("listing: the page size must be positive")

// paged is the shape of the styles that ask for size items (sizeParam) at
// a position (posParam) of their own.
func paged(posParam string, start int, sizeParam string, size int, next func(p lastPage) (pos int, more bool)) PageStyle {
	if size <= 0 {
		return PageStyle{err: errPageSize}
	}
	query := func(pos int) url.Values {
		return url.Values{posParam: {strconv.Itoa(pos)}, sizeParam: {strconv.Itoa(size)}}
	}
	return PageStyle{
		first: func() url.Values { return query(start) },
		next: func(p lastPage) (url.Values, bool, error) {
			// An empty page cannot advance an offset, whatever the
			// answer claims about more.
			if p.got == 0 {
				return nil, false, nil
			}
			pos, more := next(p)
			return query(pos), more, nil
		},
	}
}

// WholeList is an endpoint that answers with every record at once; the
// query is empty.
func WholeList() PageStyle { return PageStyle{} }

// SkipCount asks for size records (countParam) after skipping the ones
// already read (skipParam), and stops at a page shorter than size: the
// API gives no other sign of the end (Razorpay's count/skip).
func SkipCount(skipParam, countParam string, size int) PageStyle {
	// Offsets advance by what came back, not by size: a server that caps
	// the page lower than asked loses no records.
	return paged(skipParam, 0, countParam, size, func(p lastPage) (int, bool) {
		return p.read, p.got >= size
	})
}

// PageNumbers asks for page 1, 2, … (pageParam) of size records
// (sizeParam), and stops once PageInfo.Total records or PageInfo.LastPage
// pages are read; at a short page when the answer gives neither.
func PageNumbers(pageParam, sizeParam string, size int) PageStyle {
	return paged(pageParam, 1, sizeParam, size, func(p lastPage) (int, bool) {
		total, lastPage := p.info.Total, p.info.LastPage
		if total <= 0 && lastPage <= 0 {
			return p.number + 1, p.got >= size
		}
		done := (total > 0 && p.read >= total) || (lastPage > 0 && p.number >= lastPage)
		return p.number + 1, !done
	})
}

// OffsetHasNext asks for size records (limitParam) from an offset
// (offsetParam), and stops when PageInfo.HasNext is false.
func OffsetHasNext(offsetParam, limitParam string, size int) PageStyle {
	return paged(offsetParam, 0, limitParam, size, func(p lastPage) (int, bool) {
		return p.read, p.info.HasNext
	})
}
