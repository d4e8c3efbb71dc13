package transport

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// fakeList serves the records 0..n-1 the way one paging style does. A cap
// above 0 is the most the server returns per page, whatever was asked.
type fakeList struct {
	kind    string // whole, skip, page-total, page-last, page-none, has-next
	n, cap  int
	queries []url.Values
}

func (f *fakeList) fetch(_ context.Context, q url.Values) ([]int, PageInfo, error) {
	f.queries = append(f.queries, q)
	if f.kind == "whole" {
		return seq(0, f.n), PageInfo{}, nil
	}
	sizeParam, posParam := "count", "skip"
	switch f.kind {
	case "page-total", "page-last", "page-none":
		sizeParam, posParam = "limit", "page"
	case "has-next":
		sizeParam, posParam = "limit", "offset"
	}
	size, _ := strconv.Atoi(q.Get(sizeParam))
	if f.cap > 0 {
		size = min(size, f.cap)
	}
	from, _ := strconv.Atoi(q.Get(posParam))
	if posParam == "page" {
		from = (from - 1) * size
	}
	items := seq(from, min(from+size, f.n))
	var info PageInfo
	switch f.kind {
	case "page-total":
		info.Total = f.n
	case "page-last":
		info.LastPage = (f.n + size - 1) / size
	case "has-next":
		info.HasNext = from+len(items) < f.n
		info.Total = f.n
	}
	return items, info, nil
}

func seq(from, to int) []int {
	out := []int{}
	for i := from; i < to; i++ {
		out = append(out, i)
	}
	return out
}

func ceilDiv(a, b int) int { return (a + b - 1) / b }

func TestPaginateStyles(t *testing.T) {
	styles := []struct {
		name     string
		style    PageStyle
		kind     string
		size     int
		cap      int
		posParam string
		// pages is how many requests listing n records takes.
		pages func(n, size int) int
	}{
		{"whole list", WholeList(), "whole", 20, 0, "", func(int, int) int { return 1 }},
		// Only a short page says "end": an exact multiple costs one empty page.
		{"count/skip", SkipCount("skip", "count", 5), "skip", 5, 0, "skip", func(n, s int) int { return n/s + 1 }},
		{"page/limit with total", PageNumbers("page", "limit", 5), "page-total", 5, 0, "page", func(n, s int) int { return max(1, ceilDiv(n, s)) }},
		{"page/limit with last page", PageNumbers("page", "limit", 5), "page-last", 5, 0, "page", func(n, s int) int { return max(1, ceilDiv(n, s)) }},
		{"page/limit without meta", PageNumbers("page", "limit", 5), "page-none", 5, 0, "page", func(n, s int) int { return n/s + 1 }},
		{"limit/offset with has_next", OffsetHasNext("offset", "limit", 5), "has-next", 5, 0, "offset", func(n, s int) int { return max(1, ceilDiv(n, s)) }},
		// A server giving fewer than asked must lose nothing.
		{"has_next, server caps the page", OffsetHasNext("offset", "limit", 20), "has-next", 3, 3, "offset", func(n, s int) int { return max(1, ceilDiv(n, s)) }},
		{"page/limit with total, server caps the page", PageNumbers("page", "limit", 20), "page-total", 3, 3, "page", func(n, s int) int { return max(1, ceilDiv(n, s)) }},
	}
	for _, st := range styles {
		for _, n := range []int{0, 1, st.size - 1, st.size, 2 * st.size, 2*st.size + 3} {
			t.Run(fmt.Sprintf("%s/%d records", st.name, n), func(t *testing.T) {
				f := &fakeList{kind: st.kind, n: n, cap: st.cap}
				got, err := Paginate(context.Background(), st.style, f.fetch)
				if err != nil {
					t.Fatal(err)
				}
				if got == nil || !slices.Equal(got, seq(0, n)) {
					t.Errorf("got %v, want 0..%d (and never nil)", got, n-1)
				}
				if want := st.pages(n, st.size); len(f.queries) != want {
					t.Errorf("%d requests, want %d: %v", len(f.queries), want, f.queries)
				}
				for i, q := range f.queries {
					if st.posParam == "" {
						if len(q) != 0 {
							t.Errorf("whole list sent query %v", q)
						}
						continue
					}
					want := strconv.Itoa(i * st.size)
					if st.posParam == "page" {
						want = strconv.Itoa(i + 1)
					}
					if q.Get(st.posParam) != want || len(q) != 2 {
						t.Errorf("request %d: query %v, want %s=%s and the size", i, q, st.posParam, want)
					}
				}
			})
		}
	}
}

func TestPaginateServerNeverStops(t *testing.T) {
	full := func(info PageInfo) func(context.Context, url.Values) ([]int, PageInfo, error) {
		return func(context.Context, url.Values) ([]int, PageInfo, error) { return []int{1, 2}, info, nil }
	}
	cases := []struct {
		name  string
		style PageStyle
		info  PageInfo
	}{
		{"count/skip ignored", SkipCount("skip", "count", 2), PageInfo{}},
		{"total never reached", PageNumbers("page", "limit", 2), PageInfo{Total: 1 << 40}},
		{"no meta, pages always full", PageNumbers("page", "limit", 2), PageInfo{}},
		{"has_next always true", OffsetHasNext("offset", "limit", 2), PageInfo{HasNext: true}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			calls := 0
			fetch := full(tc.info)
			got, err := Paginate(context.Background(), tc.style, func(ctx context.Context, q url.Values) ([]int, PageInfo, error) {
				calls++
				return fetch(ctx, q)
			})
			if err == nil || !strings.Contains(err.Error(), "no last page") || got != nil {
				t.Fatalf("got %d items, error %v; want an error about the missing last page", len(got), err)
			}
			if calls != MaxPages {
				t.Errorf("%d requests, want %d", calls, MaxPages)
			}
		})
	}
}

func TestPaginateStopsAtEmptyPage(t *testing.T) {
	// has_next and total both claim more, but an empty page cannot advance.
	for _, style := range []PageStyle{OffsetHasNext("offset", "limit", 5), PageNumbers("page", "limit", 5), AfterLast("after", "limit", 5, strconv.Itoa)} {
		calls := 0
		got, err := Paginate(context.Background(), style, func(_ context.Context, q url.Values) ([]int, PageInfo, error) {
			calls++
			if calls == 1 {
				return seq(0, 5), PageInfo{HasNext: true, Total: 50}, nil
			}
			return []int{}, PageInfo{HasNext: true, Total: 50}, nil
		})
		if err != nil || len(got) != 5 || calls != 2 {
			t.Errorf("%+v: got %v, %v after %d requests; want 5 items after 2", style, got, err, calls)
		}
	}
}

func TestPaginateErrors(t *testing.T) {
	t.Run("first page error returned as is", func(t *testing.T) {
		apiErr := &APIError{Status: http.StatusNotFound, NotFound: true}
		_, err := Paginate(context.Background(), WholeList(), func(context.Context, url.Values) ([]int, PageInfo, error) {
			return nil, PageInfo{}, apiErr
		})
		if !errors.Is(err, apiErr) {
			t.Errorf("got %v, want the fetch's error", err)
		}
	})
	t.Run("later page error names the page and keeps its type", func(t *testing.T) {
		calls := 0
		_, err := Paginate(context.Background(), SkipCount("skip", "count", 2), func(context.Context, url.Values) ([]int, PageInfo, error) {
			calls++
			if calls == 3 {
				return nil, PageInfo{}, &APIError{Status: http.StatusBadGateway}
			}
			return []int{1, 2}, PageInfo{}, nil
		})
		apiErr, ok := AsAPIError(err)
		if !ok || apiErr.Status != http.StatusBadGateway || !strings.Contains(err.Error(), "page 3") {
			t.Errorf("got %v", err)
		}
	})
	t.Run("context ended between pages", func(t *testing.T) {
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		calls := 0
		_, err := Paginate(ctx, OffsetHasNext("offset", "limit", 2), func(context.Context, url.Values) ([]int, PageInfo, error) {
			calls++
			if calls == 2 {
				cancel()
			}
			return []int{1, 2}, PageInfo{HasNext: true}, nil
		})
		if !errors.Is(err, context.Canceled) || calls != 2 {
			t.Errorf("got %v after %d requests; want context.Canceled after 2", err, calls)
		}
	})
	t.Run("page size must be positive", func(t *testing.T) {
		for _, style := range []PageStyle{SkipCount("skip", "count", 0), PageNumbers("page", "limit", -1), OffsetHasNext("offset", "limit", 0)} {
			_, err := Paginate(context.Background(), style, func(context.Context, url.Values) ([]int, PageInfo, error) {
				t.Error("fetched with a page size below 1")
				return nil, PageInfo{}, nil
			})
			if err == nil {
				t.Errorf("%+v: want an error", style)
			}
		}
	})
}

// TestPaginateThroughClient pages a real endpoint with Client.Do, the way
// a platform's list call is meant to.
func TestPaginateThroughClient(t *testing.T) {
	const total = 47
	srv := newCountingServer(t, func(w http.ResponseWriter, r *http.Request, _ int) {
		limit, _ := strconv.Atoi(r.URL.Query().Get("limit"))
		offset, _ := strconv.Atoi(r.URL.Query().Get("offset"))
		if r.URL.Query().Get("email") != "a@example.com" {
			t.Errorf("filter lost: %s", r.URL.RawQuery)
		}
		ids := seq(offset, min(offset+limit, total))
		fmt.Fprintf(w, `{"customers":%s,"pagination":{"total":%d,"has_next":%t}}`,
			strings.ReplaceAll(fmt.Sprint(ids), " ", ","), total, offset+len(ids) < total)
	})
	c := newTestClient(t, testConfig(srv.URL))
	got, err := Paginate(context.Background(), OffsetHasNext("offset", "limit", 20), func(ctx context.Context, q url.Values) ([]int, PageInfo, error) {
		q.Set("email", "a@example.com")
		var out struct {
			Customers  []int
			Pagination struct {
				Total   int
				HasNext bool `json:"has_next"`
			}
		}
		err := c.Do(ctx, http.MethodGet, "customers", q, nil, &out)
		return out.Customers, PageInfo{HasNext: out.Pagination.HasNext, Total: out.Pagination.Total}, err
	})
	if err != nil || !slices.Equal(got, seq(0, total)) || srv.Hits() != 3 {
		t.Errorf("got %v, %v after %d requests", got, err, srv.Hits())
	}
}

// Pages stops requesting pages as soon as the caller has what it wants.
func TestPagesStopsEarly(t *testing.T) {
	f := &fakeList{kind: "skip", n: 250}
	var got []int
	err := Pages(context.Background(), SkipCount("skip", "count", 100), f.fetch, func(i int) bool {
		got = append(got, i)
		return i < 120
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 121 || got[120] != 120 {
		t.Errorf("yielded %d items, last %v; want 0..120", len(got), got[len(got)-1])
	}
	if len(f.queries) != 2 {
		t.Errorf("requested %d pages, want 2 (the third is never needed)", len(f.queries))
	}
}

// An answer without its list (JSON null, a missing key, an empty body) is
// an error, not an empty list: a lost create's lookup must not conclude
// that nothing was committed from a broken answer.
func TestPaginateMissingListIsAnError(t *testing.T) {
	for _, style := range []PageStyle{WholeList(), OffsetHasNext("offset", "limit", 5), PageNumbers("page", "limit", 5)} {
		got, err := Paginate(context.Background(), style, func(context.Context, url.Values) ([]int, PageInfo, error) {
			return nil, PageInfo{}, nil
		})
		if err == nil || !strings.Contains(err.Error(), "holds no list") || got != nil {
			t.Errorf("%+v: got %v, %v; want the error that the answer holds no list", style, got, err)
		}
	}
}
