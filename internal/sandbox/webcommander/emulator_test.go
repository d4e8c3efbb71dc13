package webcommander

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/customerops/terraform-provider-crm/internal/sandbox"
	"github.com/customerops/terraform-provider-crm/internal/sandbox/emutest"
)

// The tests here drive Emulator as the sandbox mounts it: through the
// whole sandbox handler (routing, request log, faults, the control
// surface), with the credentials the sandbox accepts. That this emulator
// refuses the other platforms' credentials, and that its faults leave them
// alone, is the core's to test (internal/sandbox).

// mounted is a sandbox serving only Emulator, and a client of its handler;
// API requests carry a token from wcToken (wcCall).
func mounted(t *testing.T) (*sandbox.Server, *emutest.Client) {
	return emutest.Mount(t, Emulator, nil)
}

// sandboxCreds are the credentials Emulator's token endpoint accepts.
var sandboxCreds = Credentials{
	ClientID: ClientID, ClientSecret: ClientSecret, RedirectURI: RedirectURI,
	Username: Username, Password: Password,
}

// wcToken gets an access token from the sandbox's token endpoint.
func wcToken(t *testing.T, s *sandbox.Server, c *emutest.Client) string {
	t.Helper()
	status, body := c.Call("POST", URL(s)+"/api/v4/oauth2/token", ccBody(sandboxCreds), emutest.JSONBody)
	if status != 201 {
		t.Fatalf("token: %d %s", status, body)
	}
	return decodeGrant(t, body).AccessToken
}

// wcCall sends one WebCommander API request with a bearer token.
func wcCall(c *emutest.Client, method, url, token, body string) (int, string) {
	c.T.Helper()
	return c.Call(method, url, body, emutest.JSONBody, func(r *http.Request) { r.Header.Set("Authorization", "Bearer "+token) })
}

const wcCustomer = `{"customer":{"first_name":"Jane","email":"jane@example.com","country":"AU","city":"Sydney","password":"pw"},
  "store_credit":"150.00"}`

const allOnJSON = `{"lower_emails":true,"upper_gstin":true,"trim_space":true}`

func TestWebCommanderIsMounted(t *testing.T) {
	s, c := mounted(t)
	if URL(s) != s.URL()+"/webcommander" {
		t.Fatalf("WebCommanderURL %s", URL(s))
	}
	api := URL(s) + "/api/v4"
	token := wcToken(t, s, c)
	status, body := wcCall(c, "POST", api+"/admin/customers", token, wcCustomer)
	if status != 201 || !strings.Contains(body, `"store_credit":150,`) || !strings.Contains(body, `"type":"BILLING"`) {
		t.Fatalf("create: %d %s", status, body)
	}
	all := StoreOf(s).Customers.List()
	if len(all) != 1 || all[0].Email != "jane@example.com" || all[0].City != "Sydney" {
		t.Fatalf("store: %+v", all)
	}
	if p, ok := StoreOf(s).Password(all[0].ID); !ok || p != "pw" {
		t.Errorf("password %q %v", p, ok)
	}
	if status, body := wcCall(c, "GET", api+"/admin/customers/1", token, ""); status != 200 || !strings.Contains(body, `"id":1,`) {
		t.Errorf("get: %d %s", status, body)
	}
	// Without credentials, and with the other platforms' kinds of
	// credentials (a bearer token not issued here, basic auth, an
	// accessToken header).
	for _, auth := range []struct {
		name    string
		prepare func(*http.Request)
	}{
		{"no", nil},
		{"bearer", func(r *http.Request) { r.Header.Set("Authorization", "Bearer "+ClientSecret) }},
		{"basic", func(r *http.Request) { r.SetBasicAuth(ClientID, ClientSecret) }},
		{"accessToken", func(r *http.Request) { r.Header.Set("accessToken", token) }},
	} {
		if status, body := c.Call("GET", api+"/admin/customers", "", auth.prepare); status != 401 ||
			body != `{"status":"error","code":401,"message":"Invalid or expired access token","error":"unauthorized"}` {
			t.Errorf("401 with %s credentials: %d %s", auth.name, status, body)
		}
	}
	rec := httptest.NewRecorder()
	if s.Handler().ServeHTTP(rec, httptest.NewRequest("GET", s.URL()+"/webcommanderx/api/v4/admin/customers", nil)); rec.Code != 404 {
		t.Errorf("neighbouring prefix: %d", rec.Code)
	}
	reqs := s.RequestsFor(Name)
	if len(reqs) != 7 || reqs[0].Path != "/api/v4/oauth2/token" || reqs[0].Status != 201 ||
		reqs[1].Path != "/api/v4/admin/customers" || string(reqs[1].Body) != wcCustomer || reqs[3].Status != 401 {
		t.Errorf("request log: %+v", reqs)
	}
	if cc, rt := StoreOf(s).TokenCalls(); cc != 1 || rt != 0 {
		t.Errorf("TokenCalls %d %d", cc, rt)
	}
}

func TestWebCommanderFaults(t *testing.T) {
	s, c := mounted(t)
	token := wcToken(t, s, c)
	api := URL(s) + "/api/v4"
	s.InjectFault(sandbox.Fault{Platform: Name, Method: "POST", Path: "/api/v4/admin/customers", Times: 1, Status: 429, RetryAfter: "1"})
	status, body := wcCall(c, "POST", api+"/admin/customers", token, wcCustomer)
	if status != 429 || body != `{"status":"error","code":429,"message":"Too Many Requests","error":"too_many_requests"}` {
		t.Errorf("429: %d %s", status, body)
	}
	s.InjectFault(sandbox.Fault{Platform: Name, Times: 1, Status: 503})
	if status, body := wcCall(c, "GET", api+"/admin/customers", token, ""); status != 503 ||
		body != `{"status":"error","code":503,"message":"Service Unavailable","error":"service_unavailable"}` {
		t.Errorf("503: %d %s", status, body)
	}
	if status, _ := wcCall(c, "POST", api+"/admin/customers", token, wcCustomer); status != 201 {
		t.Errorf("after the faults: %d", status)
	}
}

func TestControlWebCommanderStore(t *testing.T) {
	s, c := mounted(t)
	base := s.URL() + "/_sandbox/webcommander/customers"
	status, body := c.Call("POST", base, `{"first_name":"Seeded","email":"s@example.com","status":"active","city":"Perth","shipping_profile":2}`)
	var cu Customer
	if err := json.Unmarshal([]byte(body), &cu); status != 201 || err != nil || cu.ID != 1 || cu.Version != 1 || *cu.ShippingProfile != 2 {
		t.Fatalf("seed: %d %s", status, body)
	}
	if status, _ := c.Call("POST", base, `{"first_name":"x","sex":"male"}`); status != 400 {
		t.Errorf("seed with an unknown field: %d", status)
	}
	status, body = c.Call("PATCH", base+"/1", `{"city":"Hobart","store_credit":"10.00","state":"TAS","country":"Australia"}`)
	if status != 200 || !strings.Contains(body, `"city":"Hobart"`) || !strings.Contains(body, `"version":2`) {
		t.Errorf("PATCH: %d %s", status, body)
	}
	token := wcToken(t, s, c)
	if _, body := wcCall(c, "GET", URL(s)+"/api/v4/admin/customers/1", token, ""); !strings.Contains(body, `"city":"Hobart"`) ||
		!strings.Contains(body, `"store_credit":10,`) || !strings.Contains(body, `"state":{"id":6,"name":"Tasmania","code":"TAS"}`) {
		t.Errorf("API after PATCH: %s", body)
	}
	if status, body := c.Call("GET", base, ""); status != 200 || !strings.HasPrefix(body, `[{"id":1,`) {
		t.Errorf("dump: %d %s", status, body)
	}
	for _, tc := range []struct {
		method, path, body string
		want               int
	}{
		{"GET", "/1", "", 200},
		{"PATCH", "/1", `{"nope":1}`, 400},
		{"PATCH", "/1", `{"id":2}`, 400},
		{"PATCH", "/9", `{}`, 404},
		{"GET", "/9", "", 404},
		{"GET", "/x", "", 404},
		{"DELETE", "/1", "", 204},
		{"DELETE", "/1", "", 404},
	} {
		if status, body := c.Call(tc.method, base+tc.path, tc.body); status != tc.want {
			t.Errorf("%s %s: %d %s, want %d", tc.method, tc.path, status, body, tc.want)
		}
	}
	if status, body := wcCall(c, "GET", URL(s)+"/api/v4/admin/customers/1", token, ""); status != 404 ||
		body != `{"status":"error","code":404,"message":"Customer not found","error":"not_found"}` {
		t.Errorf("API after out-of-band delete: %d %s", status, body)
	}
}

func TestControlWebCommanderTokens(t *testing.T) {
	s, c := mounted(t)
	ctl := s.URL() + "/_sandbox/webcommander"
	api := URL(s) + "/api/v4/admin/customers"
	if status, body := c.Call("PUT", ctl+"/token-lifetime", `{"milliseconds":300}`); status != 200 ||
		strings.TrimSpace(body) != `{"milliseconds":300,"seconds":0.3}` {
		t.Fatalf("PUT ms: %d %s", status, body)
	}
	if StoreOf(s).TokenLifetime() != 300*time.Millisecond {
		t.Errorf("lifetime %v", StoreOf(s).TokenLifetime())
	}
	token := wcToken(t, s, c)
	if status, _ := wcCall(c, "GET", api, token, ""); status != 200 {
		t.Fatalf("fresh token: %d", status)
	}
	time.Sleep(350 * time.Millisecond)
	if status, _ := wcCall(c, "GET", api, token, ""); status != 401 {
		t.Errorf("token after its lifetime: %d", status)
	}
	if status, body := c.Call("PUT", ctl+"/token-lifetime", `{"seconds":1.5}`); status != 200 || strings.TrimSpace(body) != `{"milliseconds":1500,"seconds":1.5}` {
		t.Errorf("PUT seconds: %d %s", status, body)
	}
	for _, bad := range []string{`{}`, `{"seconds":0}`, `{"seconds":-1}`, `{"seconds":1,"milliseconds":1}`, `{"minutes":1}`, `{"seconds":1e300}`} {
		if status, _ := c.Call("PUT", ctl+"/token-lifetime", bad); status != 400 {
			t.Errorf("PUT %s: %d", bad, status)
		}
	}
	if _, body := c.Call("GET", ctl+"/token-lifetime", ""); strings.TrimSpace(body) != `{"milliseconds":1500,"seconds":1.5}` {
		t.Errorf("GET lifetime: %s", body)
	}
	token = wcToken(t, s, c)
	if status, _ := c.Call("POST", ctl+"/expire-tokens", ""); status != 204 {
		t.Errorf("expire-tokens: %d", status)
	}
	if status, _ := wcCall(c, "GET", api, token, ""); status != 401 {
		t.Errorf("token after expire-tokens: %d", status)
	}
	if status, body := c.Call("GET", ctl+"/token-calls", ""); status != 200 || strings.TrimSpace(body) != `{"client_credentials":2,"refresh_token":0}` {
		t.Errorf("token-calls: %d %s", status, body)
	}
}

func TestWebCommanderNormalize(t *testing.T) {
	s, c := mounted(t)
	if status, _ := c.Call("PUT", s.URL()+"/_sandbox/normalize", allOnJSON); status != 200 {
		t.Fatal("PUT normalize")
	}
	if StoreOf(s).Normalize() != s.Normalize() {
		t.Errorf("webcommander switches %+v", StoreOf(s).Normalize())
	}
	status, body := wcCall(c, "POST", URL(s)+"/api/v4/admin/customers", wcToken(t, s, c),
		`{"customer":{"first_name":" Jane ","email":"Jane@Example.COM","city":" Sydney\t"}}`)
	for _, want := range []string{`"first_name":"Jane"`, `"email":"jane@example.com"`, `"city":"Sydney"`} {
		if status != 201 || !strings.Contains(body, want) {
			t.Errorf("switches on: %d %s lacks %s", status, body, want)
		}
	}
	s.SetNormalize(sandbox.Normalize{})
	if StoreOf(s).Normalize() != (sandbox.Normalize{}) {
		t.Error("SetNormalize did not reach webcommander")
	}
}
