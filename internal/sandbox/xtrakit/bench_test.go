package xtrakit

import (
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
)

// BenchmarkXtrakitCreateGet is the provider's hot path: create, then read back.
func BenchmarkXtrakitCreateGet(b *testing.B) {
	s := NewStore()
	s.Groups.Seed(Group{GroupName: "g"})
	h := NewHandler(s, testKey)
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		req := httptest.NewRequest("POST", "/customers/add", strings.NewReader(fullCustomer))
		req.Header.Set("Authorization", "Bearer "+testKey)
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if rec.Code != 200 {
			b.Fatal(rec.Body)
		}
		req = httptest.NewRequest("GET", "/customers/"+strconv.Itoa(i+1), nil)
		req.Header.Set("Authorization", "Bearer "+testKey)
		rec = httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if rec.Code != 200 {
			b.Fatal(rec.Body)
		}
	}
}
