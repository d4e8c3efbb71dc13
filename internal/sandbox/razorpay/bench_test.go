package razorpay

import (
	"encoding/json"
	"fmt"
	"net/http/httptest"
	"strings"
	"testing"
)

// BenchmarkRazorpayCreateGet is the provider's hot path: create, then fetch.
// Each customer has its own email + contact pair, so the uniqueness scan
// grows with the store as it would in a large apply.
func BenchmarkRazorpayCreateGet(b *testing.B) {
	s := NewStore()
	h := NewHandler(s, testID, testSecret)
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		body := fmt.Sprintf(`{"name":"Gaurav Kumar","contact":"+91%010d","email":"g%d@example.com","notes":{"k":"v"}}`, i, i)
		req := httptest.NewRequest("POST", "/customers", strings.NewReader(body))
		req.SetBasicAuth(testID, testSecret)
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if rec.Code != 200 {
			b.Fatal(rec.Body)
		}
		var c struct{ ID string }
		_ = json.Unmarshal(rec.Body.Bytes(), &c)
		req = httptest.NewRequest("GET", "/customers/"+c.ID, nil)
		req.SetBasicAuth(testID, testSecret)
		rec = httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if rec.Code != 200 {
			b.Fatal(rec.Body)
		}
	}
}
