// Package emutest drives one emulator's API handler with real requests, for
// the unit tests of every platform package: the same client, JSON checks
// and expected-answer comparison everywhere.
package emutest

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/customerops/terraform-provider-crm/internal/sandbox"
	"github.com/customerops/terraform-provider-crm/internal/sandbox/normalize"
)

// Mount is a sandbox serving e alone, and a client of its whole handler
// (routing, request log, faults, the control surface) that authenticates
// with auth (nil: the test adds credentials itself).
func Mount(t testing.TB, e sandbox.Emulator, auth func(*http.Request)) (*sandbox.Server, *Client) {
	t.Helper()
	s := sandbox.New(e)
	return s, &Client{T: t, H: s.Handler(), Auth: auth}
}

// Client sends requests to an emulator's handler.
type Client struct {
	T testing.TB
	H http.Handler
	// Auth adds the platform's credentials to a request (Do, Expect).
	Auth func(*http.Request)
	// Norm rewrites what an answer generates (ids, timestamps) before
	// Expect compares it; nil leaves it as it is.
	Norm func(body string) string
}

// JSONBody sends a POST or PUT body as application/json.
func JSONBody(r *http.Request) {
	if r.Method == http.MethodPost || r.Method == http.MethodPut {
		r.Header.Set("Content-Type", "application/json")
	}
}

// Send sends method path body, prepared by each of prepare in turn (nil
// ones are skipped), and checks that the answer is JSON, unless it is a 204
// without a body or a Content-Type.
func (c *Client) Send(method, path, body string, prepare ...func(*http.Request)) *httptest.ResponseRecorder {
	c.T.Helper()
	var r io.Reader
	if body != "" {
		r = strings.NewReader(body)
	}
	req := httptest.NewRequestWithContext(context.Background(), method, path, r)
	for _, p := range prepare {
		if p != nil {
			p(req)
		}
	}
	rec := httptest.NewRecorder()
	c.H.ServeHTTP(rec, req)
	ct := rec.Header().Get("Content-Type")
	if (rec.Code == http.StatusNoContent) != (ct == "") || (ct != "" && ct != "application/json") {
		c.T.Errorf("%s %s: %d with Content-Type %q", method, path, rec.Code, ct)
	}
	return rec
}

// Call is Send's status and body.
func (c *Client) Call(method, path, body string, prepare ...func(*http.Request)) (int, string) {
	c.T.Helper()
	rec := c.Send(method, path, body, prepare...)
	return rec.Code, rec.Body.String()
}

// Do sends method path body with the credentials, a body as JSON.
func (c *Client) Do(method, path, body string) (int, string) {
	c.T.Helper()
	return c.Call(method, path, body, JSONBody, c.Auth)
}

// Expect sends like Do and checks the status and the body, Norm applied,
// against want (indentation in want is ignored).
func (c *Client) Expect(method, path, body string, wantStatus int, wantBody string) {
	c.T.Helper()
	status, got := c.Do(method, path, body)
	if c.Norm != nil {
		got = c.Norm(got)
	}
	if want := Compact(c.T, wantBody); status != wantStatus || got != want {
		c.T.Errorf("%s %s %s\n got %d %s\nwant %d %s", method, path, body, status, got, wantStatus, want)
	}
}

// Compact removes the indentation of an expected JSON body.
func Compact(t testing.TB, s string) string {
	t.Helper()
	var b bytes.Buffer
	if err := json.Compact(&b, []byte(s)); err != nil {
		t.Fatalf("bad expected JSON %s: %v", s, err)
	}
	return b.String()
}

// WithField returns the JSON object body with field set to raw JSON, or
// removed when raw is "".
func WithField(t testing.TB, body, field, raw string) string {
	t.Helper()
	var m map[string]json.RawMessage
	if err := json.Unmarshal([]byte(body), &m); err != nil {
		t.Fatal(err)
	}
	if raw == "" {
		delete(m, field)
	} else {
		m[field] = json.RawMessage(raw)
	}
	b, err := json.Marshal(m)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// EachSwitch runs f as a subtest for every normalisation setting a
// platform's tests go through: none, each switch alone (UpperCodes alone
// must change nothing on a platform without codes), all.
func EachSwitch(t *testing.T, f func(t *testing.T, o normalize.Options)) {
	for _, tc := range []struct {
		name string
		o    normalize.Options
	}{
		{"off", normalize.Options{}},
		{"lower e-mails", normalize.Options{LowerEmails: true}},
		{"upper codes", normalize.Options{UpperCodes: true}},
		{"trim", normalize.Options{TrimSpace: true}},
		{"all", normalize.All},
	} {
		t.Run(tc.name, func(t *testing.T) { f(t, tc.o) })
	}
}

// SetSwitches sets a store's switches to o and checks that it reports them.
func SetSwitches(t testing.TB, store interface {
	SetNormalize(normalize.Options)
	Normalize() normalize.Options
}, o normalize.Options) {
	t.Helper()
	store.SetNormalize(o)
	if got := store.Normalize(); got != o {
		t.Fatalf("Normalize() = %+v, want %+v", got, o)
	}
}
