package razorpay

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"
)

// FuzzDecodeCustomer: no answer body may panic the decoders; a decoded
// customer maps to state value for value (notes [] and {} alike empty).
func FuzzDecodeCustomer(f *testing.F) {
	f.Add([]byte(`{"id":"cust_1Aa00000000004","entity":"customer","name":"Gaurav Kumar","email":"gaurav.kumar@example.com",` +
		`"contact":"+919876543210","gstin":"29ABCDE1234F1Z5","notes":{"tier":"gold"},"created_at":1234567890}`))
	f.Add([]byte(`{"id":"cust_1Aa00000000004","entity":"customer","notes":[],"gstin":null,"created_at":1}`))
	f.Add([]byte(`{"notes":{"a":"b","n":1}}`))
	f.Add([]byte(`{"notes":[1]}`))
	f.Add([]byte(`{"notes":null,"created_at":-1}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		var c Customer
		if json.Unmarshal(b, &c) != nil {
			return
		}
		var m customerModel
		m.FromAPI(&c)
		if m.ID.ValueString() != c.ID || m.Entity.ValueString() != c.Entity || m.Name.ValueString() != c.Name ||
			m.Contact.ValueString() != c.Contact || m.Email.ValueString() != c.Email || m.CreatedAt.ValueInt64() != c.CreatedAt {
			t.Errorf("mapped %+v from %+v", m, c)
		}
		// With no gstin configured (the prior here), null and "" read as
		// null; any other value as itself.
		if c.GSTIN == nil || *c.GSTIN == "" {
			if !m.GSTIN.IsNull() {
				t.Errorf("gstin %v from %v, want null", m.GSTIN, c.GSTIN)
			}
		} else if m.GSTIN.ValueString() != *c.GSTIN {
			t.Errorf("gstin %v from %q", m.GSTIN, *c.GSTIN)
		}
		if m.Notes.IsNull() || len(m.Notes.Elements()) != len(c.Notes) {
			t.Errorf("notes %v from %v", m.Notes, c.Notes)
		}
	})
}

// FuzzDecodeError checks decodeError against CONTRACT.md §3: a
// customer is gone only for HTTP 400 whose error description is "The id
// provided does not exist" (the decoder also takes it with a final period or
// surrounding blanks); any other status, description or body is not gone,
// whatever else it says. Message is the description.
//
// The description is read as encoding/json reads it, keys in any case
// ({"error":{"desCription":...}} counts): unlike Xtrakit's 404, nothing but
// Razorpay answers a 400 with that exact description, so this leniency
// cannot mistake another server's answer for a deleted customer.
func FuzzDecodeError(f *testing.F) {
	f.Add(400, []byte(`{"error":{"code":"BAD_REQUEST_ERROR","description":"The id provided does not exist","source":"NA","step":"NA","reason":"NA","metadata":{}}}`))
	f.Add(400, []byte(`{"error":{"code":"BAD_REQUEST_ERROR","description":"The id provided does not exist."}}`))
	f.Add(400, []byte(`{"error":{"code":"BAD_REQUEST_ERROR","description":"id is not a valid id","field":"id"}}`))
	f.Add(400, []byte(`{"error":{"code":"BAD_REQUEST_ERROR","description":"Customer already exists for the merchant"}}`))
	f.Add(404, []byte(`{"error":{"code":"BAD_REQUEST_ERROR","description":"The id provided does not exist"}}`))
	f.Add(400, []byte(`{"description":"The id provided does not exist"}`))
	f.Add(400, []byte(`{"error":{"description":"The id provided does not exist!"}}`))
	f.Add(401, []byte(`{"error":{"code":"BAD_REQUEST_ERROR","description":"The api key provided is invalid"}}`))
	f.Add(429, []byte(`{"error":{"code":"TOO_MANY_REQUESTS","description":"Too many requests"}}`))
	f.Add(502, []byte(`<html>Bad Gateway</html>`))
	f.Add(400, []byte(``))
	f.Fuzz(func(t *testing.T, status int, body []byte) {
		e := decodeError(status, body)
		if e == nil {
			t.Fatal("nil APIError")
		}
		var doc struct {
			Error struct {
				Description any `json:"description"`
			} `json:"error"`
		}
		_ = json.Unmarshal(body, &doc)
		desc, _ := doc.Error.Description.(string)
		wantGone := status == http.StatusBadRequest && strings.TrimSuffix(strings.TrimSpace(desc), ".") == msgNoSuchID
		if e.NotFound != wantGone {
			t.Errorf("NotFound = %v for HTTP %d %q, want %v", e.NotFound, status, body, wantGone)
		}
		if e.Message != desc {
			t.Errorf("Message = %q, want %q", e.Message, desc)
		}
		_ = e.Error()
	})
}
