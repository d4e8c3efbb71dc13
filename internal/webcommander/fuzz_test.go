package webcommander

import (
	"encoding/json"
	"strconv"
	"testing"

	"github.com/customerops/terraform-provider-crm/internal/fields"
)

// FuzzDecodeError: any body, any status: no panic; "gone" only for a 404
// whose error is WebCommander's own "not_found".
func FuzzDecodeError(f *testing.F) {
	f.Add(404, []byte(`{"status":"error","code":404,"message":"Customer not found","error":"not_found"}`))
	f.Add(400, []byte(`{"status":"error","code":400,"message":"Customer name is required","error":"validation_failed","errors":[{"field":"first_name","code":"required","message":"Customer name is required"}]}`))
	f.Add(404, []byte(`<html>Not Found</html>`))
	f.Fuzz(func(t *testing.T, status int, body []byte) {
		e := decodeError(status, body)
		var eb errorBody
		_ = json.Unmarshal(body, &eb)
		if e.NotFound && (status != 404 || eb.Error != "not_found") {
			t.Errorf("status %d body %q counted as gone", status, body)
		}
	})
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
