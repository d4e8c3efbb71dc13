package axim

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"
)

// listed is one list answer: the ids in order and meta.
type listed struct {
	status int
	ids    []string
	meta   meta
	body   string
}

func (s *server) list(query string) listed {
	s.T.Helper()
	status, body := s.Do("GET", "/customers"+query, "")
	var e struct {
		Success bool
		Message string
		Data    []Customer
		Meta    meta
	}
	l := listed{status: status, body: body}
	if status != 200 {
		return l
	}
	if err := json.Unmarshal([]byte(body), &e); err != nil || !e.Success || e.Message != "Customers retrieved successfully" ||
		e.Data == nil || !strings.Contains(body, `"meta":{"page":`) {
		s.T.Fatalf("GET /customers%s: %v %s", query, err, body)
	}
	for _, c := range e.Data {
		l.ids = append(l.ids, c.ID)
	}
	l.meta = e.Meta
	return l
}

func TestListPaging(t *testing.T) {
	s := newServer(t)
	var ids []string // creation order
	for i := range 25 {
		ids = append(ids, s.create(fmt.Sprintf(`{"firstName":"C%d","lastName":"L","email":"c%d@example.com","status":"active"}`, i, i)).ID)
	}
	for _, tc := range []struct {
		query              string
		from, n            int
		page, limit, total int
	}{
		{"", 0, 10, 1, 10, 25},
		{"?page=1", 0, 10, 1, 10, 25},
		{"?page=2", 10, 10, 2, 10, 25},
		{"?page=3", 20, 5, 3, 10, 25},
		{"?page=4", 25, 0, 4, 10, 25},
		{"?page=99999999999999", 25, 0, 99999999999999, 10, 25},
		{"?limit=10&page=3", 20, 5, 3, 10, 25},
		{"?limit=5&page=5", 20, 5, 5, 5, 25},
		{"?limit=7&page=4", 21, 4, 4, 7, 25},
		{"?limit=1", 0, 1, 1, 1, 25},
		{"?limit=100", 0, 10, 1, 10, 25},                  // capped to the maximum (decided)
		{"?limit=100&page=3", 20, 5, 3, 10, 25},           // pages of the capped size
		{"?limit=11&page=2&unknown=x", 10, 10, 2, 10, 25}, // unknown parameters are ignored
		{"?page=2&page=9", 10, 10, 2, 10, 25},             // the first value counts
	} {
		l := s.list(tc.query)
		want := meta{tc.page, tc.limit, tc.total}
		if l.status != 200 || !slices.Equal(l.ids, ids[tc.from:tc.from+tc.n]) || l.meta != want {
			t.Errorf("GET /customers%s: %d ids %v meta %+v, want ids[%d:%d] meta %+v", tc.query, l.status, l.ids, l.meta, tc.from, tc.from+tc.n, want)
		}
	}
	// Walking the pages the way a client does finds everyone once.
	var walked []string
	for page := 1; ; page++ {
		l := s.list(fmt.Sprintf("?page=%d&limit=10", page))
		walked = append(walked, l.ids...)
		if len(walked) >= l.meta.Total || len(l.ids) == 0 {
			break
		}
	}
	if !slices.Equal(walked, ids) {
		t.Errorf("walked %v", walked)
	}
	// Deleting one keeps the others in creation order.
	s.Do("DELETE", "/customers/"+ids[3], "")
	if l := s.list("?page=1"); l.meta.Total != 24 || l.ids[3] != ids[4] {
		t.Errorf("after delete: %+v", l)
	}

	for _, tc := range []struct{ query, field string }{
		{"?page=0", "page"}, {"?page=-1", "page"}, {"?page=x", "page"}, {"?page=", "page"}, {"?page=1.5", "page"},
		{"?page=%2B1", "page"}, {"?page=99999999999999999999", "page"},
		{"?limit=0", "limit"}, {"?limit=-10", "limit"}, {"?limit=ten", "limit"}, {"?limit=", "limit"},
	} {
		s.Expect("GET", "/customers"+tc.query, "", 400, validationErr([2]string{tc.field, tc.field + " must be a positive integer"}))
	}
	s.Expect("GET", "/customers?page=0&limit=0", "", 400, validationErr(
		[2]string{"page", "page must be a positive integer"}, [2]string{"limit", "limit must be a positive integer"}))
}

func TestListFilters(t *testing.T) {
	s := newServer(t)
	const acme, globex = "6371cd895b77326cf992d5bb", "6371cd895b77326cf992d5cc"
	mk := func(email, status, company string) string {
		body := `{"firstName":"F","lastName":"L","email":"` + email + `","status":"` + status + `"`
		if company != "" {
			body += `,"company":"` + company + `"`
		}
		return s.create(body + "}").ID
	}
	a := mk("Ann@Example.com", "active", acme)
	b := mk("bob@example.com", "pending", acme)
	c := mk("cy@example.com", "active", globex)
	d := mk("dee@example.com", "inactive", "")
	for _, tc := range []struct {
		query string
		want  []string
	}{
		{"", []string{a, b, c, d}},
		{"?email=ann@example.com", []string{a}},
		{"?email=ANN@EXAMPLE.COM", []string{a}},
		{"?email=ann", nil},
		{"?email=", nil},
		{"?status=active", []string{a, c}},
		{"?status=pending", []string{b}},
		{"?status=inactive", []string{d}},
		{"?company=" + acme, []string{a, b}},
		{"?company=" + globex + "&status=pending", nil},
		{"?company=nope", nil},
		{"?email:in=bob@example.com,DEE@example.com", []string{b, d}},
		{"?email%3Ain=bob@example.com,%20ann@example.com%20,", []string{a, b}},
		{"?email:in=", nil},
		{"?email:in=nobody@example.com", nil},
		{"?id:in=" + c + "," + a, []string{a, c}},
		{"?id:in=" + c + ",0123456789abcdef01234567", []string{c}},
		{"?id:in=", nil},
		{"?id:in=" + a + "," + b + "&status=pending", []string{b}},
		{"?status=active&limit=1&page=2", []string{c}},
	} {
		l := s.list(tc.query)
		if l.status != 200 || !slices.Equal(l.ids, tc.want) {
			t.Errorf("GET /customers%s: %d %v, want %v", tc.query, l.status, l.ids, tc.want)
		}
	}
	// meta.total counts the matches, not the store.
	if l := s.list("?status=active&limit=1"); l.meta != (meta{1, 1, 2}) {
		t.Errorf("filtered meta: %+v", l.meta)
	}
	for _, bad := range []string{"?status=Active", "?status=", "?status=deleted"} {
		s.Expect("GET", "/customers"+bad, "", 400, validationErr([2]string{"status", "status must be one of active, pending, inactive"}))
	}
}
