package sandbox_test

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"github.com/customerops/terraform-provider-crm/internal/sandbox"
	sbaxim "github.com/customerops/terraform-provider-crm/internal/sandbox/axim"
	sbrazorpay "github.com/customerops/terraform-provider-crm/internal/sandbox/razorpay"
	sbxtrakit "github.com/customerops/terraform-provider-crm/internal/sandbox/xtrakit"
)

func TestAximIsMounted(t *testing.T) {
	s := started(t)
	if sbaxim.URL(s) != s.URL()+"/axim/api" {
		t.Fatalf("AximURL %s", sbaxim.URL(s))
	}
	status, body, _ := call(t, "POST", sbaxim.URL(s)+"/customers", sbaxim.Name, aximCustomer)
	if status != 201 || !strings.Contains(body, `"message":"Customer created successfully"`) ||
		!strings.Contains(body, `"metaFields":[{"code":"p21_contact_id","value":12548}]`) {
		t.Fatalf("axim create: %d %s", status, body)
	}
	all := sbaxim.StoreOf(s).Customers.List()
	if len(all) != 1 || all[0].Email != "john@aximcommerce.com" {
		t.Fatalf("axim store: %+v", all)
	}
	if status, body, _ := call(t, "GET", sbaxim.URL(s)+"/customers/"+all[0].ID, sbaxim.Name, ""); status != 200 ||
		!strings.Contains(body, `"id":"`+all[0].ID+`"`) {
		t.Errorf("axim get: %d %s", status, body)
	}
	// The 401 body; other platforms' credentials are not Axim's.
	for _, auth := range []string{"", sbxtrakit.Name, sbrazorpay.Name} {
		if status, body, _ := call(t, "GET", sbaxim.URL(s)+"/customers", auth, ""); status != 401 ||
			body != `{"success":false,"message":"Unauthorized"}` {
			t.Errorf("axim 401 with %q credentials: %d %s", auth, status, body)
		}
	}
	for _, p := range []string{"/axim", "/axim/apix/customers", "/axim/v1/customers"} {
		if status, _, _ := call(t, "GET", s.URL()+p, sbaxim.Name, ""); status != 404 {
			t.Errorf("GET %s: %d", p, status)
		}
	}
	reqs := s.RequestsFor(sbaxim.Name)
	if len(reqs) != 5 || reqs[0].Path != "/customers" || reqs[0].Header.Get("accessToken") != sbaxim.AccessToken ||
		string(reqs[0].Body) != aximCustomer || reqs[0].Status != 201 || reqs[2].Status != 401 {
		t.Errorf("request log: %+v", reqs)
	}
}

func TestAximFaults(t *testing.T) {
	s := started(t)
	s.InjectFault(sandbox.Fault{Platform: sbaxim.Name, Method: "POST", Path: "/customers", Times: 2, Status: 429, RetryAfter: "1"})
	for i := range 2 {
		status, body, h := call(t, "POST", sbaxim.URL(s)+"/customers", sbaxim.Name, aximCustomer)
		if status != 429 || h.Get("Retry-After") != "1" || body != `{"success":false,"message":"Too Many Requests"}` {
			t.Errorf("attempt %d: %d %q %s", i, status, h.Get("Retry-After"), body)
		}
	}
	if status, body, _ := call(t, "POST", sbaxim.URL(s)+"/customers", sbaxim.Name, aximCustomer); status != 201 {
		t.Errorf("third attempt: %d %s", status, body)
	}
	if n := len(sbaxim.StoreOf(s).Customers.List()); n != 1 {
		t.Errorf("%d customers, want 1", n)
	}
	for _, code := range []int{500, 502, 503, 504} {
		s.InjectFault(sandbox.Fault{Platform: sbaxim.Name, Times: 1, Status: code})
		status, body, _ := call(t, "GET", sbaxim.URL(s)+"/customers", sbaxim.Name, "")
		if want := `{"success":false,"message":"` + http.StatusText(code) + `"}`; status != code || body != want {
			t.Errorf("axim %d: %d %s, want %s", code, status, body, want)
		}
	}
	// An Axim fault leaves the other platforms alone.
	s.InjectFault(sandbox.Fault{Platform: sbaxim.Name, Status: 503})
	if status, _, _ := call(t, "GET", sbxtrakit.URL(s)+"/customers", sbxtrakit.Name, ""); status != 200 {
		t.Errorf("xtrakit under an axim fault: %d", status)
	}
}

func TestControlAximStore(t *testing.T) {
	s := started(t)
	base := s.URL() + "/_sandbox/axim/customers"
	status, body, _ := call(t, "POST", base, "", `{"firstName":"Seeded","email":"s@example.com","status":"active",
	  "address":[{"city":"Accra"}],"metaFields":[{"code":"n","value":12345678901234567890}]}`)
	var c sbaxim.Customer
	if err := json.Unmarshal([]byte(body), &c); status != 201 || err != nil || len(c.ID) != 24 || len(c.Address) != 1 || len(c.Address[0].ID) != 24 {
		t.Fatalf("seed: %d %s", status, body)
	}
	if !strings.Contains(body, `"value":12345678901234567890`) {
		t.Errorf("seeded meta value lost digits: %s", body)
	}
	if status, _, _ := call(t, "POST", base, "", `{"firstName":"x","nope":1}`); status != 400 {
		t.Errorf("seed with an unknown field: %d", status)
	}
	// PATCH with the JSON names, lists included; numbers keep every digit.
	status, body, _ = call(t, "PATCH", base+"/"+c.ID, "", `{"notes":"drifted","address":[],"metaFields":[{"code":"n","value":98765432109876543210}]}`)
	if status != 200 || !strings.Contains(body, `"notes":"drifted"`) || !strings.Contains(body, `"value":98765432109876543210`) {
		t.Errorf("PATCH: %d %s", status, body)
	}
	// The API sees the out-of-band change.
	if _, body, _ := call(t, "GET", sbaxim.URL(s)+"/customers/"+c.ID, sbaxim.Name, ""); !strings.Contains(body, `"notes":"drifted"`) ||
		!strings.Contains(body, `"address":[]`) || !strings.Contains(body, `"value":98765432109876543210`) {
		t.Errorf("API after PATCH: %s", body)
	}
	if status, body, _ := call(t, "GET", base, "", ""); status != 200 || !strings.HasPrefix(body, `[{"id":"`+c.ID+`"`) {
		t.Errorf("dump: %d %s", status, body)
	}
	if status, _, _ := call(t, "GET", base+"/"+c.ID, "", ""); status != 200 {
		t.Errorf("GET: %d", status)
	}
	for _, tc := range []struct {
		method, path, body string
		want               int
	}{
		{"PATCH", "/" + c.ID, `{"nope":1}`, 400},
		{"PATCH", "/" + c.ID, `{"id":"0123456789abcdef01234567"}`, 400},
		{"PATCH", "/0123456789abcdef01234567", `{}`, 404},
		{"GET", "/0123456789abcdef01234567", "", 404},
		{"DELETE", "/" + c.ID, "", 204},
		{"DELETE", "/" + c.ID, "", 404},
		{"GET", "/" + c.ID, "", 404},
	} {
		if status, body, _ := call(t, tc.method, base+tc.path, "", tc.body); status != tc.want {
			t.Errorf("%s %s: %d %s, want %d", tc.method, tc.path, status, body, tc.want)
		}
	}
	if status, body, _ := call(t, "GET", sbaxim.URL(s)+"/customers/"+c.ID, sbaxim.Name, ""); status != 404 ||
		body != `{"success":false,"message":"Customer not found"}` {
		t.Errorf("API after out-of-band delete: %d %s", status, body)
	}
	if n := len(s.Requests()); n != 2 {
		t.Errorf("control requests were logged: %d", n)
	}
}

func TestAximNormalize(t *testing.T) {
	s := started(t)
	body := `{"firstName":" John\t","lastName":"Doe","email":"John@AximCommerce.COM","status":"active",
	  "address":[{"city":" Elizabeth "}],"metaFields":[{"code":" k ","value":" v "}]}`
	status, got, _ := call(t, "POST", sbaxim.URL(s)+"/customers", sbaxim.Name, body)
	if status != 201 || !strings.Contains(got, `"firstName":" John\t"`) || !strings.Contains(got, `"email":"John@AximCommerce.COM"`) {
		t.Fatalf("switches off: %d %s", status, got)
	}
	if status, _, _ := call(t, "PUT", s.URL()+"/_sandbox/normalize", "", allOnJSON); status != 200 {
		t.Fatalf("PUT normalize: %d", status)
	}
	if sbaxim.StoreOf(s).Normalize() != s.Normalize() {
		t.Errorf("axim switches %+v", sbaxim.StoreOf(s).Normalize())
	}
	body = strings.Replace(body, "John@", "Johnny@", 1)
	status, got, _ = call(t, "POST", sbaxim.URL(s)+"/customers", sbaxim.Name, body)
	for _, want := range []string{`"firstName":"John"`, `"email":"johnny@aximcommerce.com"`, `"city":"Elizabeth"`, `"code":"k","value":" v "`} {
		if status != 201 || !strings.Contains(got, want) {
			t.Errorf("switches on: %d %s lacks %s", status, got, want)
		}
	}
	s.SetNormalize(sandbox.Normalize{})
	if sbaxim.StoreOf(s).Normalize() != (sandbox.Normalize{}) {
		t.Errorf("SetNormalize did not reach axim: %+v", sbaxim.StoreOf(s).Normalize())
	}
}
