package sandbox

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// BenchmarkServerXtrakitCreateGet measures the whole path a provider request
// takes in-process: routing, request log, fault check and the handler.
func BenchmarkServerXtrakitCreateGet(b *testing.B) {
	s := New()
	h := s.Handler()
	b.ReportAllocs()
	for b.Loop() {
		req := httptest.NewRequest("POST", "/xtrakit/api/v1/customers/add", strings.NewReader(xtrakitCustomer))
		req.Header.Set("Authorization", "Bearer "+XtrakitAPIKey)
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if rec.Code != http.StatusOK {
			b.Fatal(rec.Body)
		}
		req = httptest.NewRequest("GET", "/xtrakit/api/v1/customers/1", nil)
		req.Header.Set("Authorization", "Bearer "+XtrakitAPIKey)
		rec = httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if rec.Code != http.StatusOK {
			b.Fatal(rec.Body)
		}
	}
}
