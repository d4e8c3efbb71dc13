package stripe

import (
	"encoding/json"
	"testing"
)

// FuzzStripeDecodeError: for any status and body, the decoder agrees with
// an oracle written on generic JSON (exact keys; for a repeated key, the
// last one): gone is exactly a 404 whose error.code is "resource_missing";
// the message and the field are error.message and error.param when they
// are strings.
func FuzzStripeDecodeError(f *testing.F) {
	for _, seed := range []string{
		`{"error":{"type":"invalid_request_error","code":"resource_missing","message":"No such customer","param":"id"}}`,
		`{"error":{"code":"resource_missing","code":"x"}}`, `{"error":{"Code":"resource_missing"}}`, `{"error":null}`,
		`{"error":[]}`, `{"error":{"message":5}}`, `<html>`, ``, `null`, `{"error":{"code":"resource_missing"},"error":{}}`,
	} {
		f.Add(404, seed)
		f.Add(400, seed)
	}
	f.Fuzz(func(t *testing.T, status int, body string) {
		got := decodeError(status, []byte(body))
		var root map[string]any
		_ = json.Unmarshal([]byte(body), &root)
		e, _ := root["error"].(map[string]any)
		str := func(k string) string { s, _ := e[k].(string); return s }
		gone := status == 404 && str("code") == "resource_missing"
		if got.NotFound != gone || got.Message != str("message") || got.Field != str("param") {
			t.Fatalf("%d %q: got %+v; oracle gone=%v message=%q param=%q", status, body, got, gone, str("message"), str("param"))
		}
	})
}
