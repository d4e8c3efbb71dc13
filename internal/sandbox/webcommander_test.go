package sandbox_test

import (
	"encoding/base64"
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/customerops/terraform-provider-crm/internal/sandbox"
	sbaxim "github.com/customerops/terraform-provider-crm/internal/sandbox/axim"
	sbrazorpay "github.com/customerops/terraform-provider-crm/internal/sandbox/razorpay"
	sbwebcommander "github.com/customerops/terraform-provider-crm/internal/sandbox/webcommander"
	sbxtrakit "github.com/customerops/terraform-provider-crm/internal/sandbox/xtrakit"
)

// wcTokenBody is the client_credentials request with the sandbox's
// credentials.
func wcTokenBody() string {
	b, _ := json.Marshal(map[string]string{
		"grant_type":   "client_credentials",
		"auth_string":  base64.StdEncoding.EncodeToString([]byte(sbwebcommander.Username + ":" + sbwebcommander.Password)),
		"redirect_uri": sbwebcommander.RedirectURI, "client_id": sbwebcommander.ClientID, "client_secret": sbwebcommander.ClientSecret,
	})
	return string(b)
}

// wcToken gets an access token from the sandbox's token endpoint.
func wcToken(t *testing.T, s *sandbox.Server) string {
	t.Helper()
	status, body, _ := call(t, "POST", sbwebcommander.URL(s)+"/api/v4/oauth2/token", "", wcTokenBody())
	var g struct {
		AccessToken string `json:"access_token"`
	}
	if err := json.Unmarshal([]byte(body), &g); status != 201 || err != nil || g.AccessToken == "" {
		t.Fatalf("token: %d %s", status, body)
	}
	return g.AccessToken
}

// wcCall sends one WebCommander API request with a bearer token.
func wcCall(t *testing.T, method, url, token, body string) (int, string) {
	t.Helper()
	var r io.Reader
	if body != "" {
		r = strings.NewReader(body)
	}
	req, err := http.NewRequest(method, url, r)
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Authorization", "Bearer "+token)
	if body != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatalf("%s %s: %v", method, url, err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, strings.TrimSpace(string(b))
}

const wcCustomer = `{"customer":{"first_name":"Jane","email":"jane@example.com","country":"AU","city":"Sydney","password":"pw"},
  "store_credit":"150.00"}`

func TestWebCommanderIsMounted(t *testing.T) {
	s := started(t)
	if sbwebcommander.URL(s) != s.URL()+"/webcommander" {
		t.Fatalf("WebCommanderURL %s", sbwebcommander.URL(s))
	}
	api := sbwebcommander.URL(s) + "/api/v4"
	token := wcToken(t, s)
	status, body := wcCall(t, "POST", api+"/admin/customers", token, wcCustomer)
	if status != 201 || !strings.Contains(body, `"store_credit":150,`) || !strings.Contains(body, `"type":"BILLING"`) {
		t.Fatalf("create: %d %s", status, body)
	}
	all := sbwebcommander.StoreOf(s).Customers.List()
	if len(all) != 1 || all[0].Email != "jane@example.com" || all[0].City != "Sydney" {
		t.Fatalf("store: %+v", all)
	}
	if p, ok := sbwebcommander.StoreOf(s).Password(all[0].ID); !ok || p != "pw" {
		t.Errorf("password %q %v", p, ok)
	}
	if status, body := wcCall(t, "GET", api+"/admin/customers/1", token, ""); status != 200 || !strings.Contains(body, `"id":1,`) {
		t.Errorf("get: %d %s", status, body)
	}
	// Other platforms' credentials are not WebCommander's.
	for _, auth := range []string{"", sbxtrakit.Name, sbrazorpay.Name, sbaxim.Name} {
		if status, body, _ := call(t, "GET", api+"/admin/customers", auth, ""); status != 401 ||
			body != `{"status":"error","code":401,"message":"Invalid or expired access token","error":"unauthorized"}` {
			t.Errorf("401 with %q credentials: %d %s", auth, status, body)
		}
	}
	if status, _, _ := call(t, "GET", s.URL()+"/webcommanderx/api/v4/admin/customers", "", ""); status != 404 {
		t.Errorf("neighbouring prefix: %d", status)
	}
	reqs := s.RequestsFor(sbwebcommander.Name)
	if len(reqs) != 7 || reqs[0].Path != "/api/v4/oauth2/token" || reqs[0].Status != 201 ||
		reqs[1].Path != "/api/v4/admin/customers" || string(reqs[1].Body) != wcCustomer || reqs[3].Status != 401 {
		t.Errorf("request log: %+v", reqs)
	}
	if cc, rt := sbwebcommander.StoreOf(s).TokenCalls(); cc != 1 || rt != 0 {
		t.Errorf("TokenCalls %d %d", cc, rt)
	}
}

func TestWebCommanderFaults(t *testing.T) {
	s := started(t)
	token := wcToken(t, s)
	api := sbwebcommander.URL(s) + "/api/v4"
	s.InjectFault(sandbox.Fault{Platform: sbwebcommander.Name, Method: "POST", Path: "/api/v4/admin/customers", Times: 1, Status: 429, RetryAfter: "1"})
	status, body := wcCall(t, "POST", api+"/admin/customers", token, wcCustomer)
	if status != 429 || body != `{"status":"error","code":429,"message":"Too Many Requests","error":"too_many_requests"}` {
		t.Errorf("429: %d %s", status, body)
	}
	s.InjectFault(sandbox.Fault{Platform: sbwebcommander.Name, Times: 1, Status: 503})
	if status, body := wcCall(t, "GET", api+"/admin/customers", token, ""); status != 503 ||
		body != `{"status":"error","code":503,"message":"Service Unavailable","error":"service_unavailable"}` {
		t.Errorf("503: %d %s", status, body)
	}
	if status, _ := wcCall(t, "POST", api+"/admin/customers", token, wcCustomer); status != 201 {
		t.Errorf("after the faults: %d", status)
	}
	// A WebCommander fault leaves the other platforms alone.
	s.InjectFault(sandbox.Fault{Platform: sbwebcommander.Name, Status: 500})
	if status, _, _ := call(t, "GET", sbaxim.URL(s)+"/customers", sbaxim.Name, ""); status != 200 {
		t.Errorf("axim under a webcommander fault: %d", status)
	}
}

func TestControlWebCommanderStore(t *testing.T) {
	s := started(t)
	base := s.URL() + "/_sandbox/webcommander/customers"
	status, body, _ := call(t, "POST", base, "", `{"first_name":"Seeded","email":"s@example.com","status":"active","city":"Perth","shipping_profile":2}`)
	var c sbwebcommander.Customer
	if err := json.Unmarshal([]byte(body), &c); status != 201 || err != nil || c.ID != 1 || c.Version != 1 || *c.ShippingProfile != 2 {
		t.Fatalf("seed: %d %s", status, body)
	}
	if status, _, _ := call(t, "POST", base, "", `{"first_name":"x","sex":"male"}`); status != 400 {
		t.Errorf("seed with an unknown field: %d", status)
	}
	status, body, _ = call(t, "PATCH", base+"/1", "", `{"city":"Hobart","store_credit":"10.00","state":"TAS","country":"Australia"}`)
	if status != 200 || !strings.Contains(body, `"city":"Hobart"`) || !strings.Contains(body, `"version":2`) {
		t.Errorf("PATCH: %d %s", status, body)
	}
	token := wcToken(t, s)
	if _, body := wcCall(t, "GET", sbwebcommander.URL(s)+"/api/v4/admin/customers/1", token, ""); !strings.Contains(body, `"city":"Hobart"`) ||
		!strings.Contains(body, `"store_credit":10,`) || !strings.Contains(body, `"state":{"id":6,"name":"Tasmania","code":"TAS"}`) {
		t.Errorf("API after PATCH: %s", body)
	}
	if status, body, _ := call(t, "GET", base, "", ""); status != 200 || !strings.HasPrefix(body, `[{"id":1,`) {
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
		if status, body, _ := call(t, tc.method, base+tc.path, "", tc.body); status != tc.want {
			t.Errorf("%s %s: %d %s, want %d", tc.method, tc.path, status, body, tc.want)
		}
	}
	if status, body := wcCall(t, "GET", sbwebcommander.URL(s)+"/api/v4/admin/customers/1", token, ""); status != 404 ||
		body != `{"status":"error","code":404,"message":"Customer not found","error":"not_found"}` {
		t.Errorf("API after out-of-band delete: %d %s", status, body)
	}
}

func TestControlWebCommanderTokens(t *testing.T) {
	s := started(t)
	ctl := s.URL() + "/_sandbox/webcommander"
	api := sbwebcommander.URL(s) + "/api/v4/admin/customers"
	if status, body, _ := call(t, "PUT", ctl+"/token-lifetime", "", `{"milliseconds":300}`); status != 200 ||
		body != `{"milliseconds":300,"seconds":0.3}` {
		t.Fatalf("PUT ms: %d %s", status, body)
	}
	if sbwebcommander.StoreOf(s).TokenLifetime() != 300*time.Millisecond {
		t.Errorf("lifetime %v", sbwebcommander.StoreOf(s).TokenLifetime())
	}
	token := wcToken(t, s)
	if status, _ := wcCall(t, "GET", api, token, ""); status != 200 {
		t.Fatalf("fresh token: %d", status)
	}
	time.Sleep(350 * time.Millisecond)
	if status, _ := wcCall(t, "GET", api, token, ""); status != 401 {
		t.Errorf("token after its lifetime: %d", status)
	}
	if status, body, _ := call(t, "PUT", ctl+"/token-lifetime", "", `{"seconds":1.5}`); status != 200 || body != `{"milliseconds":1500,"seconds":1.5}` {
		t.Errorf("PUT seconds: %d %s", status, body)
	}
	for _, bad := range []string{`{}`, `{"seconds":0}`, `{"seconds":-1}`, `{"seconds":1,"milliseconds":1}`, `{"minutes":1}`, `{"seconds":1e300}`} {
		if status, _, _ := call(t, "PUT", ctl+"/token-lifetime", "", bad); status != 400 {
			t.Errorf("PUT %s: %d", bad, status)
		}
	}
	if _, body, _ := call(t, "GET", ctl+"/token-lifetime", "", ""); body != `{"milliseconds":1500,"seconds":1.5}` {
		t.Errorf("GET lifetime: %s", body)
	}
	token = wcToken(t, s)
	if status, _, _ := call(t, "POST", ctl+"/expire-tokens", "", ""); status != 204 {
		t.Errorf("expire-tokens: %d", status)
	}
	if status, _ := wcCall(t, "GET", api, token, ""); status != 401 {
		t.Errorf("token after expire-tokens: %d", status)
	}
	if status, body, _ := call(t, "GET", ctl+"/token-calls", "", ""); status != 200 || body != `{"client_credentials":2,"refresh_token":0}` {
		t.Errorf("token-calls: %d %s", status, body)
	}
}

func TestWebCommanderNormalize(t *testing.T) {
	s := started(t)
	if status, _, _ := call(t, "PUT", s.URL()+"/_sandbox/normalize", "", allOnJSON); status != 200 {
		t.Fatal("PUT normalize")
	}
	if sbwebcommander.StoreOf(s).Normalize() != s.Normalize() {
		t.Errorf("webcommander switches %+v", sbwebcommander.StoreOf(s).Normalize())
	}
	status, body := wcCall(t, "POST", sbwebcommander.URL(s)+"/api/v4/admin/customers", wcToken(t, s),
		`{"customer":{"first_name":" Jane ","email":"Jane@Example.COM","city":" Sydney\t"}}`)
	for _, want := range []string{`"first_name":"Jane"`, `"email":"jane@example.com"`, `"city":"Sydney"`} {
		if status != 201 || !strings.Contains(body, want) {
			t.Errorf("switches on: %d %s lacks %s", status, body, want)
		}
	}
	s.SetNormalize(sandbox.Normalize{})
	if sbwebcommander.StoreOf(s).Normalize() != (sandbox.Normalize{}) {
		t.Error("SetNormalize did not reach webcommander")
	}
}
