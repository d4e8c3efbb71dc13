package razorpay

import (
	"encoding/json"
	"net/http"
	"slices"
	"strings"
	"testing"

	"github.com/customerops/terraform-provider-crm/internal/transport"
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

// FuzzDecodeError checks decodeError against CONTRACT.md §3, read here
// independently of the decoder: the body is a generic JSON document and its
// keys are matched exactly, as the contract spells them
// ({"error":{"description":...}}; "Error" or "desCription" is not it,
// though encoding/json's struct decoding would take them), and a key given
// twice counts once, with its last value.
//   - A customer is gone only for HTTP 400 whose error description is the
//     string "The id provided does not exist", give or take blanks around
//     it and one trailing full stop. Any other status (a 404 comes from
//     something in front of Razorpay), description or body is not.
//   - When the description is a string, Message is it. A body that is not
//     a JSON object gives no Message, Field or Details.
//   - Field is the error's "field" when that is a string, else empty: a
//     field the body never names is never blamed.
//   - When the error's "code" is a string, Details show it as "code: ..."
//     unless it is "" or BAD_REQUEST_ERROR, and are empty otherwise.
//
// Message and Details are left unchecked when their member is missing or
// mistyped: they are text shown to the user (the corpus keeps
// {"error":{"desCription":...}}, which the decoder shows). NotFound and
// Field are acted on (a record dropped from state, a field blamed) and are
// checked always.
func FuzzDecodeError(f *testing.F) {
	f.Add(400, []byte(`{"error":{"code":"BAD_REQUEST_ERROR","description":"The id provided does not exist","source":"NA","step":"NA","reason":"NA","metadata":{}}}`))
	// Keys in another case, or a repeated "error": not Razorpay's "does not exist".
	f.Add(400, []byte(`{"Error":{"Description":"The id provided does not exist"}}`))
	f.Add(400, []byte(`{"error":{"description":"The id provided does not exist"},"error":{"code":"X"}}`))
	f.Add(400, []byte(`{"error":{"FIELD":"contact","description":"x"}}`))
	f.Add(400, []byte(`{"error":{"code":"BAD_REQUEST_ERROR","description":"The id provided does not exist."}}`))
	f.Add(400, []byte(`{"error":{"code":"BAD_REQUEST_ERROR","description":"  The id provided does not exist. "}}`))
	f.Add(400, []byte(`{"error":{"code":"BAD_REQUEST_ERROR","description":"The id provided does not exist.."}}`))
	f.Add(400, []byte(`{"error":{"code":"BAD_REQUEST_ERROR","description":"the id provided does not exist"}}`))
	f.Add(400, []byte(`{"error":{"code":"BAD_REQUEST_ERROR","description":"id is not a valid id","field":"id"}}`))
	f.Add(400, []byte(`{"error":{"code":"BAD_REQUEST_ERROR","description":"Customer already exists for the merchant"}}`))
	f.Add(400, []byte(`{"error":{"code":"BAD_REQUEST_ERROR","description":"Contact number should be at least 8 digits, including country code","field":"contact","source":"business","step":"payment_initiation","reason":"input_validation_failed","metadata":{}}}`))
	f.Add(404, []byte(`{"error":{"code":"BAD_REQUEST_ERROR","description":"The id provided does not exist"}}`))
	f.Add(400, []byte(`{"description":"The id provided does not exist"}`))
	f.Add(400, []byte(`{"error":"The id provided does not exist"}`))
	f.Add(400, []byte(`{"error":{"description":["The id provided does not exist"]}}`))
	f.Add(400, []byte(`{"error":{"description":"The id provided does not exist!"}}`))
	f.Add(400, []byte(`{"error":{"code":1,"description":2,"field":["contact"]}}`))
	f.Add(401, []byte(`{"error":{"code":"BAD_REQUEST_ERROR","description":"The api key provided is invalid"}}`))
	f.Add(429, []byte(`{"error":{"code":"TOO_MANY_REQUESTS","description":"Too many requests"}}`))
	f.Add(500, []byte(`{"error":{"code":"SERVER_ERROR","description":"The server encountered an error. The incident has been reported to admins."}}`))
	f.Add(502, []byte(`<html>Bad Gateway</html>`))
	f.Add(400, []byte(``))
	f.Fuzz(func(t *testing.T, status int, body []byte) {
		// Every body is also tried at 400, the one status at which its
		// words can mean gone: the fuzzer seldom steps the status there.
		checkDecodeError(t, status, body)
		if status != http.StatusBadRequest {
			checkDecodeError(t, http.StatusBadRequest, body)
		}
	})
}

// checkDecodeError is FuzzDecodeError's oracle for one answer.
func checkDecodeError(t *testing.T, status int, body []byte) {
	t.Helper()
	e := decodeError(status, body)
	if e == nil {
		t.Fatal("nil APIError")
	}
	var doc any
	_ = json.Unmarshal(body, &doc) // not JSON: doc stays nil
	obj, isObj := doc.(map[string]any)
	errObj, _ := obj["error"].(map[string]any)
	desc, descIsString := errObj["description"].(string)

	words := strings.TrimSpace(desc)
	wantGone := status == http.StatusBadRequest && descIsString &&
		(words == "The id provided does not exist" || words == "The id provided does not exist.")
	if e.NotFound != wantGone {
		t.Errorf("NotFound = %v for HTTP %d %q, want %v", e.NotFound, status, body, wantGone)
	}
	if transport.IsNotFound(e) != e.NotFound {
		t.Error("IsNotFound disagrees with NotFound")
	}
	if descIsString && e.Message != desc {
		t.Errorf("Message = %q for %q, want %q", e.Message, body, desc)
	}
	if !isObj && (e.Message != "" || e.Field != "" || e.Details != nil) {
		t.Errorf("%q is no JSON object, yet decoded to %+v", body, e)
	}
	wantField, _ := errObj["field"].(string)
	if e.Field != wantField {
		t.Errorf("Field = %q for %q, want %q", e.Field, body, wantField)
	}
	if code, ok := errObj["code"].(string); ok {
		var want []string
		if code != "" && code != "BAD_REQUEST_ERROR" {
			want = []string{"code: " + code}
		}
		if !slices.Equal(e.Details, want) {
			t.Errorf("Details = %q for %q, want %q", e.Details, body, want)
		}
	}
	_ = e.Error()
}
