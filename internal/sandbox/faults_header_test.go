package sandbox_test

import (
	"fmt"
	"io"
	"net/http"
	"testing"

	"github.com/customerops/terraform-provider-crm/internal/sandbox"
)

// toyStore is the least a Store must be.
type toyStore struct{}

func (toyStore) SetNormalize(sandbox.Normalize)  {}
func (toyStore) Control(*http.ServeMux, string)  {}
func (toyStore) Console() []sandbox.ConsoleTable { return nil }

// toy is an emulator whose own answers to faults carry a header naming
// the status; "plain" has no FaultHeader.
func toy(name string, withHeader bool) sandbox.Emulator {
	e := sandbox.Emulator{
		Name: name, Prefix: "/" + name, Title: name,
		Settings:  func(string) []sandbox.Setting { return nil },
		FaultBody: func(status int) []byte { return fmt.Appendf(nil, `{"error":%d}`, status) },
		Open: func() (sandbox.Store, http.Handler) {
			return toyStore{}, http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) { _, _ = io.WriteString(w, `{}`) })
		},
	}
	if withHeader {
		e.FaultHeader = func(status int, h http.Header) { h.Set("X-Toy-Retry", fmt.Sprint(status)) }
	}
	return e
}

// FaultHeader adds the platform's headers to every answer the sandbox
// makes in its name (an injected status, a status after commit, the rate
// limit), never to a broken answer (Body), nor for a platform without it.
func TestFaultHeader(t *testing.T) {
	s := sandbox.New(toy("hinted", true), toy("plain", false))
	if err := s.Start("127.0.0.1:0"); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(s.Close)
	get := func(platform string) (int, string, http.Header) {
		t.Helper()
		return call(t, "GET", s.BaseURL(platform)+"/x", "", "")
	}
	for _, tc := range []struct {
		name       string
		setup      func()
		platform   string
		wantStatus int
		wantHeader string
	}{
		{"status", func() { s.InjectFault(sandbox.Fault{Times: 1, Status: 409}) }, "hinted", 409, "409"},
		{"after commit", func() { s.InjectFault(sandbox.Fault{Times: 1, StatusAfterCommit: 502}) }, "hinted", 502, "502"},
		{"broken body", func() { s.InjectFault(sandbox.Fault{Times: 1, Status: 503, Body: "<html>"}) }, "hinted", 503, ""},
		{"no hook", func() { s.InjectFault(sandbox.Fault{Times: 1, Status: 503}) }, "plain", 503, ""},
		{"rate limit", func() { s.SetRateLimit("hinted", 0.01); get("hinted") }, "hinted", 429, "429"},
	} {
		tc.setup()
		status, body, h := get(tc.platform)
		if status != tc.wantStatus || h.Get("X-Toy-Retry") != tc.wantHeader {
			t.Errorf("%s: %d X-Toy-Retry %q, want %d %q", tc.name, status, h.Get("X-Toy-Retry"), tc.wantStatus, tc.wantHeader)
		}
		if tc.wantHeader != "" && (body != fmt.Sprintf(`{"error":%d}`, status) || h.Get("Content-Type") != "application/json") {
			t.Errorf("%s: body %q, Content-Type %q: not the platform's own error", tc.name, body, h.Get("Content-Type"))
		}
	}
	if _, _, h := get("hinted"); h.Get("Retry-After") == "" {
		t.Errorf("the rate limit's 429 lost its Retry-After: %v", h)
	}
}
