package webcommander

import (
	"encoding/json"
	"net/http"
	"strconv"
	"testing"

	"github.com/customerops/terraform-provider-crm/internal/fields"
	"github.com/customerops/terraform-provider-crm/internal/transport"
	"github.com/customerops/terraform-provider-crm/internal/transport/decodetest"
)

// FuzzDecodeError checks decodeError against CONTRACT.md §3, read here
// independently of the decoder: the body is a generic JSON document and its
// keys are matched exactly, as the contract spells them ("Error" or
// "ERROR" is not "error"; encoding/json's struct decoding would take
// them), and a key given twice counts once, with its last value.
//   - The customer is gone only for HTTP 404 whose "error" is the string
//     "not_found", exactly (the slug is snake_case, not free text). Any
//     other 404 (a proxy's page, another slug, "Not_Found") and any other
//     status is not, whatever "code" or "message" say.
//   - When "message" is a string, Message is it. A body that is not a JSON
//     object gives no Message, Field or Details.
//   - Field errors: an "errors" array whose entries all carry string
//     "field" and "message" gives the details "field: message", in order;
//     any "errors" array gives one detail per entry; "errors" of any other
//     value gives none.
//   - Field is blamed only when "errors" is an array of one entry whose
//     "field" is a string, and then it is that field: a field the body
//     never names is never blamed.
//
// Message and Details are left unchecked when their member is missing or
// mistyped: they are text shown to the user. NotFound and Field are acted
// on (a record dropped from state, a field blamed) and are checked always.
func FuzzDecodeError(f *testing.F) {
	f.Add(404, []byte(`{"status":"error","code":404,"message":"Customer not found","error":"not_found"}`))
	// Keys in another case, or repeated: not WebCommander's "not found".
	f.Add(404, []byte(`{"message":"Customer not found","ERROR":"not_found"}`))
	f.Add(404, []byte(`{"error":"not_found","error":null}`))
	f.Add(400, []byte(`{"errors":[{"FIELD":"first_name","message":"required"}]}`))
	f.Add(400, []byte(`{"status":"error","code":400,"message":"Customer name is required","error":"validation_failed","errors":[{"field":"first_name","code":"required","message":"Customer name is required"}]}`))
	f.Add(404, []byte(`<html>Not Found</html>`))
	f.Add(404, []byte(`{"status":"error","code":404,"message":"Customer not found","error":"Not_Found"}`))
	f.Add(404, []byte(`{"status":"error","code":404,"message":"Customer not found"}`))
	f.Add(404, []byte(`{"status":"error","code":404,"message":"Customer not found","error":null}`))
	f.Add(404, []byte(`{"status":"error","code":404,"message":"Customer not found","error":["not_found"]}`))
	f.Add(200, []byte(`{"status":"error","code":404,"message":"Customer not found","error":"not_found"}`))
	f.Add(410, []byte(`{"status":"error","code":404,"message":"Customer not found","error":"not_found"}`))
	f.Add(404, []byte(`{"code":"404","message":7,"error":"not_found","errors":"none"}`))
	f.Add(400, []byte(`{"status":"error","code":400,"message":"The email address is not valid","error":"validation_failed","errors":[{"field":"email","code":"invalid","message":"The email address is not valid"},{"field":"status","code":"invalid","message":"Status must be one of active, inactive, pending, approval_awaiting, awaiting_verification"}]}`))
	f.Add(400, []byte(`{"errors":[{"field":1,"code":2,"message":"m"},null,5]}`))
	f.Add(400, []byte(`{"errors":[{"code":"required","message":"no field"}]}`))
	f.Add(401, []byte(`{"status":"error","code":401,"message":"Invalid or expired access token","error":"unauthorized"}`))
	f.Add(401, []byte(`{"status":"error","code":401,"error":"invalid_grant"}`))
	f.Add(409, []byte(`{"status":"error","code":409,"message":"The email address is already registered","error":"conflict"}`))
	f.Add(502, []byte(`<html>Bad Gateway</html>`))
	f.Add(500, []byte(``))
	f.Fuzz(func(t *testing.T, status int, body []byte) {
		// Every body is also tried at 404, the one status at which its
		// words can mean gone: the fuzzer seldom steps the status there.
		checkDecodeError(t, status, body)
		if status != http.StatusNotFound {
			checkDecodeError(t, http.StatusNotFound, body)
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
	msg, msgIsString := obj["message"].(string)
	slug, _ := obj["error"].(string)

	wantGone := status == http.StatusNotFound && slug == "not_found"
	if e.NotFound != wantGone {
		t.Errorf("NotFound = %v for HTTP %d %q, want %v", e.NotFound, status, body, wantGone)
	}
	if transport.IsNotFound(e) != e.NotFound {
		t.Error("IsNotFound disagrees with NotFound")
	}
	if msgIsString && e.Message != msg {
		t.Errorf("Message = %q for %q, want %q", e.Message, body, msg)
	}
	if !isObj && (e.Message != "" || e.Field != "" || e.Details != nil) {
		t.Errorf("%q is no JSON object, yet decoded to %+v", body, e)
	}

	decodetest.FieldErrors(t, body, obj, e)
	_ = e.Error()
}

// FuzzCustomerAnswer: any answer maps back onto the model without a
// panic; the id and the PRIMARY city are the answer's.
func FuzzCustomerAnswer(f *testing.F) {
	f.Add([]byte(answer))
	f.Add([]byte(`{"customer":{"id":1,"store_credit":"12.5","addresses":[{"type":"PRIMARY","country":{"code":"AU"}}]}}`))
	f.Add([]byte(`{"customer":{"id":1,"store_credit":1e400,"shipping_profile":{"id":"x"}}}`))
	f.Fuzz(func(t *testing.T, body []byte) {
		var env customerEnvelope
		if json.Unmarshal(body, &env) != nil || env.Customer == nil {
			return
		}
		m := customerModel{Email: fields.EmailNull()}
		m.FromAPI(env.Customer)
		if m.ID.ValueString() != strconv.FormatInt(env.Customer.ID, 10) {
			t.Errorf("id %q mapped from %d", m.ID.ValueString(), env.Customer.ID)
		}
		if p := env.Customer.primary(); p != nil && p.City != nil && *p.City != "" && m.City.ValueString() != *p.City {
			t.Errorf("city %q mapped from %q", m.City.ValueString(), *p.City)
		}
	})
}
