package razorpay

import (
	"net/http/httptest"
	"strings"
	"testing"
)

// FuzzRazorpayCreate: no body makes create or edit panic or answer anything
// but 200 or a 400 validation error.
func FuzzRazorpayCreate(f *testing.F) {
	for _, seed := range []string{gaurav, "", "{", `{"notes":[]}`, `{"notes":{"a":1}}`, `{"fail_existing":"0","contact":"+919876543210","email":"gaurav.kumar@example.com"}`,
		`{"name":"\ud800abc"}`, `{"gstin":"29ABCDE1234F1Z5"}`} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, body string) {
		s := NewStore()
		c := s.Customers.Seed(Customer{Name: "Gaurav Kumar", Contact: "+919876543210", Email: "gaurav.kumar@example.com"})
		h := NewHandler(s, testID, testSecret)
		for _, target := range []string{"POST /customers", "PUT /customers/" + c.ID} {
			method, path, _ := strings.Cut(target, " ")
			req := httptest.NewRequest(method, path, strings.NewReader(body))
			req.SetBasicAuth(testID, testSecret)
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			if rec.Code != 200 && rec.Code != 400 {
				t.Fatalf("%s %q: status %d %s", target, body, rec.Code, rec.Body)
			}
		}
	})
}
