package transport

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"testing"
)

type record struct {
	ID string `json:"id"`
}

func records(from, to int) []record {
	out := []record{}
	for i := from; i < to; i++ {
		out = append(out, record{ID: fmt.Sprintf("r%03d", i)})
	}
	return out
}

// cursorAPI serves the records r000…r(n-1) the way one cursor style does:
//
//	after: ?limit&starting_after=<id>  → {"data":[…],"has_more":…}           (Stripe)
//	next:  ?limit&cursor=<c>           → {"items":[…],"next_cursor":"<c>"}
//	link:  ?limit&page_info=<c>        → […], Link: <…?page_info=<c>&limit=…>; rel="next"  (Shopify)
type cursorAPI struct {
	style string
	n     int
	// hops: every page after the first is reached through an empty page
	// that names it (next and link only).
	hops bool
	// stuck: the server ignores the cursor and answers the first page
	// again, still claiming more.
	stuck bool
}

// serve answers one request; cursors are "p<offset>" (a page) or
// "e<offset>" (an empty page naming p<offset>).
func (a *cursorAPI) serve(t *testing.T, w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	limit, _ := strconv.Atoi(q.Get("limit"))
	from, cursor := 0, ""
	switch a.style {
	case "after":
		if after := q.Get("starting_after"); after != "" {
			from = slices.Index(ids(records(0, a.n)), after) + 1
			if from == 0 {
				writeJSON(w, http.StatusBadRequest, `{"message":"no such object: `+after+`"}`)
				return
			}
		}
	case "next":
		cursor = q.Get("cursor")
	case "link":
		cursor = q.Get("page_info")
		// Shopify: nothing but limit beside page_info; filters only on
		// the first page.
		if cursor != "" && len(q) != 2 || cursor == "" && q.Get("status") != "active" {
			writeJSON(w, http.StatusBadRequest, `{"message":"bad query `+r.URL.RawQuery+`"}`)
			return
		}
	}
	if a.stuck {
		from, cursor = 0, ""
	}
	if cursor != "" {
		from, _ = strconv.Atoi(cursor[1:])
	}
	page := records(from, min(from+limit, a.n))
	if strings.HasPrefix(cursor, "e") {
		page = []record{}
	}
	more := a.stuck || from+len(page) < a.n
	next := ""
	switch {
	case strings.HasPrefix(cursor, "e"):
		next = "p" + cursor[1:]
	case more && a.hops:
		next = "e" + strconv.Itoa(from+len(page))
	case more:
		next = "p" + strconv.Itoa(from+len(page))
	}

	var body any
	switch a.style {
	case "after":
		body = map[string]any{"data": page, "has_more": more}
	case "next":
		body = map[string]any{"items": page, "next_cursor": next}
	case "link":
		if next != "" {
			w.Header().Add("Link", `<https://shop.example/admin/customers.json?limit=`+strconv.Itoa(limit)+`&page_info=`+next+`>; rel="next"`)
		}
		if cursor != "" {
			w.Header().Add("Link", `<https://shop.example/admin/customers.json?limit=1&page_info=back>; rel="previous"`)
		}
		body = page
	}
	raw, _ := json.Marshal(body)
	writeJSON(w, http.StatusOK, string(raw))
}

func ids(rs []record) []string {
	out := make([]string, len(rs))
	for i, r := range rs {
		out[i] = r.ID
	}
	return out
}

// listing is one style and the fetch a platform would write for it.
type listing struct {
	style PageStyle
	fetch FetchPage[record]
}

func (a *cursorAPI) listing(c *Client, size int) listing {
	switch a.style {
	case "after":
		return listing{
			AfterLast("starting_after", "limit", size, func(r record) string { return r.ID }),
			func(ctx context.Context, q url.Values) ([]record, PageInfo, error) {
				var out struct {
					Data    []record
					HasMore bool `json:"has_more"`
				}
				err := c.Do(ctx, http.MethodGet, "items", q, nil, &out)
				return out.Data, PageInfo{HasNext: out.HasMore}, err
			},
		}
	case "next":
		return listing{
			NextCursor("cursor", "limit", size),
			func(ctx context.Context, q url.Values) ([]record, PageInfo, error) {
				var out struct {
					Items      []record
					NextCursor string `json:"next_cursor"`
				}
				err := c.Do(ctx, http.MethodGet, "items", q, nil, &out)
				return out.Items, PageInfo{Next: out.NextCursor}, err
			},
		}
	default:
		return listing{
			NextLink(url.Values{"limit": {strconv.Itoa(size)}, "status": {"active"}}),
			func(ctx context.Context, q url.Values) ([]record, PageInfo, error) {
				var out []record
				var h http.Header
				err := c.Do(ctx, http.MethodGet, "items", q, nil, &out, ResponseHeader(&h))
				return out, PageInfo{Header: h}, err
			},
		}
	}
}

func newCursorAPI(t *testing.T, a *cursorAPI) (*countingServer, *Client) {
	srv := newCountingServer(t, func(w http.ResponseWriter, r *http.Request, _ int) { a.serve(t, w, r) })
	return srv, newTestClient(t, testConfig(srv.URL))
}

var cursorStyles = []string{"after", "next", "link"}

func TestCursorStyles(t *testing.T) {
	const size = 5
	for _, style := range cursorStyles {
		for _, hops := range []bool{false, true} {
			if hops && style == "after" {
				continue // an empty page ends an after-last listing: nothing to point after
			}
			for _, n := range []int{0, 1, size - 1, size, 2 * size, 2*size + 3} {
				t.Run(fmt.Sprintf("%s/hops=%t/%d records", style, hops, n), func(t *testing.T) {
					api := &cursorAPI{style: style, n: n, hops: hops}
					srv, c := newCursorAPI(t, api)
					l := api.listing(c, size)
					got, err := Paginate(context.Background(), l.style, l.fetch)
					if err != nil {
						t.Fatal(err)
					}
					if !slices.Equal(got, records(0, n)) {
						t.Errorf("got %v, want r000…r%03d", ids(got), n-1)
					}
					// The last page says it is the last: no empty page to
					// find the end, even at an exact multiple of size.
					pages := max(1, ceilDiv(n, size))
					if hops {
						pages = 2*pages - 1
					}
					if srv.Hits() != pages {
						t.Errorf("%d requests, want %d", srv.Hits(), pages)
					}
				})
			}
		}
	}
}

// A server that ignores the cursor answers the same page again: an error
// after the repeat, not MaxPages requests.
func TestCursorRepeatedIsAnError(t *testing.T) {
	for _, style := range cursorStyles {
		t.Run(style, func(t *testing.T) {
			api := &cursorAPI{style: style, n: 20, stuck: true}
			srv, c := newCursorAPI(t, api)
			l := api.listing(c, 5)
			got, err := Paginate(context.Background(), l.style, l.fetch)
			if err == nil || !strings.Contains(err.Error(), "already read") || got != nil {
				t.Fatalf("got %v, %v; want the error that a page came round again", ids(got), err)
			}
			if srv.Hits() != 2 {
				t.Errorf("%d requests, want 2 (the first page, and its repeat)", srv.Hits())
			}
		})
	}
}

// A caller that stops early requests no page it does not read from.
func TestCursorCallerStopsEarly(t *testing.T) {
	for _, style := range cursorStyles {
		t.Run(style, func(t *testing.T) {
			api := &cursorAPI{style: style, n: 100}
			srv, c := newCursorAPI(t, api)
			l := api.listing(c, 10)
			var got []record
			for r, err := range Each(context.Background(), l.style, l.fetch) {
				if err != nil {
					t.Fatal(err)
				}
				got = append(got, r)
				if len(got) == 11 {
					break
				}
			}
			if !slices.Equal(got, records(0, 11)) || srv.Hits() != 2 {
				t.Errorf("got %v after %d requests; want r000…r010 after 2", ids(got), srv.Hits())
			}
		})
	}
}

// Cancelling the context stops paging: the page in hand is still
// yielded, then the context's error, and no further request goes out.
func TestCursorContextCancelledStopsPaging(t *testing.T) {
	for _, style := range cursorStyles {
		t.Run(style, func(t *testing.T) {
			api := &cursorAPI{style: style, n: 100}
			srv, c := newCursorAPI(t, api)
			l := api.listing(c, 10)
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			items, errs := 0, []error{}
			for _, err := range Each(ctx, l.style, l.fetch) {
				if err != nil {
					errs = append(errs, err)
					continue
				}
				items++
				cancel()
			}
			if items != 10 || len(errs) != 1 || !errors.Is(errs[0], context.Canceled) || srv.Hits() != 1 {
				t.Errorf("%d items, errors %v, %d requests; want 10 items, context.Canceled, 1 request", items, errs, srv.Hits())
			}
		})
	}
}

func TestAfterLastMisuse(t *testing.T) {
	one := func(context.Context, url.Values) ([]record, PageInfo, error) {
		return records(0, 1), PageInfo{HasNext: true}, nil
	}
	// The cursor function reads another type than the list holds.
	wrongType := AfterLast("after", "limit", 1, func(s string) string { return s })
	if _, err := Paginate(context.Background(), wrongType, one); err == nil || !strings.Contains(err.Error(), "transport.record") {
		t.Errorf("got %v, want an error naming the types", err)
	}
	noCursor := AfterLast("after", "limit", 1, func(record) string { return "" })
	if _, err := Paginate(context.Background(), noCursor, one); err == nil || !strings.Contains(err.Error(), "no cursor") {
		t.Errorf("got %v, want an error about the missing cursor", err)
	}
	for _, style := range []PageStyle{AfterLast("after", "limit", 0, func(record) string { return "" }), NextCursor("c", "limit", -1)} {
		if _, err := Paginate(context.Background(), style, one); !errors.Is(err, errPageSize) {
			t.Errorf("got %v, want the page size error", err)
		}
	}
}
