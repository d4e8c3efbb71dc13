package webcommander

import (
	"bytes"
	"encoding/json"
	"net/http/httptest"
	"strings"
	"testing"
)

// FuzzWebCommanderCreate: no body makes create or PUT panic or answer
// anything but 201/200 with the customer, 409, or 400 with the error body
// (errors[] exactly on validation). What is answered is what is stored, and
// no answer carries the password.
func FuzzWebCommanderCreate(f *testing.F) {
	for _, seed := range []string{fullBody, minimal, "", "{", "[]", "null", `{"customer":null}`, `{"customer":"x"}`,
		`{"customer":{"first_name":"\ud800"}}`, `{"customer":{"first_name":"a","email":"target@example.com"}}`,
		`{"customer":{"first_name":"a","shipping_profile":1e0}}`, `{"customer":{"first_name":"a","shipping_profile":"-1"}}`,
		`{"customer":{"first_name":"a"},"store_credit":"00.10","credit_limit":"1."}`,
		`{"customer":{"first_name":"a","country":"us","state":"ca","newsletter":{"subscribed":1}}}`} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, body string) {
		srv := newServer(t)
		target := srv.store.Customers.Seed(Customer{FirstName: "T", Email: "target@example.com"})
		for _, target := range []string{"POST /api/v4/admin/customers", "PUT " + path(target.ID)} {
			method, p, _ := strings.Cut(target, " ")
			req := httptest.NewRequest(method, p, strings.NewReader(body))
			req.Header.Set("Authorization", "Bearer "+srv.token)
			req.Header.Set("Content-Type", "application/json")
			rec := httptest.NewRecorder()
			srv.H.ServeHTTP(rec, req)
			var e struct {
				Status   string
				Code     int
				Message  string
				Error    string
				Errors   []fieldError
				Customer *wireCustomer
			}
			if err := json.Unmarshal(rec.Body.Bytes(), &e); err != nil {
				t.Fatalf("%s %q: body %s is not JSON: %v", target, body, rec.Body, err)
			}
			switch {
			case rec.Code == 400 || rec.Code == 409:
				if e.Status != "error" || e.Code != rec.Code || e.Customer != nil || e.Message == "" ||
					(e.Error == slugValidation) != (len(e.Errors) > 0) {
					t.Fatalf("%s %q: %d body %s", target, body, rec.Code, rec.Body)
				}
			case (rec.Code == 201 && method == "POST") || (rec.Code == 200 && method == "PUT"):
				if e.Customer == nil || e.Customer.ID <= 0 || len(e.Customer.Addresses) != 3 {
					t.Fatalf("%s %q: success body %s", target, body, rec.Body)
				}
				stored, ok := srv.store.Customers.Get(e.Customer.ID)
				want, _ := json.Marshal(e.Customer)
				got, _ := json.Marshal(toWire(&stored))
				if !ok || !bytes.Equal(got, want) {
					t.Fatalf("%s %q: stored %s, answered %s", target, body, got, want)
				}
				if p, sent := srv.store.Password(e.Customer.ID); sent && bytes.Contains(rec.Body.Bytes(), []byte(`"password"`)) {
					t.Fatalf("%s %q: password %q answered: %s", target, body, p, rec.Body)
				}
			default:
				t.Fatalf("%s %q: status %d %s", target, body, rec.Code, rec.Body)
			}
		}
	})
}
