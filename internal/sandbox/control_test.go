package sandbox_test

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	sbrazorpay "github.com/customerops/terraform-provider-crm/internal/sandbox/razorpay"
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

func TestControlXtrakitStore(t *testing.T) {
	s := started(t)
	base := s.URL() + "/_sandbox/xtrakit"
	if status, body, _ := call(t, "POST", base+"/customer-groups", "", `{"group_name":"Seeded"}`); status != 201 || !strings.Contains(body, `"id":1`) {
		t.Fatalf("seed group: %d %s", status, body)
	}
	call(t, "POST", sbxtrakit.URL(s)+"/customers/add", sbxtrakit.Name, xtrakitCustomer)

	status, body, _ := call(t, "PATCH", base+"/customers/1", "", `{"customer_city":"Tamale","customer_group_id":1}`)
	if status != 200 || !strings.Contains(body, `"customer_city":"Tamale"`) {
		t.Fatalf("PATCH customer: %d %s", status, body)
	}
	// The API sees the out-of-band change.
	if _, body, _ := call(t, "GET", sbxtrakit.URL(s)+"/customers/1", sbxtrakit.Name, ""); !strings.Contains(body, `"customer_city":"Tamale"`) ||
		!strings.Contains(body, `"group_name":"Seeded"`) {
		t.Errorf("API after PATCH: %s", body)
	}
	if status, body, _ := call(t, "GET", base+"/customers", "", ""); status != 200 || !strings.HasPrefix(body, `[{"id":1,`) {
		t.Errorf("dump customers: %d %s", status, body)
	}
	if status, _, _ := call(t, "GET", base+"/customers/1", "", ""); status != 200 {
		t.Errorf("GET customer: %d", status)
	}
	if status, _, _ := call(t, "PATCH", base+"/customer-groups/1", "", `{"group_description":"changed"}`); status != 200 {
		t.Errorf("PATCH group: %d", status)
	}
	if g, _ := sbxtrakit.StoreOf(s).Groups.Get(1); g.GroupDescription == nil || *g.GroupDescription != "changed" {
		t.Errorf("group: %+v", g)
	}
	for _, tc := range []struct {
		method, path, body string
		want               int
	}{
		{"PATCH", "/customers/1", `{"nope":1}`, 400},
		{"PATCH", "/customers/9", `{}`, 404},
		{"PATCH", "/customers/x", `{}`, 404},
		{"GET", "/customer-groups/9", "", 404},
		{"DELETE", "/customer-groups/1", "", 204}, // out of band: no 409 although customer 1 is in it
		{"DELETE", "/customer-groups/1", "", 404},
		{"GET", "/customer-groups", "", 200},
		{"DELETE", "/customers/1", "", 204},
		{"DELETE", "/customers/1", "", 404},
	} {
		if status, body, _ := call(t, tc.method, base+tc.path, "", tc.body); status != tc.want {
			t.Errorf("%s %s: %d %s, want %d", tc.method, tc.path, status, body, tc.want)
		}
	}
	if status, _, _ := call(t, "GET", sbxtrakit.URL(s)+"/customers/1", sbxtrakit.Name, ""); status != 404 {
		t.Errorf("API after out-of-band delete: %d", status)
	}
	if len(s.Requests()) != 3 {
		t.Errorf("control requests were logged: %d", len(s.Requests()))
	}
}

func TestControlRazorpayStore(t *testing.T) {
	s := started(t)
	base := s.URL() + "/_sandbox/razorpay/customers"
	status, body, _ := call(t, "POST", base, "", `{"name":"Seeded","email":"s@example.com","notes":[]}`)
	var c struct{ ID string }
	if err := json.Unmarshal([]byte(body), &c); status != 201 || err != nil || c.ID == "" {
		t.Fatalf("seed: %d %s", status, body)
	}
	if status, body, _ := call(t, "PATCH", base+"/"+c.ID, "", `{"contact":"+919999999999","notes":{"k":"v"}}`); status != 200 ||
		!strings.Contains(body, `"notes":{"k":"v"}`) {
		t.Errorf("PATCH: %d %s", status, body)
	}
	if _, body, _ := call(t, "GET", sbrazorpay.URL(s)+"/customers/"+c.ID, sbrazorpay.Name, ""); !strings.Contains(body, `"contact":"+919999999999"`) {
		t.Errorf("API after PATCH: %s", body)
	}
	if status, body, _ := call(t, "GET", base, "", ""); status != 200 || !strings.Contains(body, c.ID) {
		t.Errorf("dump: %d %s", status, body)
	}
	if status, _, _ := call(t, "GET", base+"/"+c.ID, "", ""); status != 200 {
		t.Errorf("GET: %d", status)
	}
	if status, _, _ := call(t, "DELETE", base+"/"+c.ID, "", ""); status != 204 {
		t.Errorf("DELETE: %d", status)
	}
	if status, body, _ := call(t, "GET", sbrazorpay.URL(s)+"/customers/"+c.ID, sbrazorpay.Name, ""); status != 400 ||
		!strings.Contains(body, "The id provided does not exist") {
		t.Errorf("API after out-of-band delete: %d %s", status, body)
	}
	for _, m := range []string{"GET", "PATCH", "DELETE"} {
		if status, _, _ := call(t, m, base+"/"+c.ID, "", "{}"); status != 404 {
			t.Errorf("%s removed customer: %d", m, status)
		}
	}
}
