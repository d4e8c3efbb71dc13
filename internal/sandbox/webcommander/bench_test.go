package webcommander

import (
	"encoding/json"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
)

// BenchmarkWebCommanderCreateGet is the provider's hot path: create, then
// read back. Each customer has its own e-mail, so the uniqueness scan grows
// with the store as it would in a large apply.
func BenchmarkWebCommanderCreateGet(b *testing.B) {
	s := newServer(b)
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		body := strings.Replace(fullBody, "jane@", "jane"+strconv.Itoa(i)+"@", 1)
		req := httptest.NewRequest("POST", "/api/v4/admin/customers", strings.NewReader(body))
		req.Header.Set("Authorization", "Bearer "+s.token)
		req.Header.Set("Content-Type", "application/json")
		rec := httptest.NewRecorder()
		s.H.ServeHTTP(rec, req)
		if rec.Code != 201 {
			b.Fatal(rec.Body)
		}
		var e struct{ Customer struct{ ID int64 } }
		_ = json.Unmarshal(rec.Body.Bytes(), &e)
		req = httptest.NewRequest("GET", path(e.Customer.ID), nil)
		req.Header.Set("Authorization", "Bearer "+s.token)
		rec = httptest.NewRecorder()
		s.H.ServeHTTP(rec, req)
		if rec.Code != 200 {
			b.Fatal(rec.Body)
		}
	}
}
