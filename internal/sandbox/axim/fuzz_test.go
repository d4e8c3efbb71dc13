package axim

import (
	"bytes"
	"encoding/json"
	"net/http/httptest"
	"strings"
	"testing"
)

// FuzzAximCreate: no body makes create or PUT panic or answer anything but
// 201/200 with the customer, or 400 with the error envelope. A stored
// customer is what the response says, with every metaField value's JSON
// text as sent.
func FuzzAximCreate(f *testing.F) {
	for _, seed := range []string{johnDoe, minimal, "", "{", "[]", "null", `{"firstName":"\ud800"}`,
		`{"firstName":"a","lastName":"b","email":"a@b.co","status":"active","metaFields":[{"code":"n","value":1e999}]}`,
		`{"firstName":"a","lastName":"b","email":"a@b.co","status":"active","metaFields":[{"code":"n","value":-0.0}]}`,
		`{"firstName":"a","lastName":"b","email":"a@b.co","status":"active","metaFields":[{"code":"n","value":null},{"code":"m"}]}`,
		`{"firstName":"a","lastName":"b","email":"a@b.co","status":"active","address":[{"isDefaultAddress":true},{"isDefaultAddress":true}]}`,
		`{"firstName":"a","lastName":"b","email":"a@b.co","status":"active","address":[null],"metaFields":[null]}`,
		`{"firstName":"a","lastName":"b","email":"a@b.co","company":"6371cd895b77326cf992d5bb"}`} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, body string) {
		s := NewStore()
		target := s.Customers.Seed(Customer{FirstName: "T", LastName: "T", Email: "target@example.com", Status: "active"})
		h := NewHandler(s, testToken)
		for _, target := range []string{"POST /customers", "PUT /customers/" + target.ID} {
			method, path, _ := strings.Cut(target, " ")
			req := httptest.NewRequest(method, path, strings.NewReader(body))
			req.Header.Set("accessToken", testToken)
			req.Header.Set("Content-Type", "application/json")
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			var e struct {
				Success bool
				Message string
				Data    *Customer
				Errors  []fieldError
			}
			if err := json.Unmarshal(rec.Body.Bytes(), &e); err != nil {
				t.Fatalf("%s %q: body %s is not JSON: %v", target, body, rec.Body, err)
			}
			switch {
			case rec.Code == 400:
				if e.Success || e.Data != nil || e.Message == "" || (e.Message == msgValidation) != (len(e.Errors) > 0) {
					t.Fatalf("%s %q: 400 body %s", target, body, rec.Body)
				}
			case (rec.Code == 201 && method == "POST") || (rec.Code == 200 && method == "PUT"):
				if !e.Success || e.Data == nil || !validID(e.Data.ID) {
					t.Fatalf("%s %q: success body %s", target, body, rec.Body)
				}
				stored, ok := s.Customers.Get(e.Data.ID)
				got, _ := json.Marshal(stored)
				want, _ := json.Marshal(e.Data)
				if !ok || !bytes.Equal(got, want) {
					t.Fatalf("%s %q: stored %s, answered %s", target, body, got, want)
				}
				checkMetaValues(t, body, stored)
			default:
				t.Fatalf("%s %q: status %d %s", target, body, rec.Code, rec.Body)
			}
		}
	})
}

// checkMetaValues: every stored metaField value is the compacted JSON text
// of the one sent (nil when absent).
func checkMetaValues(t *testing.T, body string, c Customer) {
	t.Helper()
	var in map[string]json.RawMessage
	var metas []map[string]json.RawMessage
	if json.Unmarshal([]byte(body), &in) != nil || (in["metaFields"] != nil && json.Unmarshal(in["metaFields"], &metas) != nil) ||
		len(metas) != len(c.MetaFields) {
		t.Fatalf("%q: %d metaFields stored", body, len(c.MetaFields))
	}
	for i, m := range metas {
		var want bytes.Buffer
		if raw, ok := m["value"]; ok {
			_ = json.Compact(&want, raw)
		}
		if got := c.MetaFields[i].Value; !bytes.Equal(got, want.Bytes()) {
			t.Fatalf("%q: metaFields[%d] stored %s, sent %s", body, i, got, want.Bytes())
		}
	}
}
