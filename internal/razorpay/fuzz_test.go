package razorpay

import (
	"encoding/json"
	"testing"
)

// FuzzDecodeCustomer: no answer body may panic the decoders, and a decoded
// customer always maps to state.
func FuzzDecodeCustomer(f *testing.F) {
	f.Add([]byte(`{"id":"cust_1Aa00000000004","entity":"customer","notes":[],"gstin":null,"created_at":1}`))
	f.Add([]byte(`{"notes":{"a":"b","n":1}}`))
	f.Add([]byte(`{"notes":[1]}`))
	f.Add([]byte(`{"error":{"code":"BAD_REQUEST_ERROR","description":"The id provided does not exist"}}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		var c Customer
		if json.Unmarshal(b, &c) == nil {
			var m customerModel
			m.FromAPI(&c)
		}
		e := decodeError(400, b)
		if e.NotFound && e.Message == "" {
			t.Errorf("NotFound without Razorpay's message: %s", b)
		}
	})
}
