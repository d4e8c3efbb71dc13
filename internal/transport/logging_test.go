package transport

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/hashicorp/go-hclog"
	"github.com/hashicorp/terraform-plugin-log/tflogtest"
	"github.com/hashicorp/terraform-plugin-log/tfsdklog"
)

// logEntries decodes tflogtest's JSON lines.
func logEntries(t *testing.T, buf *bytes.Buffer) []map[string]any {
	t.Helper()
	entries, err := tflogtest.MultilineJSONDecode(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatalf("decoding logs: %v\n%s", err, buf.String())
	}
	return entries
}

func entriesWithMessage(entries []map[string]any, msg string) []map[string]any {
	var out []map[string]any
	for _, e := range entries {
		if e["@message"] == msg {
			out = append(out, e)
		}
	}
	return out
}

func TestLoggingMasksSecrets(t *testing.T) {
	const (
		bearer   = "xtkBEARERsecret0123456789"
		rawToken = "aximACCESSsecret9876543210"
		user     = "rzp_test_key"
		password = "rzpPASSWORDsecret4242"
	)
	basicB64 := base64.StdEncoding.EncodeToString([]byte(user + ":" + password))

	// Secrets carried in bodies under sensitive keys, whatever the auth.
	bodySecrets := []string{"bodyPASSWORDvalue", "bodyACCESSTOKENvalue", "bodyCLIENTSECRETvalue", "nestedTOKENvalue", "listAPIKEYvalue", "respREFRESHvalue", "respKEYSECRETvalue"}

	cases := []struct {
		name       string
		auth       Authenticator
		header     string // header carrying the credential, as canonicalized
		secret     string // primary secret, also echoed by the server
		allSecrets []string
	}{
		{"bearer", BearerToken(bearer), "Authorization", bearer, []string{bearer}},
		{"header token (accessToken)", HeaderToken{Header: "accessToken", Token: rawToken}, "Accesstoken", rawToken, []string{rawToken}},
		{"header token (custom header)", HeaderToken{Header: "X-Auth-Token", Token: rawToken}, "X-Auth-Token", rawToken, []string{rawToken}},
		{"basic", BasicAuth{Username: user, Password: password}, "Authorization", password, []string{password, basicB64}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			srv := newCountingServer(t, func(w http.ResponseWriter, r *http.Request, _ int) {
				cred := r.Header.Get(tc.header)
				if cred == "" {
					t.Errorf("server got no %s header", tc.header)
				}
				_, pass, _ := r.BasicAuth()
				var in map[string]any
				_ = json.NewDecoder(r.Body).Decode(&in)
				if in["name"] != "visibleName" {
					t.Errorf("server got body %v: logging must not consume it", in)
				}
				// A careless server echoes credentials back everywhere.
				w.Header().Set("X-Echo-Credential", cred)
				w.Header().Set("Set-Cookie", "session="+tc.secret)
				resp, _ := json.Marshal(map[string]any{
					"id":            "c1",
					"echo":          cred,
					"note":          "your password is " + pass + " and token " + tc.secret,
					"refresh_token": "respREFRESHvalue",
					"data":          map[string]any{"KEY_SECRET": "respKEYSECRETvalue"},
				})
				writeJSON(w, http.StatusOK, string(resp))
			})
			cfg := testConfig(srv.URL + "/v1")
			cfg.Auth = tc.auth

			var buf bytes.Buffer
			ctx := tflogtest.RootLogger(context.Background(), &buf)
			in := map[string]any{
				"name":          "visibleName",
				"password":      "bodyPASSWORDvalue",
				"access_token":  "bodyACCESSTOKENvalue",
				"client_secret": "bodyCLIENTSECRETvalue",
				"nested":        map[string]any{"Token": "nestedTOKENvalue"},
				"list":          []any{map[string]any{"api_key": "listAPIKEYvalue"}},
			}
			// The secret in the query exercises tflog's own masking of
			// field values, the second guard.
			q := url.Values{"q": {"visibleQuery"}, "sig": {tc.secret}}
			var out struct{ ID, Echo string }
			if err := newTestClient(t, cfg).Do(ctx, http.MethodPost, "contacts", q, in, &out); err != nil {
				t.Fatal(err)
			}
			if out.ID != "c1" || out.Echo == "" || strings.Contains(out.Echo, "***") {
				t.Errorf("caller got %+v: masking must only touch the log, not the answer", out)
			}

			logs := buf.String()
			for _, s := range append(append([]string{}, tc.allSecrets...), bodySecrets...) {
				if strings.Contains(logs, s) {
					t.Errorf("secret %q appears in the logs:\n%s", s, logs)
				}
			}
			if tc.name == "basic" && strings.Contains(logs, "Basic "+basicB64[:8]) {
				t.Errorf("basic credentials partly visible:\n%s", logs)
			}

			entries := logEntries(t, &buf)
			reqs := entriesWithMessage(entries, "sending HTTP request")
			resps := entriesWithMessage(entries, "received HTTP response")
			if len(reqs) != 1 || len(resps) != 1 {
				t.Fatalf("want one request and one response line, got %d and %d:\n%s", len(reqs), len(resps), logs)
			}
			req, resp := reqs[0], resps[0]

			for _, e := range []map[string]any{req, resp} {
				if e["http_method"] != "POST" || e["platform"] != testPlatform {
					t.Errorf("entry %v: want method POST and platform %q", e, testPlatform)
				}
				u, _ := e["http_url"].(string)
				if !strings.HasPrefix(u, srv.URL+"/v1/contacts?") || !strings.Contains(u, "q=visibleQuery") {
					t.Errorf("http_url %q", u)
				}
				if e["@level"] != "debug" {
					t.Errorf("level %v, want debug", e["@level"])
				}
			}
			if resp["http_status"] != float64(200) {
				t.Errorf("http_status %v, want 200", resp["http_status"])
			}
			if _, ok := resp["duration_ms"]; !ok {
				t.Error("response line has no duration_ms")
			}

			reqHeaders, _ := req["http_headers"].(map[string]any)
			if reqHeaders[tc.header] != redacted {
				t.Errorf("request header %s logged as %v, want %q", tc.header, reqHeaders[tc.header], redacted)
			}
			if reqHeaders["User-Agent"] != testUserAgent || reqHeaders["Content-Type"] != "application/json" {
				t.Errorf("ordinary headers should stay readable: %v", reqHeaders)
			}
			respHeaders, _ := resp["http_headers"].(map[string]any)
			if respHeaders["Set-Cookie"] != redacted {
				t.Errorf("Set-Cookie logged as %v", respHeaders["Set-Cookie"])
			}
			if echo, _ := respHeaders["X-Echo-Credential"].(string); !strings.Contains(echo, redacted) {
				t.Errorf("echoed credential header logged as %q", echo)
			}

			reqBody, _ := req["http_request_body"].(string)
			for _, want := range []string{`"name":"visibleName"`, `"password":"***"`, `"access_token":"***"`, `"client_secret":"***"`, `"Token":"***"`, `"api_key":"***"`} {
				if !strings.Contains(reqBody, want) {
					t.Errorf("request body %q lacks %s", reqBody, want)
				}
			}
			respBody, _ := resp["http_response_body"].(string)
			for _, want := range []string{`"id":"c1"`, `"refresh_token":"***"`, `"KEY_SECRET":"***"`} {
				if !strings.Contains(respBody, want) {
					t.Errorf("response body %q lacks %s", respBody, want)
				}
			}
		})
	}
}

func TestLoggingFailedRequestMasked(t *testing.T) {
	const token = "dropTOKENsecret31337"
	srv := newCountingServer(t, func(w http.ResponseWriter, r *http.Request, _ int) {
		hijackAndClose(t, w, r)
	})
	cfg := testConfig(srv.URL)
	cfg.Auth = BearerToken(token)
	var buf bytes.Buffer
	ctx := tflogtest.RootLogger(context.Background(), &buf)
	err := newTestClient(t, cfg).Do(ctx, http.MethodPost, "contacts", url.Values{"t": {token}}, map[string]string{"password": "pw"}, nil)
	if err == nil {
		t.Fatal("want an error")
	}
	if strings.Contains(buf.String(), token) {
		t.Errorf("token in logs:\n%s", buf.String())
	}
	failed := entriesWithMessage(logEntries(t, &buf), "HTTP request failed")
	if len(failed) != 1 {
		t.Fatalf("want one failure line, got %d:\n%s", len(failed), buf.String())
	}
	e := failed[0]
	if e["http_method"] != "POST" || !strings.Contains(e["http_url"].(string), "/contacts") || e["error"] == "" || e["platform"] != testPlatform {
		t.Errorf("failure line %v", e)
	}
}

func TestLoggingEveryAttempt(t *testing.T) {
	srv := newCountingServer(t, func(w http.ResponseWriter, r *http.Request, hit int) {
		if hit == 1 {
			writeJSON(w, http.StatusServiceUnavailable, `{"message":"busy"}`)
			return
		}
		writeJSON(w, http.StatusOK, `{}`)
	})
	var buf bytes.Buffer
	ctx := tflogtest.RootLogger(context.Background(), &buf)
	if err := newTestClient(t, testConfig(srv.URL)).Do(ctx, http.MethodGet, "x", nil, nil, nil); err != nil {
		t.Fatal(err)
	}
	entries := logEntries(t, &buf)
	resps := entriesWithMessage(entries, "received HTTP response")
	if len(entriesWithMessage(entries, "sending HTTP request")) != 2 || len(resps) != 2 {
		t.Fatalf("want 2 request and 2 response lines:\n%s", buf.String())
	}
	if resps[0]["http_status"] != float64(503) || resps[1]["http_status"] != float64(200) {
		t.Errorf("statuses %v, %v", resps[0]["http_status"], resps[1]["http_status"])
	}
	if !strings.Contains(resps[0]["http_response_body"].(string), "busy") {
		t.Errorf("503 body not logged: %v", resps[0])
	}
}

func TestLoggingBodyHelpers(t *testing.T) {
	lt := masker{"s3cr3t", ""}

	if got := lt.body(nil); got != "" {
		t.Errorf("empty body -> %q", got)
	}
	// Not JSON: only known secrets are masked.
	if got := lt.body([]byte("token=s3cr3t&x=1")); got != "token=***&x=1" {
		t.Errorf("plain body -> %q", got)
	}
	// Keys are matched case-insensitively, at any depth, in arrays too.
	got := lt.body([]byte(`{"PassWord":"a","Access_Token":"b","outer":[{"accessToken":"c"},{"auth_string":"d","keep":"s3cr3t"}],"refresh_token":{"deep":"e"},"ok":"f"}`))
	for _, leaked := range []string{`"a"`, `"b"`, `"c"`, `"d"`, `"e"`, "s3cr3t"} {
		if strings.Contains(got, leaked) {
			t.Errorf("%s leaked in %q", leaked, got)
		}
	}
	if !strings.Contains(got, `"ok":"f"`) || !strings.Contains(got, `"keep":"***"`) {
		t.Errorf("redacted body %q", got)
	}

	// Large bodies are truncated, after masking.
	big := []byte(strings.Repeat("x", maxLoggedBody) + "s3cr3t" + strings.Repeat("y", 100))
	got = lt.body(big)
	if !strings.HasSuffix(got, "(truncated)") || len(got) > maxLoggedBody+len("…(truncated)") || strings.Contains(got, "s3cr3t") {
		t.Errorf("truncated body: len %d, suffix %q", len(got), got[len(got)-20:])
	}

	h := lt.headers(http.Header{
		"Authorization":       {"Bearer whatever"},
		"Proxy-Authorization": {"Basic abc"},
		"Cookie":              {"a=b"},
		"X-Api-Key":           {"k"},
		"Accesstoken":         {"t"},
		"X-Other":             {"has s3cr3t inside", "second"},
		"Accept":              {"application/json"},
	})
	for _, k := range []string{"Authorization", "Proxy-Authorization", "Cookie", "X-Api-Key", "Accesstoken"} {
		if h[k] != redacted {
			t.Errorf("header %s -> %q, want %q", k, h[k], redacted)
		}
	}
	if h["X-Other"] != "has *** inside, second" || h["Accept"] != "application/json" {
		t.Errorf("headers %v", h)
	}
}

// TestLoggingMasksSecretsLearnedAtRunTime: a token that did not exist when
// the client was built is masked like a configured one.
func TestLoggingMasksSecretsLearnedAtRunTime(t *testing.T) {
	auth := &rotatingAuth{}
	srv := newCountingServer(t, func(w http.ResponseWriter, r *http.Request, _ int) {
		got := r.Header.Get("Authorization")
		w.Header().Set("X-Echo", got)
		if got != "Bearer "+rotToken(1) {
			writeJSON(w, http.StatusUnauthorized, `{"message":"rejected `+got+`"}`)
			return
		}
		writeJSON(w, http.StatusOK, `{"note":"accepted `+got+`"}`)
	})
	cfg := testConfig(srv.URL)
	cfg.Auth = auth
	c := newTestClient(t, cfg) // only rotTOKEN-0 exists now
	var buf bytes.Buffer
	ctx := tflogtest.RootLogger(context.Background(), &buf)
	if err := c.Do(ctx, http.MethodGet, "x", nil, nil, nil); err != nil {
		t.Fatal(err)
	}
	logs := buf.String()
	for _, tok := range []string{rotToken(0), rotToken(1)} {
		if strings.Contains(logs, tok) {
			t.Errorf("%s appears in the logs:\n%s", tok, logs)
		}
	}
	resps := entriesWithMessage(logEntries(t, &buf), "received HTTP response")
	if len(resps) != 2 {
		t.Fatalf("want the 401 and the replay logged, got %d lines:\n%s", len(resps), logs)
	}
	if body, _ := resps[1]["http_response_body"].(string); !strings.Contains(body, "accepted Bearer ***") {
		t.Errorf("replay's answer logged as %q", body)
	}
	if h, _ := resps[1]["http_headers"].(map[string]any); h["X-Echo"] != "Bearer ***" {
		t.Errorf("echo header logged as %v", h["X-Echo"])
	}
}

// sliceAuth returns its own slice from Secrets, empty strings included.
type sliceAuth []string

func (sliceAuth) Authenticate(*http.Request) error { return nil }
func (a sliceAuth) Secrets() []string              { return a }

func TestLiveSecretsDropsEmpty(t *testing.T) {
	auth := sliceAuth{"", "a", "", "b"}
	if got := liveSecrets(auth)(); strings.Join(got, "|") != "a|b" {
		t.Errorf("got %q", got)
	}
	if strings.Join(auth, "|") != "|a||b" {
		t.Errorf("the source's own slice was changed: %q", auth)
	}
	if got := liveSecrets(nil)(); got != nil {
		t.Errorf("no auth: %q", got)
	}
	if got := liveSecrets(BearerToken(""))(); len(got) != 0 {
		t.Errorf("an empty token is no secret: %q", got)
	}
}

// With logs off, or above debug, loggingTransport writes nothing and so
// must not touch either body: the answer goes up as the network gave it,
// and secrets are never even asked for.
func TestLoggingOffLeavesBodiesAlone(t *testing.T) {
	cases := map[string]context.Context{
		"no logger": context.Background(),
		"off":       tfsdklog.NewRootProviderLogger(context.Background(), tfsdklog.WithLevel(hclog.Off)),
		"info":      tfsdklog.NewRootProviderLogger(context.Background(), tfsdklog.WithLevel(hclog.Info)),
	}
	for name, ctx := range cases {
		t.Run(name, func(t *testing.T) {
			answer := io.NopCloser(strings.NewReader(`{"id":"c1"}`))
			next := roundTripFunc(func(r *http.Request) (*http.Response, error) {
				return &http.Response{StatusCode: http.StatusOK, Header: http.Header{}, Body: answer, Request: r}, nil
			})
			lt := &loggingTransport{platform: testPlatform, next: next, secrets: func() []string {
				t.Error("secrets asked for with logs off")
				return nil
			}}
			req, _ := http.NewRequestWithContext(ctx, http.MethodPost, "https://api.example/x", strings.NewReader(`{"a":1}`))
			req.GetBody = func() (io.ReadCloser, error) {
				t.Error("request body read again with logs off")
				return nil, errors.New("unexpected")
			}
			resp, err := lt.RoundTrip(req)
			if err != nil {
				t.Fatal(err)
			}
			if resp.Body != answer {
				t.Error("the answer's body was replaced: it was read")
			}
		})
	}
}
