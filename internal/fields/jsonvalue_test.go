package fields

import (
	"context"
	"encoding/json"
	"testing"
)

// A JSON value read into Terraform and written back is the same JSON: a
// number stays a number, written as it came.
func TestJSONRoundTrip(t *testing.T) {
	for _, in := range []string{
		`12548`, `0.1`, `-3.25`, `1e+21`, `"12548"`, `"gold"`, `true`, `false`, `null`,
		`[1,"a",true]`, `{"a":1,"b":{"c":"d"}}`, `""`, `0`,
	} {
		v, err := FromJSON(json.RawMessage(in))
		if err != nil {
			t.Fatalf("FromJSON(%s): %v", in, err)
		}
		out, err := ToJSON(context.Background(), v)
		if err != nil {
			t.Fatalf("ToJSON(%s): %v", in, err)
		}
		if string(out) != in {
			t.Errorf("round trip of %s gave %s", in, out)
		}
	}
	if _, err := FromJSON(json.RawMessage(`{`)); err == nil {
		t.Error("truncated JSON must be an error")
	}
}
