package transport

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-log/tflog"
)

const redacted = "***"

// sensitiveKeys are JSON keys whose values never reach a log, whatever the
// platform: credentials and tokens travel in some bodies (OAuth, passwords).
var sensitiveKeys = map[string]bool{
	"password": true, "access_token": true, "refresh_token": true, "client_secret": true,
	"auth_string": true, "api_key": true, "key_secret": true, "accesstoken": true, "token": true,
}

// maxLoggedBody keeps trace logs readable when a list answer is large.
const maxLoggedBody = 16 << 10

// loggingTransport writes one tflog line per request and per response.
// Authorization-like headers are dropped and every known secret is
// replaced by "***" before anything is written.
type loggingTransport struct {
	platform string
	// secrets is asked at each line, so a token obtained after the client
	// was built is masked like a configured one.
	secrets func() []string
	next    http.RoundTripper
}

// liveSecrets lists auth's secrets at each call, without empty strings:
// tflog would mask between every character.
func liveSecrets(auth Authenticator) func() []string {
	return func() []string {
		if auth == nil {
			return nil
		}
		var out []string
		for _, s := range auth.Secrets() {
			if s != "" {
				out = append(out, s)
			}
		}
		return out
	}
}

func (t *loggingTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	// Logs are off unless the user asks (main.go): then no line is
	// written, so build none. Reading, redacting and re-encoding both
	// bodies would otherwise be most of what a request costs us.
	if !tflog.IsDebug(req.Context()) {
		return t.next.RoundTrip(req)
	}
	m := masker(t.secrets())
	start := time.Now()
	fields := map[string]any{
		"platform":     t.platform,
		"http_method":  req.Method,
		"http_url":     req.URL.String(),
		"http_headers": m.headers(req.Header),
	}
	if req.GetBody != nil {
		if body, err := req.GetBody(); err == nil {
			raw, _ := io.ReadAll(body)
			fields["http_request_body"] = m.body(raw)
		}
	}
	tflog.Debug(m.context(req.Context()), "sending HTTP request", fields)

	resp, err := t.next.RoundTrip(req)
	elapsed := time.Since(start).Milliseconds()
	// Asked again: a secret may have been learned while the request was out.
	m = masker(t.secrets())
	ctx := m.context(req.Context())
	if err != nil {
		tflog.Debug(ctx, "HTTP request failed", map[string]any{
			"platform": t.platform, "http_method": req.Method, "http_url": req.URL.String(),
			"error": m.mask(err.Error()), "duration_ms": elapsed,
		})
		return nil, err
	}
	respFields := map[string]any{
		"platform": t.platform, "http_method": req.Method, "http_url": req.URL.String(),
		"http_status": resp.StatusCode, "duration_ms": elapsed, "http_headers": m.headers(resp.Header),
	}
	if resp.Body != nil {
		raw, readErr := io.ReadAll(resp.Body)
		_ = resp.Body.Close()
		resp.Body = io.NopCloser(bytes.NewReader(raw))
		if readErr != nil {
			return nil, readErr
		}
		respFields["http_response_body"] = m.body(raw)
	}
	tflog.Debug(ctx, "received HTTP response", respFields)
	return resp, nil
}

// masker replaces the secrets known when a line is written with "***".
type masker []string

// context also asks tflog itself to mask the secrets, as a second guard
// for anything logged with this context.
func (m masker) context(ctx context.Context) context.Context {
	ctx = tflog.MaskAllFieldValuesStrings(ctx, m...)
	return tflog.MaskMessageStrings(ctx, m...)
}

func (m masker) headers(h http.Header) map[string]string {
	out := make(map[string]string, len(h))
	for k, v := range h {
		if isCredentialHeader(k) {
			out[k] = redacted
			continue
		}
		out[k] = m.mask(strings.Join(v, ", "))
	}
	return out
}

func isCredentialHeader(name string) bool {
	switch strings.ToLower(name) {
	case "authorization", "proxy-authorization", "accesstoken", "cookie", "set-cookie", "x-api-key":
		return true
	}
	return false
}

func (m masker) body(raw []byte) string {
	if len(raw) == 0 {
		return ""
	}
	var doc any
	if json.Unmarshal(raw, &doc) == nil {
		if clean, err := json.Marshal(redactJSON(doc)); err == nil {
			raw = clean
		}
	}
	s := m.mask(string(raw))
	if len(s) > maxLoggedBody {
		s = s[:maxLoggedBody] + "…(truncated)"
	}
	return s
}

func (m masker) mask(s string) string {
	for _, secret := range m {
		if secret != "" {
			s = strings.ReplaceAll(s, secret, redacted)
		}
	}
	return s
}

func redactJSON(v any) any {
	switch x := v.(type) {
	case map[string]any:
		for k, val := range x {
			if sensitiveKeys[strings.ToLower(k)] {
				x[k] = redacted
				continue
			}
			x[k] = redactJSON(val)
		}
	case []any:
		for i := range x {
			x[i] = redactJSON(x[i])
		}
	}
	return v
}
