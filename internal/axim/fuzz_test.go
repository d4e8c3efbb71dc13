package axim

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/customerops/terraform-provider-crm/internal/fields"
	"github.com/customerops/terraform-provider-crm/internal/transport"
	"github.com/customerops/terraform-provider-crm/internal/transport/decodetest"
)

// FuzzDecodeError checks decodeError against CONTRACT.md §3, read here
// independently of the decoder: the body is a generic JSON document and its
// keys are matched exactly, as the contract spells them ("Message" or
// "MESSAGE" is not "message"; encoding/json's struct decoding would take
// them), and a key given twice counts once, with its last value.
//   - The customer is gone only for HTTP 404 whose "message" is the string
//     "Customer not found", in any letter case. Any other 404 (a proxy's
//     page, "Route not found", "0", null) and any other status is not.
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
	f.Add(404, []byte(`{"success":false,"message":"Customer not found"}`))
	// Keys in another case, or repeated: not Axim's "not found".
	f.Add(404, []byte(`{"success":false,"MESSAGE":"Customer not found"}`))
	f.Add(404, []byte(`{"message":"Customer not found","message":null}`))
	f.Add(400, []byte(`{"errors":[{"FIELD":"email","message":"invalid"}]}`))
	f.Add(400, []byte(`{"Errors":[{"field":"email","message":"invalid"}]}`))
	f.Add(400, []byte(`{"success":false,"message":"Validation failed","errors":[{"field":"email","message":"invalid"}]}`))
	f.Add(404, []byte(`<html>Not Found</html>`))
	f.Add(404, []byte(`"0"`))
	f.Add(404, []byte(`{"success":false,"message":"customer NOT found"}`))
	f.Add(404, []byte(`{"success":false,"message":"Route not found"}`))
	f.Add(404, []byte(`{"success":false,"message":" Customer not found"}`))
	f.Add(400, []byte(`{"success":false,"message":"Customer not found"}`))
	f.Add(200, []byte(`{"success":false,"message":"Customer not found"}`))
	f.Add(404, []byte(`{"success":false,"message":["Customer not found"]}`))
	f.Add(404, []byte(`{"success":false,"message":null}`))
	f.Add(404, []byte(`{"message":"Customer not found","errors":"email","success":"no"}`))
	f.Add(400, []byte(`{"success":false,"message":"Validation failed","errors":[{"field":"email","message":"a"},{"field":"firstName","message":"b"}]}`))
	f.Add(400, []byte(`{"success":false,"message":"Customer with this email already exists"}`))
	f.Add(400, []byte(`{"errors":[{"field":1,"message":"m"},null,5]}`))
	f.Add(400, []byte(`{"errors":[{"message":"no field"}]}`))
	f.Add(400, []byte(`{"errors":{"field":"email","message":"not an array"}}`))
	f.Add(401, []byte(`{"success":false,"message":"Unauthorized"}`))
	f.Add(429, []byte(`{"success":false,"message":"Too Many Requests"}`))
	f.Add(500, []byte(``))
	f.Add(404, []byte(`{"message":"Customer not found"} trailing`))
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

	wantGone := status == http.StatusNotFound && msgIsString && strings.EqualFold(msg, "Customer not found")
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

// FuzzCustomerAnswer: any answer decodes and maps onto the model without
// a panic; what it maps is what the answer said.
func FuzzCustomerAnswer(f *testing.F) {
	f.Add([]byte(`{"success":true,"data":{"id":"638df9e713920facde1a1cfa","firstName":"John","email":"j@x.com","address":[{"city":"Elizabeth","isDefaultAddress":true}],"metaFields":[{"code":"n","value":12548},{"code":"s","value":"x"},{"code":"b","value":true}]}}`))
	f.Add([]byte(`{"data":{"metaFields":[{"code":"n","value":{"deep":[1,null]}}]}}`))
	f.Add([]byte(`{"data":null}`))
	f.Fuzz(func(t *testing.T, body []byte) {
		var out envelope[*Customer]
		if json.Unmarshal(body, &out) != nil || out.Data == nil {
			return
		}
		m := customerModel{MetaFields: types.DynamicNull(), Email: fields.EmailNull()}
		m.FromAPI(out.Data)
		if m.ID.ValueString() != out.Data.ID || len(m.Addresses) != len(out.Data.Address) {
			t.Errorf("id %q / %d addresses mapped from %q / %d", m.ID.ValueString(), len(m.Addresses), out.Data.ID, len(out.Data.Address))
		}
	})
}
