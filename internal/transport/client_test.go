package transport

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"
)

func TestParseBaseURL(t *testing.T) {
	ok := []struct{ raw, wantHost, wantPath string }{
		{"https://api.example.com", "api.example.com", ""},
		{"https://api.example.com/v1/", "api.example.com", "/v1"},
		{"HTTPS://api.example.com/v1", "api.example.com", "/v1"},
		{"http://127.0.0.1:8080", "127.0.0.1:8080", ""},
		{"http://127.0.0.1:8080/api/v2//", "127.0.0.1:8080", "/api/v2"},
		{"http://127.9.9.9", "127.9.9.9", ""},
		{"http://localhost", "localhost", ""},
		{"http://localhost:3000/sandbox", "localhost:3000", "/sandbox"},
		{"http://[::1]", "[::1]", ""},
		{"http://[::1]:9999/x", "[::1]:9999", "/x"},
	}
	for _, tc := range ok {
		u, err := ParseBaseURL(tc.raw)
		if err != nil {
			t.Errorf("ParseBaseURL(%q): unexpected error %v", tc.raw, err)
			continue
		}
		if u.Host != tc.wantHost || u.Path != tc.wantPath {
			t.Errorf("ParseBaseURL(%q) = host %q path %q, want %q %q", tc.raw, u.Host, u.Path, tc.wantHost, tc.wantPath)
		}
	}

	plainHTTP := []string{
		"http://example.com",
		"http://api.example.com/v1",
		"http://10.0.0.1",
		"http://192.168.1.10:8080",
		"http://localhost.example.com",
		"http://127.0.0.1.nip.io",
		"http://[2001:db8::1]",
	}
	for _, raw := range plainHTTP {
		_, err := ParseBaseURL(raw)
		if err == nil {
			t.Errorf("ParseBaseURL(%q): accepted plain http towards a non-loopback host", raw)
			continue
		}
		if !strings.Contains(err.Error(), "loopback") || !strings.Contains(err.Error(), "https") {
			t.Errorf("ParseBaseURL(%q): error %q should explain https / loopback", raw, err)
		}
	}

	garbage := []string{
		"",
		"not a url",
		"example.com",
		"/relative/path",
		"ftp://example.com",
		"file:///etc/passwd",
		"https://",
		"://example.com",
		"https://exa mple.com",
		"http://%zz",
	}
	for _, raw := range garbage {
		if u, err := ParseBaseURL(raw); err == nil {
			t.Errorf("ParseBaseURL(%q) = %v, want an error", raw, u)
		}
	}
}

func TestNewRejectsBadBaseURL(t *testing.T) {
	for _, raw := range []string{"http://example.com", "garbage", ""} {
		cfg := testConfig(raw)
		if c, err := New(cfg); err == nil || c != nil {
			t.Errorf("New(BaseURL %q) = %v, %v; want nil client and an error", raw, c, err)
		}
	}
}

func TestDoSendsHeadersQueryAndPath(t *testing.T) {
	type seen struct {
		method, path, rawQuery, ua, accept, contentType string
		query                                           url.Values
		body                                            string
	}
	got := make(chan seen, 10)
	srv := newCountingServer(t, func(w http.ResponseWriter, r *http.Request, _ int) {
		b, _ := io.ReadAll(r.Body)
		got <- seen{
			method: r.Method, path: r.URL.Path, rawQuery: r.URL.RawQuery, query: r.URL.Query(),
			ua: r.Header.Get("User-Agent"), accept: r.Header.Get("Accept"),
			contentType: r.Header.Get("Content-Type"), body: string(b),
		}
		writeJSON(w, http.StatusOK, `{}`)
	})
	c := newTestClient(t, testConfig(srv.URL+"/api/v1/"))
	ctx := context.Background()

	t.Run("GET without body", func(t *testing.T) {
		q := url.Values{"q": {"a b&c=d/é"}, "page": {"2"}, "tag": {"x", "y"}}
		if err := c.Do(ctx, http.MethodGet, "customers", q, nil, nil); err != nil {
			t.Fatal(err)
		}
		s := <-got
		if s.method != http.MethodGet || s.path != "/api/v1/customers" {
			t.Errorf("got %s %s, want GET /api/v1/customers", s.method, s.path)
		}
		if s.rawQuery != q.Encode() {
			t.Errorf("raw query %q, want %q", s.rawQuery, q.Encode())
		}
		if s.query.Get("q") != "a b&c=d/é" || s.query.Get("page") != "2" || len(s.query["tag"]) != 2 {
			t.Errorf("server decoded query %v", s.query)
		}
		if s.ua != testUserAgent {
			t.Errorf("User-Agent %q, want %q", s.ua, testUserAgent)
		}
		if s.accept != "application/json" {
			t.Errorf("Accept %q, want application/json", s.accept)
		}
		if s.contentType != "" {
			t.Errorf("Content-Type %q sent without a body", s.contentType)
		}
		if s.body != "" {
			t.Errorf("body %q sent for a GET without input", s.body)
		}
	})

	t.Run("no query gives no question mark", func(t *testing.T) {
		if err := c.Do(ctx, http.MethodDelete, "/customers/42", nil, nil, nil); err != nil {
			t.Fatal(err)
		}
		s := <-got
		if s.method != http.MethodDelete || s.path != "/api/v1/customers/42" || s.rawQuery != "" {
			t.Errorf("got %s %s?%s", s.method, s.path, s.rawQuery)
		}
		if s.contentType != "" {
			t.Errorf("Content-Type %q sent on a DELETE without body", s.contentType)
		}
	})

	t.Run("POST with JSON body", func(t *testing.T) {
		in := map[string]any{"name": "Ada", "tags": []string{"a"}}
		if err := c.Do(ctx, http.MethodPost, "customers", nil, in, nil); err != nil {
			t.Fatal(err)
		}
		s := <-got
		if s.contentType != "application/json" {
			t.Errorf("Content-Type %q, want application/json", s.contentType)
		}
		if s.ua != testUserAgent {
			t.Errorf("User-Agent %q, want %q", s.ua, testUserAgent)
		}
		var back map[string]any
		if err := json.Unmarshal([]byte(s.body), &back); err != nil || back["name"] != "Ada" {
			t.Errorf("server got body %q (%v)", s.body, err)
		}
	})
}

func TestDoWithoutUserAgentConfigured(t *testing.T) {
	var ua string
	srv := newCountingServer(t, func(w http.ResponseWriter, r *http.Request, _ int) {
		ua = r.Header.Get("User-Agent")
		w.WriteHeader(http.StatusNoContent)
	})
	cfg := testConfig(srv.URL)
	cfg.UserAgent = ""
	if err := newTestClient(t, cfg).Do(context.Background(), http.MethodGet, "x", nil, nil, nil); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(ua, "Go-http-client/") {
		t.Errorf("User-Agent %q, want Go's default when none is configured", ua)
	}
}

func TestDoDecodesAnswer(t *testing.T) {
	type customer struct {
		ID    string   `json:"id"`
		Name  string   `json:"name"`
		Count int      `json:"count"`
		Tags  []string `json:"tags"`
	}
	bodies := map[string]struct {
		status int
		body   string
	}{
		"/full":       {http.StatusOK, `{"id":"c1","name":"Ada","count":3,"tags":["x","y"],"extra":true}`},
		"/created":    {http.StatusCreated, `{"id":"c2"}`},
		"/empty":      {http.StatusOK, ``},
		"/blank":      {http.StatusOK, " \n\t "},
		"/nocontent":  {http.StatusNoContent, ``},
		"/null":       {http.StatusOK, `null`},
		"/badjson":    {http.StatusOK, `{"id": `},
		"/wrongshape": {http.StatusOK, `["not","an","object"]`},
	}
	srv := newCountingServer(t, func(w http.ResponseWriter, r *http.Request, _ int) {
		b := bodies[r.URL.Path]
		writeJSON(w, b.status, b.body)
	})
	c := newTestClient(t, testConfig(srv.URL))
	ctx := context.Background()

	var out customer
	if err := c.Do(ctx, http.MethodGet, "full", nil, nil, &out); err != nil {
		t.Fatal(err)
	}
	if out.ID != "c1" || out.Name != "Ada" || out.Count != 3 || len(out.Tags) != 2 {
		t.Errorf("decoded %+v", out)
	}

	var created customer
	if err := c.Do(ctx, http.MethodPost, "created", nil, map[string]string{"name": "x"}, &created); err != nil || created.ID != "c2" {
		t.Errorf("201 answer: %+v, %v", created, err)
	}

	for _, p := range []string{"empty", "blank", "nocontent", "null"} {
		keep := customer{ID: "untouched"}
		if err := c.Do(ctx, http.MethodGet, p, nil, nil, &keep); err != nil {
			t.Errorf("%s with out != nil: %v", p, err)
		}
		if keep.ID != "untouched" {
			t.Errorf("%s: out changed to %+v", p, keep)
		}
	}

	// out == nil discards any body, even one that is not JSON.
	if err := c.Do(ctx, http.MethodGet, "badjson", nil, nil, nil); err != nil {
		t.Errorf("out == nil: %v", err)
	}

	for _, p := range []string{"badjson", "wrongshape"} {
		err := c.Do(ctx, http.MethodGet, p, nil, nil, &out)
		if err == nil {
			t.Errorf("%s: want a decoding error", p)
			continue
		}
		if _, isAPI := AsAPIError(err); isAPI {
			t.Errorf("%s: a 2xx decoding failure must not be an APIError: %v", p, err)
		}
		if !strings.Contains(err.Error(), "decoding answer") || !strings.Contains(err.Error(), testPlatform) {
			t.Errorf("%s: error %q", p, err)
		}
	}
}

func TestDoEncodingErrorSendsNothing(t *testing.T) {
	srv := newCountingServer(t, func(w http.ResponseWriter, r *http.Request, _ int) { w.WriteHeader(http.StatusOK) })
	c := newTestClient(t, testConfig(srv.URL))
	err := c.Do(context.Background(), http.MethodPost, "x", nil, map[string]any{"bad": make(chan int)}, nil)
	if err == nil || !strings.Contains(err.Error(), "encoding") {
		t.Errorf("want an encoding error, got %v", err)
	}
	if srv.Hits() != 0 {
		t.Errorf("server hit %d times", srv.Hits())
	}
}

type failingAuth struct{}

var errAuthBroken = errors.New("auth broken")

func (failingAuth) Authenticate(*http.Request) error { return errAuthBroken }
func (failingAuth) Secrets() []string                { return nil }

func TestDoAuthenticateErrorSendsNothing(t *testing.T) {
	srv := newCountingServer(t, func(w http.ResponseWriter, r *http.Request, _ int) { w.WriteHeader(http.StatusOK) })
	cfg := testConfig(srv.URL)
	cfg.Auth = failingAuth{}
	err := newTestClient(t, cfg).Do(context.Background(), http.MethodGet, "x", nil, nil, nil)
	if !errors.Is(err, errAuthBroken) {
		t.Errorf("want the authenticator's error, got %v", err)
	}
	if srv.Hits() != 0 {
		t.Errorf("server hit %d times", srv.Hits())
	}
}

func TestAuthenticatorsSetHeaders(t *testing.T) {
	type want struct{ header, value string }
	cases := []struct {
		name    string
		auth    Authenticator
		want    want
		secrets []string
	}{
		{"bearer", BearerToken("tok123"), want{"Authorization", "Bearer tok123"}, []string{"tok123"}},
		{"header", HeaderToken{Header: "accessToken", Token: "abc"}, want{"accessToken", "abc"}, []string{"abc"}},
		{"basic", BasicAuth{Username: "rzp_key", Password: "s3cr3t"},
			want{"Authorization", "Basic cnpwX2tleTpzM2NyM3Q="}, []string{"s3cr3t", "cnpwX2tleTpzM2NyM3Q="}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var got string
			var user, pass string
			var basicOK bool
			srv := newCountingServer(t, func(w http.ResponseWriter, r *http.Request, _ int) {
				got = r.Header.Get(tc.want.header)
				user, pass, basicOK = r.BasicAuth()
				w.WriteHeader(http.StatusNoContent)
			})
			cfg := testConfig(srv.URL)
			cfg.Auth = tc.auth
			if err := newTestClient(t, cfg).Do(context.Background(), http.MethodGet, "me", nil, nil, nil); err != nil {
				t.Fatal(err)
			}
			if got != tc.want.value {
				t.Errorf("%s = %q, want %q", tc.want.header, got, tc.want.value)
			}
			if b, ok := tc.auth.(BasicAuth); ok && (!basicOK || user != b.Username || pass != b.Password) {
				t.Errorf("server decoded basic auth %q/%q (%v)", user, pass, basicOK)
			}
			s := tc.auth.Secrets()
			if strings.Join(s, "|") != strings.Join(tc.secrets, "|") {
				t.Errorf("Secrets() = %q, want %q", s, tc.secrets)
			}
		})
	}
}

func TestDoNon2xxIsAPIError(t *testing.T) {
	srv := newCountingServer(t, func(w http.ResponseWriter, r *http.Request, _ int) {
		switch r.URL.Path {
		case "/invalid":
			writeJSON(w, http.StatusUnprocessableEntity, `{"message":"email is invalid","field":"email"}`)
		case "/gone":
			writeJSON(w, http.StatusNotFound, `{"message":"no such customer"}`)
		case "/plain":
			w.WriteHeader(http.StatusConflict)
			_, _ = io.WriteString(w, "  duplicate record\n")
		case "/redirect-ish":
			w.WriteHeader(http.StatusNotModified)
		}
	})
	c := newTestClient(t, testConfig(srv.URL))
	ctx := context.Background()

	err := c.Do(ctx, http.MethodPut, "/invalid", nil, map[string]string{"email": "x"}, nil)
	apiErr, ok := AsAPIError(err)
	if !ok {
		t.Fatalf("want *APIError, got %T %v", err, err)
	}
	want := APIError{Platform: testPlatform, Method: http.MethodPut, Path: "/invalid", Status: 422, Message: "email is invalid", Field: "email"}
	if apiErr.Platform != want.Platform || apiErr.Method != want.Method || apiErr.Path != want.Path ||
		apiErr.Status != want.Status || apiErr.Message != want.Message || apiErr.Field != want.Field || apiErr.NotFound {
		t.Errorf("got %+v, want %+v", *apiErr, want)
	}
	if IsNotFound(err) || IsOutcomeUnknown(err) {
		t.Errorf("422: IsNotFound %v, IsOutcomeUnknown %v", IsNotFound(err), IsOutcomeUnknown(err))
	}

	err = c.Do(ctx, http.MethodGet, "gone", nil, nil, nil)
	if !IsNotFound(err) || !errors.Is(err, ErrNotFound) {
		t.Errorf("404 with NotFound decoder: IsNotFound false for %v", err)
	}

	// The decoder found no message: the trimmed raw body is used instead.
	err = c.Do(ctx, http.MethodPost, "plain", nil, nil, nil)
	if apiErr, ok := AsAPIError(err); !ok || apiErr.Message != "duplicate record" || apiErr.Status != http.StatusConflict {
		t.Errorf("raw body fallback: %#v", err)
	}

	// A 3xx that is not followed is not a success either.
	err = c.Do(ctx, http.MethodGet, "redirect-ish", nil, nil, nil)
	if apiErr, ok := AsAPIError(err); !ok || apiErr.Status != http.StatusNotModified {
		t.Errorf("304: %#v", err)
	}
}

func TestDoDefaultAndNilDecoders(t *testing.T) {
	srv := newCountingServer(t, func(w http.ResponseWriter, r *http.Request, _ int) {
		writeJSON(w, http.StatusNotFound, `{"message":"nope"}`)
	})
	for name, dec := range map[string]ErrorDecoder{
		"default": nil,
		"nil result": func(int, []byte) *APIError {
			return nil
		},
	} {
		t.Run(name, func(t *testing.T) {
			cfg := testConfig(srv.URL)
			cfg.DecodeError = dec
			err := newTestClient(t, cfg).Do(context.Background(), http.MethodGet, "x", nil, nil, nil)
			apiErr, ok := AsAPIError(err)
			if !ok {
				t.Fatalf("want *APIError, got %v", err)
			}
			if apiErr.Status != 404 || apiErr.Message != `{"message":"nope"}` || apiErr.Platform != testPlatform || apiErr.Path != "x" {
				t.Errorf("got %+v", *apiErr)
			}
			// Only a decoder decides what "not found" means.
			if IsNotFound(err) {
				t.Errorf("IsNotFound true without the decoder saying so")
			}
		})
	}
}
