package axim

import (
	"encoding/json"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
)

// BenchmarkAximCreateGet is the provider's hot path: create, then read back.
// Each customer has its own e-mail, so the uniqueness scan grows with the
// store as it would in a large apply.
func BenchmarkAximCreateGet(b *testing.B) {
	s := NewStore()
	h := NewHandler(s, testToken)
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		body := strings.Replace(johnDoe, "john@", "john"+strconv.Itoa(i)+"@", 1)
		req := httptest.NewRequest("POST", "/customers", strings.NewReader(body))
		req.Header.Set("accessToken", testToken)
		req.Header.Set("Content-Type", "application/json")
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if rec.Code != 201 {
			b.Fatal(rec.Body)
		}
		var e struct{ Data struct{ ID string } }
		_ = json.Unmarshal(rec.Body.Bytes(), &e)
		req = httptest.NewRequest("GET", "/customers/"+e.Data.ID, nil)
		req.Header.Set("accessToken", testToken)
		rec = httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if rec.Code != 200 {
			b.Fatal(rec.Body)
		}
	}
}
