package sandbox_test

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/customerops/terraform-provider-crm/internal/sandbox"
	sbaxim "github.com/customerops/terraform-provider-crm/internal/sandbox/axim"
	"github.com/customerops/terraform-provider-crm/internal/sandbox/emulators"
	sbrazorpay "github.com/customerops/terraform-provider-crm/internal/sandbox/razorpay"
	sbwebcommander "github.com/customerops/terraform-provider-crm/internal/sandbox/webcommander"
	sbxtrakit "github.com/customerops/terraform-provider-crm/internal/sandbox/xtrakit"
)

// A platform over its rate limit answers its own 429 with Retry-After, logs
// it, and handles nothing; other platforms are not limited.
func TestRateLimitPerPlatform(t *testing.T) {
	s := started(t)
	s.SetRateLimit(sbxtrakit.Name, 2) // burst 2
	if got := s.RateLimit(sbxtrakit.Name); got != 2 {
		t.Fatalf("RateLimit = %v", got)
	}
	var statuses []int
	for range 3 {
		status, body, h := call(t, "POST", sbxtrakit.URL(s)+"/customer-groups/add", sbxtrakit.Name, xtrakitGroup)
		statuses = append(statuses, status)
		if status == 429 && (h.Get("Retry-After") != "1" || body != `{"status":429,"error":"Too Many Requests"}`) {
			t.Errorf("429: Retry-After %q, body %s", h.Get("Retry-After"), body)
		}
	}
	if statuses[0] != 200 || statuses[1] != 200 || statuses[2] != 429 {
		t.Fatalf("statuses %v, want 200 200 429", statuses)
	}
	if n := len(sbxtrakit.StoreOf(s).Groups.List()); n != 2 {
		t.Errorf("%d groups, want 2: the refused request was handled", n)
	}
	var logged []int
	for _, r := range s.RequestsFor(sbxtrakit.Name) {
		logged = append(logged, r.Status)
	}
	if len(logged) != 3 || logged[2] != 429 {
		t.Errorf("logged statuses %v", logged)
	}
	// Other platforms are not limited.
	for range 5 {
		if status, _, _ := call(t, "GET", sbrazorpay.URL(s)+"/customers", sbrazorpay.Name, ""); status != 200 {
			t.Fatalf("razorpay: %d", status)
		}
	}
	// Tokens come back at the rate: 2/s is one every 500 ms.
	time.Sleep(600 * time.Millisecond)
	if status, _, _ := call(t, "GET", sbxtrakit.URL(s)+"/customers", sbxtrakit.Name, ""); status != 200 {
		t.Errorf("after refill: %d", status)
	}
	s.SetRateLimit(sbxtrakit.Name, 0)
	for range 5 {
		if status, _, _ := call(t, "GET", sbxtrakit.URL(s)+"/customers", sbxtrakit.Name, ""); status != 200 {
			t.Fatalf("limit off: %d", status)
		}
	}
	if got := s.RateLimit(sbxtrakit.Name); got != 0 {
		t.Errorf("RateLimit after off = %v", got)
	}
}

// A platform that advertises its limit says on every answer, 429s
// included, what is left and when the budget is full again; one that does
// not (the default), or has no limit, sends no such header.
func TestRateLimitHeaders(t *testing.T) {
	s := started(t)
	s.SetRateLimit(sbxtrakit.Name, 2) // burst 2, a token every 500 ms
	get := func() (int, [3]string, http.Header) {
		status, _, h := call(t, "GET", sbxtrakit.URL(s)+"/customers", sbxtrakit.Name, "")
		return status, [3]string{h.Get("RateLimit-Limit"), h.Get("RateLimit-Remaining"), h.Get("RateLimit-Reset")}, h
	}
	if status, got, _ := get(); status != 200 || got != [3]string{} {
		t.Fatalf("not advertised: %d %q, want no RateLimit-* header", status, got)
	}
	time.Sleep(time.Second) // full again
	s.SetRateLimitHeaders(sbxtrakit.Name, true)
	if !s.RateLimitHeaders(sbxtrakit.Name) || s.RateLimitHeaders(sbaxim.Name) {
		t.Fatal("RateLimitHeaders does not say which platform advertises")
	}
	// Reset: the budget is full again in 0.5 s (1 missing), then 1 s (2
	// missing), both rounded up to 1.
	for i, want := range [][3]string{{"2", "1", "1"}, {"2", "0", "1"}, {"2", "0", "1"}} {
		status, got, h := get()
		if got != want {
			t.Errorf("answer %d (%d): RateLimit-Limit/Remaining/Reset = %q, want %q", i+1, status, got, want)
		}
		if wantStatus := map[bool]int{true: 429, false: 200}[i == 2]; status != wantStatus || (i == 2 && h.Get("Retry-After") != "1") {
			t.Errorf("answer %d: %d (Retry-After %q), want %d", i+1, status, h.Get("Retry-After"), wantStatus)
		}
	}
	// Other platforms, and a platform without a limit, advertise nothing.
	s.SetRateLimit(sbaxim.Name, 5)
	if _, _, h := call(t, "GET", sbaxim.URL(s)+"/customers", sbaxim.Name, ""); h.Get("RateLimit-Remaining") != "" {
		t.Errorf("axim advertises its limit: %v", h)
	}
	s.SetRateLimit(sbxtrakit.Name, 0)
	if status, got, _ := get(); status != 200 || got != [3]string{} {
		t.Errorf("no limit: %d %q, want no RateLimit-* header", status, got)
	}
}

// Retry-After is the whole seconds until a token is free, rounded up.
func TestRateLimitRetryAfterRoundsUp(t *testing.T) {
	s := started(t)
	// Burst 1; the next token in just under 4 s (however slow the first
	// request was, up to a second), which rounds up to 4.
	s.SetRateLimit(sbaxim.Name, 0.25)
	if status, _, _ := call(t, "GET", sbaxim.URL(s)+"/customers", sbaxim.Name, ""); status != 200 {
		t.Fatalf("first: %d", status)
	}
	status, body, h := call(t, "GET", sbaxim.URL(s)+"/customers", sbaxim.Name, "")
	if status != 429 || h.Get("Retry-After") != "4" || body != string(sbaxim.FaultBody(429)) {
		t.Errorf("second: %d Retry-After %q %s", status, h.Get("Retry-After"), body)
	}
}

// "" limits every platform separately, WebCommander's token endpoint
// included; a refused request does not use up a fault.
func TestRateLimitAllPlatforms(t *testing.T) {
	s := started(t)
	s.SetRateLimit("", 1)
	for _, u := range []struct{ method, url, auth, body string }{
		{"GET", sbxtrakit.URL(s) + "/customers", sbxtrakit.Name, ""},
		{"GET", sbrazorpay.URL(s) + "/customers", sbrazorpay.Name, ""},
		{"GET", sbaxim.URL(s) + "/customers", sbaxim.Name, ""},
		{"POST", sbwebcommander.URL(s) + "/api/v4/oauth2/token", "", wcTokenBody()},
	} {
		first, _, _ := call(t, u.method, u.url, u.auth, u.body)
		second, _, h := call(t, u.method, u.url, u.auth, u.body)
		if first >= 400 || second != 429 || h.Get("Retry-After") != "1" {
			t.Errorf("%s: %d then %d (Retry-After %q), want success then 429", u.url, first, second, h.Get("Retry-After"))
		}
	}
	s.InjectFault(sandbox.Fault{Platform: sbxtrakit.Name, Times: 1, Status: 503})
	if status, _, _ := call(t, "GET", sbxtrakit.URL(s)+"/customers", sbxtrakit.Name, ""); status != 429 {
		t.Errorf("over the limit: %d", status)
	}
	s.SetRateLimit("", -1)
	if status, _, _ := call(t, "GET", sbxtrakit.URL(s)+"/customers", sbxtrakit.Name, ""); status != 503 {
		t.Errorf("the fault was used up by a refused request: %d", status)
	}
}

func TestControlRateLimit(t *testing.T) {
	s := started(t)
	base := s.URL() + "/_sandbox/rate-limit"
	status, body, _ := call(t, "PUT", base, "", `{"platform":"xtrakit","requests_per_second":20}`)
	var got []struct {
		Platform          string   `json:"platform"`
		RequestsPerSecond *float64 `json:"requests_per_second"`
	}
	if err := json.Unmarshal([]byte(body), &got); status != 200 || err != nil || len(got) != len(emulators.All) {
		t.Fatalf("PUT: %d %s", status, body)
	}
	if s.RateLimit(sbxtrakit.Name) != 20 || s.RateLimit(sbaxim.Name) != 0 {
		t.Errorf("limits: %v %v", s.RateLimit(sbxtrakit.Name), s.RateLimit(sbaxim.Name))
	}
	if status, body, _ := call(t, "GET", base, "", ""); status != 200 ||
		!strings.Contains(body, `{"platform":"xtrakit","requests_per_second":20}`) ||
		!strings.Contains(body, `{"platform":"webcommander","requests_per_second":0}`) {
		t.Errorf("GET: %d %s", status, body)
	}
	// headers: true advertises the limit; a PUT without it leaves it so.
	call(t, "PUT", base, "", `{"platform":"xtrakit","requests_per_second":20,"headers":true}`)
	call(t, "PUT", base, "", `{"platform":"xtrakit","requests_per_second":10}`)
	if status, body, _ := call(t, "GET", base, "", ""); status != 200 || !s.RateLimitHeaders(sbxtrakit.Name) ||
		!strings.Contains(body, `{"platform":"xtrakit","requests_per_second":10,"headers":true}`) {
		t.Errorf("GET after headers on: %d %s", status, body)
	}
	call(t, "PUT", base, "", `{"platform":"xtrakit","requests_per_second":10,"headers":false}`)
	if s.RateLimitHeaders(sbxtrakit.Name) {
		t.Error("headers: false left the headers on")
	}
	call(t, "PUT", base, "", `{"requests_per_second":5}`)
	for _, e := range emulators.All {
		if p := e.Name; s.RateLimit(p) != 5 {
			t.Errorf("%s: %v after PUT for all", p, s.RateLimit(p))
		}
	}
	call(t, "PUT", base, "", `{"platform":"","requests_per_second":0}`)
	if s.RateLimit(sbrazorpay.Name) != 0 {
		t.Errorf("not turned off: %v", s.RateLimit(sbrazorpay.Name))
	}
	for _, bad := range []string{`{"platform":"shopify","requests_per_second":1}`, `{"platform":"axim"}`, `{"rps":1}`, `nope`} {
		if status, _, _ := call(t, "PUT", base, "", bad); status != 400 {
			t.Errorf("PUT %s: %d", bad, status)
		}
	}
	if s.RateLimit(sbaxim.Name) != 0 {
		t.Error("a bad PUT set a limit")
	}
}

func TestRunRateLimitFlag(t *testing.T) {
	base, out := runSandbox(t, "-rate-limit", "3")
	if !strings.Contains(out.String(), "Rate limit per platform: 3 requests per second") {
		t.Errorf("output does not give the rate limit:\n%s", out.String())
	}
	status, body, _ := call(t, "GET", base+"/_sandbox/rate-limit", "", "")
	for _, p := range []string{"xtrakit", "razorpay", "axim", "webcommander"} {
		if status != 200 || !strings.Contains(body, `{"platform":"`+p+`","requests_per_second":3}`) {
			t.Errorf("GET rate-limit: %d %s", status, body)
		}
	}
}
