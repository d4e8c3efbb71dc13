package axim

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/customerops/terraform-provider-crm/internal/fields"
)

// FuzzDecodeError: any body, any status: no panic; "gone" only for a 404
// whose message is Axim's own "Customer not found".
func FuzzDecodeError(f *testing.F) {
	f.Add(404, []byte(`{"success":false,"message":"Customer not found"}`))
	f.Add(400, []byte(`{"success":false,"message":"Validation failed","errors":[{"field":"email","message":"invalid"}]}`))
	f.Add(404, []byte(`<html>Not Found</html>`))
	f.Add(404, []byte(`"0"`))
	f.Fuzz(func(t *testing.T, status int, body []byte) {
		e := decodeError(status, body)
		var eb struct {
			Message string `json:"message"`
		}
		_ = json.Unmarshal(body, &eb)
		if e.NotFound && (status != 404 || !strings.EqualFold(eb.Message, "Customer not found")) {
			t.Errorf("status %d body %q counted as gone", status, body)
		}
	})
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
