package stripe

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// FuzzStripeWrite: no form body makes create or update panic or answer
// anything but 200 with a customer that is what the store holds, or 400
// (404 for an update of a deleted customer) with Stripe's error body,
// read by its exact keys.
func FuzzStripeWrite(f *testing.F) {
	for _, seed := range []string{"", "email=a%40b.co", "metadata[a]=", "metadata=", "address=", "address[line1]=x",
		"shipping[name]=x&shipping[address][city]=y", "preferred_locales[0]=en&preferred_locales[2]=fr", "a[b", "%zz",
		"metadata[a][b]=1", "expand[]=x", "preferred_locales[99999999999]=x", "name=%ff%fe", "tax_exempt="} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, body string) {
		s := NewStore()
		target := s.Customers.Seed(Customer{})
		h := NewHandler(s, testKey)
		for _, path := range []string{"/v1/customers", "/v1/customers/" + target.ID} {
			req := httptest.NewRequest(http.MethodPost, path, strings.NewReader(body))
			req.Header.Set("Authorization", "Bearer "+testKey)
			req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			var generic map[string]json.RawMessage
			if err := json.Unmarshal(rec.Body.Bytes(), &generic); err != nil {
				t.Fatalf("%s %q: not a JSON object: %s", path, body, rec.Body)
			}
			switch rec.Code {
			case 200:
				var c Customer
				_ = json.Unmarshal(rec.Body.Bytes(), &c)
				stored, ok := s.Customers.Get(c.ID)
				got, _ := json.Marshal(stored)
				if !ok || string(got) != rec.Body.String() || string(generic["object"]) != `"customer"` {
					t.Fatalf("%s %q: answered %s, stored %s", path, body, rec.Body, got)
				}
			case 400:
				var e map[string]json.RawMessage
				if json.Unmarshal(generic["error"], &e) != nil || len(e["message"]) < 3 || len(e["type"]) < 3 {
					t.Fatalf("%s %q: 400 body %s", path, body, rec.Body)
				}
			default:
				t.Fatalf("%s %q: %d %s", path, body, rec.Code, rec.Body)
			}
		}
	})
}
