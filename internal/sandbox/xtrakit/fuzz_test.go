package xtrakit

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// FuzzXtrakitCreate: no body makes the create or PUT handlers panic or
// answer anything but success, malformed JSON or a validation error.
func FuzzXtrakitCreate(f *testing.F) {
	for _, seed := range []string{fullCustomer, minimalCustomer, "", "{", "[]", `{"customer_group_id":1e99}`,
		`{"customer_name":"\ud800"}`, `{"group_name":"g","group_description":null}`} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, body string) {
		s := NewStore()
		s.Groups.Seed(Group{GroupName: "g"})
		s.Customers.Seed(Customer{CustomerName: "c"})
		h := NewHandler(s, testKey)
		for _, target := range []string{"POST /customers/add", "PUT /customers/1", "POST /customer-groups/add", "PUT /customer-groups/1"} {
			method, path, _ := strings.Cut(target, " ")
			req := httptest.NewRequest(method, path, strings.NewReader(body))
			req.Header.Set("Authorization", "Bearer "+testKey)
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			switch rec.Code {
			case http.StatusOK, http.StatusBadRequest, http.StatusUnprocessableEntity:
			default:
				t.Fatalf("%s %q: status %d %s", target, body, rec.Code, rec.Body)
			}
		}
	})
}
