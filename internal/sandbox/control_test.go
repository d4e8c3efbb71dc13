package sandbox_test

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	sbxtrakit "github.com/customerops/terraform-provider-crm/internal/sandbox/xtrakit"
)

func TestControlRequestsAndFaults(t *testing.T) {
	s := started(t)
	call(t, "POST", sbxtrakit.URL(s)+"/customer-groups/add", sbxtrakit.Name, xtrakitGroup)

	status, body, _ := call(t, "GET", s.URL()+"/_sandbox/requests", "", "")
	var log []map[string]any
	if err := json.Unmarshal([]byte(body), &log); status != 200 || err != nil || len(log) != 1 {
		t.Fatalf("GET requests: %d %s", status, body)
	}
	if r := log[0]; r["platform"] != "xtrakit" || r["method"] != "POST" || r["path"] != "/customer-groups/add" ||
		r["body"] != xtrakitGroup || r["status"] != 200.0 {
		t.Errorf("logged request: %v", r)
	}
	if status, body, _ := call(t, "GET", s.URL()+"/_sandbox/requests?platform=razorpay", "", ""); status != 200 || body != "[]" {
		t.Errorf("filtered requests: %d %s", status, body)
	}
	if status, _, _ := call(t, "DELETE", s.URL()+"/_sandbox/requests", "", ""); status != 204 || len(s.Requests()) != 0 {
		t.Errorf("DELETE requests: %d, %d left", status, len(s.Requests()))
	}

	status, body, _ = call(t, "POST", s.URL()+"/_sandbox/faults", "",
		`{"platform":"xtrakit","method":"GET","path":"/customers","times":1,"latency":"20ms","status":429,"retry_after":"3"}`)
	if status != 201 || !strings.Contains(body, `"latency":"20ms"`) {
		t.Fatalf("POST fault: %d %s", status, body)
	}
	if f := s.Faults(); len(f) != 1 || f[0].Latency != 20*time.Millisecond || f[0].Status != 429 || f[0].RetryAfter != "3" || f[0].Times != 1 {
		t.Errorf("fault: %+v", f)
	}
	if status, body, _ := call(t, "GET", s.URL()+"/_sandbox/faults", "", ""); status != 200 || !strings.Contains(body, `"retry_after":"3"`) {
		t.Errorf("GET faults: %d %s", status, body)
	}
	if status, _, h := call(t, "GET", sbxtrakit.URL(s)+"/customers", sbxtrakit.Name, ""); status != 429 || h.Get("Retry-After") != "3" {
		t.Errorf("fault not applied: %d", status)
	}
	call(t, "POST", s.URL()+"/_sandbox/faults", "", `{"status":503}`)
	if status, _, _ := call(t, "DELETE", s.URL()+"/_sandbox/faults", "", ""); status != 204 || len(s.Faults()) != 0 {
		t.Errorf("DELETE faults: %d", status)
	}
	for _, bad := range []string{`{"latency":"soon"}`, `{"status":42}`, `{"times":-1}`, `{"stauts":500}`, `nope`} {
		if status, _, _ := call(t, "POST", s.URL()+"/_sandbox/faults", "", bad); status != 400 {
			t.Errorf("POST fault %s: %d", bad, status)
		}
	}
	if len(s.Faults()) != 0 {
		t.Error("a bad fault was injected")
	}
}
