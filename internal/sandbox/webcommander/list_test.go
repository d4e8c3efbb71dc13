package webcommander

import (
	"encoding/json"
	"fmt"
	"testing"
)

type listAnswer struct {
	Customers  []map[string]any
	Pagination pagination
}

func (s *server) list(query string) listAnswer {
	s.T.Helper()
	status, body := s.Do("GET", "/api/v4/admin/customers"+query, "")
	var a listAnswer
	if err := json.Unmarshal([]byte(body), &a); status != 200 || err != nil || a.Customers == nil {
		s.T.Fatalf("list %s: %d %s", query, status, body)
	}
	return a
}

func TestListPages(t *testing.T) {
	s := newServer(t)
	for i := range 45 {
		s.create(fmt.Sprintf(`{"customer":{"first_name":"C%d","email":"c%d@example.com"}}`, i, i))
	}
	var seen []int64
	for _, tc := range []struct {
		query string
		want  pagination
		n     int
	}{
		{"", pagination{45, 20, 0, true}, 20},
		{"?offset=20", pagination{45, 20, 20, true}, 20},
		{"?offset=40&limit=20", pagination{45, 20, 40, false}, 5},
	} {
		a := s.list(tc.query)
		if a.Pagination != tc.want || len(a.Customers) != tc.n {
			t.Errorf("%s: %+v, %d customers", tc.query, a.Pagination, len(a.Customers))
		}
		for _, c := range a.Customers {
			seen = append(seen, id(c))
		}
	}
	for i, got := range seen {
		if got != int64(i+1) {
			t.Fatalf("pages are not in id order: %v", seen)
		}
	}
	if len(seen) != 45 {
		t.Errorf("%d seen", len(seen))
	}
	// A larger limit is capped; a page past the end is empty.
	if a := s.list("?limit=100&offset=10"); a.Pagination != (pagination{45, 20, 10, true}) || len(a.Customers) != 20 {
		t.Errorf("limit=100: %+v %d", a.Pagination, len(a.Customers))
	}
	if a := s.list("?limit=5&offset=40"); a.Pagination != (pagination{45, 5, 40, false}) || len(a.Customers) != 5 {
		t.Errorf("limit=5 offset=40: %+v", a.Pagination)
	}
	if a := s.list("?offset=45"); a.Pagination != (pagination{45, 20, 45, false}) || len(a.Customers) != 0 {
		t.Errorf("offset=45: %+v %d", a.Pagination, len(a.Customers))
	}
	// A list item has the same shape as a single customer.
	_, one := s.Do("GET", path(3), "")
	if got := mustJSON(s.list("?offset=2&limit=1").Customers[0]); got != mustJSON(wire(t, one)) {
		t.Errorf("list item %s\nget %s", got, one)
	}
}

func TestListEmailFilter(t *testing.T) {
	s := newServer(t)
	s.create(`{"customer":{"first_name":"A","email":"a@example.com"}}`)
	s.create(`{"customer":{"first_name":"B","email":"Bee@Example.com"}}`)
	s.create(minimal)
	for query, want := range map[string]int{"?email=bee@example.COM": 1, "?email=a@example.com": 1,
		"?email=example.com": 0, "?email=": 0, "?email=b%40example.com": 0} {
		a := s.list(query)
		if len(a.Customers) != want || a.Pagination.Total != want {
			t.Errorf("%s: %d customers, total %d, want %d", query, len(a.Customers), a.Pagination.Total, want)
		}
	}
	if c := s.list("?email=BEE%40example.com").Customers; c[0]["first_name"] != "B" {
		t.Errorf("filter found %v", c)
	}
}

func TestListBadParams(t *testing.T) {
	s := newServer(t)
	for query, want := range map[string]string{
		"?limit=0":   validation([3]string{"limit", "invalid", "limit must be a positive integer"}),
		"?limit=x":   validation([3]string{"limit", "invalid", "limit must be a positive integer"}),
		"?limit=+5":  validation([3]string{"limit", "invalid", "limit must be a positive integer"}),
		"?offset=-1": validation([3]string{"offset", "invalid", "offset must be a non-negative integer"}),
		"?limit=-1&offset=x": validation([3]string{"limit", "invalid", "limit must be a positive integer"},
			[3]string{"offset", "invalid", "offset must be a non-negative integer"}),
	} {
		s.Expect("GET", "/api/v4/admin/customers"+query, "", 400, want)
	}
	// Huge values neither overflow nor fail.
	if a := s.list("?offset=999999999999999999"); len(a.Customers) != 0 {
		t.Errorf("huge offset: %+v", a)
	}
}
