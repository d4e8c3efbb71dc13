package transport

import (
	"fmt"
	"net/url"
	"strconv"
)

// Cursor paging: the next page is named by a value the last answer gave,
// not by a position the client counts, so records created or deleted
// while paging neither repeat nor go missing. The pager refuses a cursor
// that leads back to a page already read.

// AfterLast asks for size records (sizeParam) after the last record read
// (afterParam = cursorOf(last item)), and stops when PageInfo.HasNext is
// false or a page is empty. Stripe pages this way:
// starting_after=<id of the last item>, with has_more.
func AfterLast[T any](afterParam, sizeParam string, size int, cursorOf func(T) string) PageStyle {
	if size <= 0 {
		return PageStyle{err: errPageSize}
	}
	first := func() url.Values { return url.Values{sizeParam: {strconv.Itoa(size)}} }
	return PageStyle{
		first: first,
		next: func(p lastPage) (url.Values, bool, error) {
			if p.got == 0 || !p.info.HasNext {
				return nil, false, nil
			}
			item, ok := p.last.(T)
			if !ok {
				return nil, false, fmt.Errorf("listing: AfterLast reads cursors from %T, but the list holds %T", item, p.last)
			}
			cursor := cursorOf(item)
			if cursor == "" {
				return nil, false, fmt.Errorf("listing: the last item of page %d has no cursor to ask for the next", p.number)
			}
			q := first()
			q.Set(afterParam, cursor)
			return q, true, nil
		},
	}
}

// NextCursor asks for size records (sizeParam), then for the page the
// answer names (cursorParam = PageInfo.Next, its next_cursor or
// next_page_token), and stops when the answer names none. A page may be
// empty and still name a next one (some APIs filter after paging).
func NextCursor(cursorParam, sizeParam string, size int) PageStyle {
	if size <= 0 {
		return PageStyle{err: errPageSize}
	}
	first := func() url.Values { return url.Values{sizeParam: {strconv.Itoa(size)}} }
	return PageStyle{
		first: first,
		next: func(p lastPage) (url.Values, bool, error) {
			if p.info.Next == "" {
				return nil, false, nil
			}
			q := first()
			q.Set(cursorParam, p.info.Next)
			return q, true, nil
		},
	}
}
