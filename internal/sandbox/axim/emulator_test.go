package axim

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/customerops/terraform-provider-crm/internal/sandbox"
	"github.com/customerops/terraform-provider-crm/internal/sandbox/emutest"
)

// The tests here drive Emulator as the sandbox mounts it: through the
// whole sandbox handler (routing, request log, faults, the control
// surface), with the credentials the sandbox accepts. That this emulator
// refuses the other platforms' credentials, and that its faults leave them
// alone, is the core's to test (internal/sandbox).

// mounted is a sandbox serving only Emulator, and a client of its handler
// sending AccessToken.
func mounted(t *testing.T) (*sandbox.Server, *emutest.Client) {
	return emutest.Mount(t, Emulator, func(r *http.Request) { r.Header.Set("accessToken", AccessToken) })
}

const allOnJSON = `{"lower_emails":true,"upper_gstin":true,"trim_space":true}`

func TestAximIsMounted(t *testing.T) {
	s, c := mounted(t)
	if URL(s) != s.URL()+"/axim/api" {
		t.Fatalf("AximURL %s", URL(s))
	}
	status, body := c.Do("POST", URL(s)+"/customers", johnDoe)
	if status != 201 || !strings.Contains(body, `"message":"Customer created successfully"`) ||
		!strings.Contains(body, `"metaFields":[{"code":"p21_contact_id","value":12548}]`) {
		t.Fatalf("axim create: %d %s", status, body)
	}
	all := StoreOf(s).Customers.List()
	if len(all) != 1 || all[0].Email != "john@aximcommerce.com" {
		t.Fatalf("axim store: %+v", all)
	}
	if status, body := c.Do("GET", URL(s)+"/customers/"+all[0].ID, ""); status != 200 ||
		!strings.Contains(body, `"id":"`+all[0].ID+`"`) {
		t.Errorf("axim get: %d %s", status, body)
	}
	// The 401 body, without credentials and with the other platforms'
	// kinds of credentials (a bearer token, basic auth).
	for _, auth := range []struct {
		name    string
		prepare func(*http.Request)
	}{
		{"no", nil},
		{"bearer", func(r *http.Request) { r.Header.Set("Authorization", "Bearer "+AccessToken) }},
		{"basic", func(r *http.Request) { r.SetBasicAuth(AccessToken, AccessToken) }},
	} {
		if status, body := c.Call("GET", URL(s)+"/customers", "", auth.prepare); status != 401 ||
			body != `{"success":false,"message":"Unauthorized"}` {
			t.Errorf("axim 401 with %s credentials: %d %s", auth.name, status, body)
		}
	}
	for _, p := range []string{"/axim", "/axim/apix/customers", "/axim/v1/customers"} {
		rec := httptest.NewRecorder()
		req := httptest.NewRequest("GET", s.URL()+p, nil)
		c.Auth(req)
		if s.Handler().ServeHTTP(rec, req); rec.Code != 404 {
			t.Errorf("GET %s: %d", p, rec.Code)
		}
	}
	reqs := s.RequestsFor(Name)
	if len(reqs) != 5 || reqs[0].Path != "/customers" || reqs[0].Header.Get("accessToken") != AccessToken ||
		string(reqs[0].Body) != johnDoe || reqs[0].Status != 201 || reqs[2].Status != 401 {
		t.Errorf("request log: %+v", reqs)
	}
}

func TestAximFaults(t *testing.T) {
	s, c := mounted(t)
	s.InjectFault(sandbox.Fault{Platform: Name, Method: "POST", Path: "/customers", Times: 2, Status: 429, RetryAfter: "1"})
	for i := range 2 {
		rec := c.Send("POST", URL(s)+"/customers", johnDoe, emutest.JSONBody, c.Auth)
		if status, body, h := rec.Code, rec.Body.String(), rec.Header(); status != 429 || h.Get("Retry-After") != "1" ||
			body != `{"success":false,"message":"Too Many Requests"}` {
			t.Errorf("attempt %d: %d %q %s", i, status, h.Get("Retry-After"), body)
		}
	}
	if status, body := c.Do("POST", URL(s)+"/customers", johnDoe); status != 201 {
		t.Errorf("third attempt: %d %s", status, body)
	}
	if n := len(StoreOf(s).Customers.List()); n != 1 {
		t.Errorf("%d customers, want 1", n)
	}
	for _, code := range []int{500, 502, 503, 504} {
		s.InjectFault(sandbox.Fault{Platform: Name, Times: 1, Status: code})
		status, body := c.Do("GET", URL(s)+"/customers", "")
		if want := `{"success":false,"message":"` + http.StatusText(code) + `"}`; status != code || body != want {
			t.Errorf("axim %d: %d %s, want %s", code, status, body, want)
		}
	}
}

func TestControlAximStore(t *testing.T) {
	s, c := mounted(t)
	base := s.URL() + "/_sandbox/axim/customers"
	status, body := c.Call("POST", base, `{"firstName":"Seeded","email":"s@example.com","status":"active",
	  "address":[{"city":"Accra"}],"metaFields":[{"code":"n","value":12345678901234567890}]}`)
	var cu Customer
	if err := json.Unmarshal([]byte(body), &cu); status != 201 || err != nil || len(cu.ID) != 24 || len(cu.Address) != 1 || len(cu.Address[0].ID) != 24 {
		t.Fatalf("seed: %d %s", status, body)
	}
	if !strings.Contains(body, `"value":12345678901234567890`) {
		t.Errorf("seeded meta value lost digits: %s", body)
	}
	if status, _ := c.Call("POST", base, `{"firstName":"x","nope":1}`); status != 400 {
		t.Errorf("seed with an unknown field: %d", status)
	}
	// PATCH with the JSON names, lists included; numbers keep every digit.
	status, body = c.Call("PATCH", base+"/"+cu.ID, `{"notes":"drifted","address":[],"metaFields":[{"code":"n","value":98765432109876543210}]}`)
	if status != 200 || !strings.Contains(body, `"notes":"drifted"`) || !strings.Contains(body, `"value":98765432109876543210`) {
		t.Errorf("PATCH: %d %s", status, body)
	}
	// The API sees the out-of-band change.
	if _, body := c.Do("GET", URL(s)+"/customers/"+cu.ID, ""); !strings.Contains(body, `"notes":"drifted"`) ||
		!strings.Contains(body, `"address":[]`) || !strings.Contains(body, `"value":98765432109876543210`) {
		t.Errorf("API after PATCH: %s", body)
	}
	if status, body := c.Call("GET", base, ""); status != 200 || !strings.HasPrefix(body, `[{"id":"`+cu.ID+`"`) {
		t.Errorf("dump: %d %s", status, body)
	}
	if status, _ := c.Call("GET", base+"/"+cu.ID, ""); status != 200 {
		t.Errorf("GET: %d", status)
	}
	for _, tc := range []struct {
		method, path, body string
		want               int
	}{
		{"PATCH", "/" + cu.ID, `{"nope":1}`, 400},
		{"PATCH", "/" + cu.ID, `{"id":"0123456789abcdef01234567"}`, 400},
		{"PATCH", "/0123456789abcdef01234567", `{}`, 404},
		{"GET", "/0123456789abcdef01234567", "", 404},
		{"DELETE", "/" + cu.ID, "", 204},
		{"DELETE", "/" + cu.ID, "", 404},
		{"GET", "/" + cu.ID, "", 404},
	} {
		if status, body := c.Call(tc.method, base+tc.path, tc.body); status != tc.want {
			t.Errorf("%s %s: %d %s, want %d", tc.method, tc.path, status, body, tc.want)
		}
	}
	if status, body := c.Do("GET", URL(s)+"/customers/"+cu.ID, ""); status != 404 ||
		body != `{"success":false,"message":"Customer not found"}` {
		t.Errorf("API after out-of-band delete: %d %s", status, body)
	}
	if n := len(s.Requests()); n != 2 {
		t.Errorf("control requests were logged: %d", n)
	}
}

func TestAximNormalize(t *testing.T) {
	s, c := mounted(t)
	body := `{"firstName":" John\t","lastName":"Doe","email":"John@AximCommerce.COM","status":"active",
	  "address":[{"city":" Elizabeth "}],"metaFields":[{"code":" k ","value":" v "}]}`
	status, got := c.Do("POST", URL(s)+"/customers", body)
	if status != 201 || !strings.Contains(got, `"firstName":" John\t"`) || !strings.Contains(got, `"email":"John@AximCommerce.COM"`) {
		t.Fatalf("switches off: %d %s", status, got)
	}
	if status, _ := c.Call("PUT", s.URL()+"/_sandbox/normalize", allOnJSON); status != 200 {
		t.Fatalf("PUT normalize: %d", status)
	}
	if StoreOf(s).Normalize() != s.Normalize() {
		t.Errorf("axim switches %+v", StoreOf(s).Normalize())
	}
	body = strings.Replace(body, "John@", "Johnny@", 1)
	status, got = c.Do("POST", URL(s)+"/customers", body)
	for _, want := range []string{`"firstName":"John"`, `"email":"johnny@aximcommerce.com"`, `"city":"Elizabeth"`, `"code":"k","value":" v "`} {
		if status != 201 || !strings.Contains(got, want) {
			t.Errorf("switches on: %d %s lacks %s", status, got, want)
		}
	}
	s.SetNormalize(sandbox.Normalize{})
	if StoreOf(s).Normalize() != (sandbox.Normalize{}) {
		t.Errorf("SetNormalize did not reach axim: %+v", StoreOf(s).Normalize())
	}
}
