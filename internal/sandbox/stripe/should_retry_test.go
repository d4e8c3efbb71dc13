package stripe

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/customerops/terraform-provider-crm/internal/sandbox"
)

// TestShouldRetryOnErrors: every error the emulator answers itself says
// whether a retry would help, as Stripe does (internal/stripe/CONTRACT.md
// §3): "false" on a 4xx a retry would repeat, and on a replayed error;
// nothing on a success.
func TestShouldRetryOnErrors(t *testing.T) {
	s := newServer(t)
	for _, tc := range []struct {
		name, method, path, body, key string
		status                        int
		want                          string
	}{
		{"validation", "POST", "/v1/customers", "tax_exempt=maybe", "", 400, "false"},
		{"validation, keyed", "POST", "/v1/customers", "nope=1", "k0", 400, "false"},
		{"missing", "GET", "/v1/customers/cus_nope", "", "", 404, "false"},
		{"update of a missing customer", "POST", "/v1/customers/cus_nope", "name=x", "k1", 404, "false"},
		{"create", "POST", "/v1/customers", "email=a%40b.co", "k2", 200, ""},
		{"list", "GET", "/v1/customers", "", "", 200, ""},
	} {
		status, body, h := s.send(tc.method, tc.path, tc.body, tc.key)
		if status != tc.status || h.Get(ShouldRetry) != tc.want {
			t.Errorf("%s: %d %s: %s %q, want %d %q", tc.name, status, body, ShouldRetry, h.Get(ShouldRetry), tc.status, tc.want)
		}
	}
	rec := s.Send("GET", "/v1/customers", "", func(r *http.Request) { r.Header.Set("Authorization", "Bearer sk_test_wrong") })
	if rec.Code != 401 || rec.Header().Get(ShouldRetry) != "false" {
		t.Errorf("a wrong key: %d %s %q", rec.Code, ShouldRetry, rec.Header().Get(ShouldRetry))
	}
	// The update of a missing customer was kept for its key: a retry gets
	// the same 404 again, and is told not to try once more.
	status, _, h := s.send("POST", "/v1/customers/cus_nope", "name=x", "k1")
	if status != 404 || h.Get("Idempotent-Replayed") != "true" || h.Get(ShouldRetry) != "false" {
		t.Errorf("replayed error: %d %v", status, h)
	}
	if _, _, h = s.send("POST", "/v1/customers", "email=a%40b.co", "k2"); h.Get(ShouldRetry) != "" {
		t.Errorf("replayed success: %v", h)
	}
}

// TestKeyInUse: a request whose idempotency key another request still
// being handled holds is 409 idempotency_key_in_use with
// Stripe-Should-Retry: true, and kept nowhere; once the first is answered,
// the same request gets its replay.
func TestKeyInUse(t *testing.T) {
	s := newServer(t)
	h := NewHandler(s.store, testKey)
	entered, release := make(chan struct{}), make(chan struct{})
	firstDone := make(chan int)
	go func() {
		req := httptest.NewRequestWithContext(context.Background(), "POST", "/v1/customers", strings.NewReader("email=a%40b.co"))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		req.Header.Set("Idempotency-Key", "busy")
		rec := httptest.NewRecorder()
		h.keyed(rec, req, func(in *input) (int, any) {
			close(entered)
			<-release
			return http.StatusOK, h.store.create(in)
		})
		firstDone <- rec.Code
	}()
	<-entered
	status, body, hdr := s.send("POST", "/v1/customers", "email=a%40b.co", "busy")
	if e := errorOf(t, body); status != 409 || e.Type != typeIdempotency || e.Code != codeKeyInUse || hdr.Get(ShouldRetry) != "true" {
		t.Errorf("while the first is handled: %d %s %s %q", status, body, ShouldRetry, hdr.Get(ShouldRetry))
	}
	close(release)
	if code := <-firstDone; code != 200 {
		t.Fatalf("first: %d", code)
	}
	status, _, hdr = s.send("POST", "/v1/customers", "email=a%40b.co", "busy")
	if status != 200 || hdr.Get("Idempotent-Replayed") != "true" || len(s.store.Customers.List()) != 1 {
		t.Errorf("after: %d %v, %d customers", status, hdr, len(s.store.Customers.List()))
	}
}

// TestShouldRetryOnFaults: the answers the sandbox makes in Stripe's name
// carry the header too: an injected 409 and the rate limit's 429 say
// "true"; an injected 5xx says nothing.
func TestShouldRetryOnFaults(t *testing.T) {
	srv := sandbox.New(Emulator)
	if err := srv.Start("127.0.0.1:0"); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(srv.Close)
	get := func() (int, http.Header) {
		t.Helper()
		req, _ := http.NewRequestWithContext(context.Background(), "GET", URL(srv)+"/v1/customers", nil)
		req.Header.Set("Authorization", "Bearer "+APIKey)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return resp.StatusCode, resp.Header
	}
	srv.InjectFault(sandbox.Fault{Platform: Name, Times: 1, Status: 409})
	srv.InjectFault(sandbox.Fault{Platform: Name, Times: 1, Status: 503})
	for _, want := range []struct {
		status int
		hint   string
	}{{409, "true"}, {503, ""}, {200, ""}} {
		if status, h := get(); status != want.status || h.Get(ShouldRetry) != want.hint {
			t.Errorf("%d %s %q, want %d %q", status, ShouldRetry, h.Get(ShouldRetry), want.status, want.hint)
		}
	}
	srv.SetRateLimit(Name, 0.01)
	get()
	if status, h := get(); status != 429 || h.Get(ShouldRetry) != "true" {
		t.Errorf("rate limited: %d %v", status, h)
	}
}
