package sandbox_test

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/customerops/terraform-provider-crm/internal/sandbox/emulators"
	sbxtrakit "github.com/customerops/terraform-provider-crm/internal/sandbox/xtrakit"
)

// BenchmarkServerXtrakitCreateGet measures the whole path a provider request
// takes in-process: routing, request log, fault check and the handler.
func BenchmarkServerXtrakitCreateGet(b *testing.B) {
	s := emulators.New()
	h := s.Handler()
	b.ReportAllocs()
	for b.Loop() {
		req := httptest.NewRequest("POST", "/xtrakit/api/v1/customers/add", strings.NewReader(xtrakitCustomer))
		req.Header.Set("Authorization", "Bearer "+sbxtrakit.APIKey)
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if rec.Code != http.StatusOK {
			b.Fatal(rec.Body)
		}
		req = httptest.NewRequest("GET", "/xtrakit/api/v1/customers/1", nil)
		req.Header.Set("Authorization", "Bearer "+sbxtrakit.APIKey)
		rec = httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if rec.Code != http.StatusOK {
			b.Fatal(rec.Body)
		}
	}
}
