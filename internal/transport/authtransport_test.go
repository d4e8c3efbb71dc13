package transport

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"golang.org/x/time/rate"
)

// rotatingAuth is a Refresher whose token is rotTOKEN-<generation>. As the
// Refresher contract asks, Refresh renews only when failed carried the
// current token.
type rotatingAuth struct {
	mu        sync.Mutex
	gen       int
	refreshes atomic.Int64
	delay     time.Duration // a slow token endpoint
	err       error         // Refresh fails with it
}

func rotToken(gen int) string { return fmt.Sprintf("rotTOKEN-%d", gen) }

func (a *rotatingAuth) Authenticate(req *http.Request) error {
	a.mu.Lock()
	defer a.mu.Unlock()
	req.Header.Set("Authorization", "Bearer "+rotToken(a.gen))
	return nil
}

func (a *rotatingAuth) Secrets() []string {
	a.mu.Lock()
	defer a.mu.Unlock()
	var out []string
	for g := 0; g <= a.gen; g++ {
		out = append(out, rotToken(g))
	}
	return out
}

func (a *rotatingAuth) Refresh(_ context.Context, failed *http.Request) error {
	a.mu.Lock()
	defer a.mu.Unlock()
	if failed.Header.Get("Authorization") != "Bearer "+rotToken(a.gen) {
		return nil // renewed since that request left
	}
	a.refreshes.Add(1)
	time.Sleep(a.delay)
	if a.err != nil {
		return a.err
	}
	a.gen++
	return nil
}

// countingAuth hands out a new header value on each call, so a test can
// see which attempts were authenticated.
type countingAuth struct{ n atomic.Int64 }

func (a *countingAuth) Authenticate(req *http.Request) error {
	req.Header.Set("Authorization", fmt.Sprintf("Bearer attempt-%d", a.n.Add(1)))
	return nil
}
func (a *countingAuth) Secrets() []string { return nil }

func TestAuthenticatedOnEveryAttempt(t *testing.T) {
	var seen bodyLog
	var headers []string
	var mu sync.Mutex
	srv := newCountingServer(t, func(w http.ResponseWriter, r *http.Request, hit int) {
		seen.add(r)
		mu.Lock()
		headers = append(headers, r.Header.Get("Authorization"))
		mu.Unlock()
		if hit < 3 {
			writeJSON(w, http.StatusServiceUnavailable, `{}`)
			return
		}
		writeJSON(w, http.StatusOK, `{}`)
	})
	cfg := testConfig(srv.URL)
	cfg.Auth = &countingAuth{}
	if err := newTestClient(t, cfg).Do(context.Background(), http.MethodPut, "x", nil, map[string]int{"a": 1}, nil); err != nil {
		t.Fatal(err)
	}
	want := "Bearer attempt-1|Bearer attempt-2|Bearer attempt-3"
	if got := strings.Join(headers, "|"); got != want {
		t.Errorf("attempts carried %q, want %q", got, want)
	}
	for _, b := range seen.all() {
		if b != `{"a":1}` {
			t.Errorf("attempt body %q", b)
		}
	}
}

// tokenServer answers 401 to any token but the accepted one, and records
// what each request carried.
func tokenServer(t *testing.T, accepted func() string) (*countingServer, *bodyLog) {
	t.Helper()
	var bodies bodyLog
	srv := newCountingServer(t, func(w http.ResponseWriter, r *http.Request, _ int) {
		bodies.add(r)
		if r.Header.Get("Authorization") != "Bearer "+accepted() {
			writeJSON(w, http.StatusUnauthorized, `{"message":"token expired"}`)
			return
		}
		writeJSON(w, http.StatusCreated, `{"id":"c1"}`)
	})
	return srv, &bodies
}

func TestRefreshOn401ReplaysOnce(t *testing.T) {
	auth := &rotatingAuth{}
	srv, bodies := tokenServer(t, func() string { return rotToken(1) })
	cfg := testConfig(srv.URL)
	cfg.Auth = auth
	var out struct{ ID string }
	// POST: a 401 was not processed, so even a create may be replayed.
	if err := newTestClient(t, cfg).Do(context.Background(), http.MethodPost, "customers", nil, map[string]string{"name": "Ada"}, &out); err != nil {
		t.Fatal(err)
	}
	if out.ID != "c1" || srv.Hits() != 2 || auth.refreshes.Load() != 1 {
		t.Errorf("got %+v after %d requests and %d refreshes; want c1 after 2 and 1", out, srv.Hits(), auth.refreshes.Load())
	}
	if b := bodies.all(); len(b) != 2 || b[0] != `{"name":"Ada"}` || b[1] != b[0] {
		t.Errorf("bodies %q: the replay must carry the same body", b)
	}
}

func TestSecond401IsTheAnswer(t *testing.T) {
	auth := &rotatingAuth{}
	srv, _ := tokenServer(t, func() string { return "none is good" })
	cfg := testConfig(srv.URL)
	cfg.Auth = auth
	err := newTestClient(t, cfg).Do(context.Background(), http.MethodGet, "customers", nil, nil, nil)
	apiErr, ok := AsAPIError(err)
	if !ok || apiErr.Status != http.StatusUnauthorized || apiErr.Message != "token expired" {
		t.Fatalf("got %v, want the 401 as an APIError", err)
	}
	if srv.Hits() != 2 || auth.refreshes.Load() != 1 {
		t.Errorf("%d requests, %d refreshes; want 2 and 1", srv.Hits(), auth.refreshes.Load())
	}
}

func TestStatic401NotReplayed(t *testing.T) {
	srv, _ := tokenServer(t, func() string { return "other" })
	cfg := testConfig(srv.URL)
	cfg.Auth = BearerToken("static")
	err := newTestClient(t, cfg).Do(context.Background(), http.MethodGet, "x", nil, nil, nil)
	if apiErr, ok := AsAPIError(err); !ok || apiErr.Status != http.StatusUnauthorized || srv.Hits() != 1 {
		t.Errorf("got %v after %d requests; want a 401 APIError after 1", err, srv.Hits())
	}
}

func TestRefreshFailureIsAuthError(t *testing.T) {
	boom := errors.New("token endpoint said no")
	auth := &rotatingAuth{err: boom}
	srv, _ := tokenServer(t, func() string { return rotToken(1) })
	cfg := testConfig(srv.URL)
	cfg.Auth = auth
	c := newTestClient(t, cfg)
	for _, method := range []string{http.MethodGet, http.MethodPost} {
		before := srv.Hits()
		err := c.Do(context.Background(), method, "x", nil, nil, nil)
		var authErr *AuthError
		if !errors.As(err, &authErr) || !errors.Is(err, boom) || !strings.Contains(err.Error(), "401") {
			t.Errorf("%s: got %v, want an AuthError wrapping the refresh error", method, err)
		}
		if IsOutcomeUnknown(err) {
			t.Errorf("%s: a refused request has a known outcome", method)
		}
		if hits := srv.Hits() - before; hits != 1 {
			t.Errorf("%s: %d requests; a failed refresh must not be retried", method, hits)
		}
	}
}

func TestAuthenticateFailureSkipsReconcile(t *testing.T) {
	srv := newCountingServer(t, func(w http.ResponseWriter, r *http.Request, _ int) { w.WriteHeader(http.StatusOK) })
	cfg := testConfig(srv.URL)
	cfg.Auth = failingAuth{}
	c := newTestClient(t, cfg)
	finds := 0
	_, err := CreateOnce(context.Background(), c,
		func() (*struct{}, error) { return nil, c.Do(context.Background(), http.MethodPost, "x", nil, nil, nil) },
		func(context.Context) (*struct{}, error) { finds++; return nil, nil })
	if !errors.Is(err, errAuthBroken) || finds != 0 || srv.Hits() != 0 {
		t.Errorf("got %v, %d finds, %d requests; want the auth error and nothing else", err, finds, srv.Hits())
	}
}

// TestConcurrent401sRefreshOnce: requests rejected together with the same
// token cost one refresh, and all succeed.
func TestConcurrent401sRefreshOnce(t *testing.T) {
	const n = 40
	var arrived atomic.Int64
	allIn := make(chan struct{})
	srv := newCountingServer(t, func(w http.ResponseWriter, r *http.Request, _ int) {
		if r.Header.Get("Authorization") == "Bearer "+rotToken(0) {
			// Hold the first wave until every request has been sent.
			if arrived.Add(1) == n {
				close(allIn)
			}
			select {
			case <-allIn:
			case <-time.After(5 * time.Second):
			}
			writeJSON(w, http.StatusUnauthorized, `{}`)
			return
		}
		writeJSON(w, http.StatusOK, `{}`)
	})
	auth := &rotatingAuth{delay: 10 * time.Millisecond}
	cfg := testConfig(srv.URL)
	cfg.Auth = auth
	c := newTestClient(t, cfg)
	var wg sync.WaitGroup
	errs := make(chan error, n)
	for range n {
		wg.Go(func() { errs <- c.Do(context.Background(), http.MethodGet, "x", nil, nil, nil) })
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Error(err)
		}
	}
	if got := auth.refreshes.Load(); got != 1 {
		t.Errorf("%d refreshes for %d rejected requests, want 1", got, n)
	}
	if srv.Hits() != 2*n {
		t.Errorf("%d requests, want %d", srv.Hits(), 2*n)
	}
}

// TestCredentialsNotAddedToRedirects: net/http decides which redirect
// targets get the first hop's credentials; the transport adds none.
func TestCredentialsNotAddedToRedirects(t *testing.T) {
	var other string
	elsewhere := newCountingServer(t, func(w http.ResponseWriter, r *http.Request, _ int) {
		other = r.Header.Get("Authorization")
		w.WriteHeader(http.StatusNoContent)
	})
	u, _ := url.Parse(elsewhere.URL)
	u.Host = "localhost:" + u.Port() // another host name for the same server
	var sameHost string
	srv := newCountingServer(t, func(w http.ResponseWriter, r *http.Request, _ int) {
		switch r.URL.Path {
		case "/away":
			http.Redirect(w, r, u.String()+"/landing", http.StatusFound)
		case "/here":
			http.Redirect(w, r, "/landing", http.StatusFound)
		default:
			sameHost = r.Header.Get("Authorization")
			w.WriteHeader(http.StatusNoContent)
		}
	})
	cfg := testConfig(srv.URL)
	cfg.Auth = &rotatingAuth{}
	c := newTestClient(t, cfg)
	for _, p := range []string{"away", "here"} {
		if err := c.Do(context.Background(), http.MethodGet, p, nil, nil, nil); err != nil {
			t.Fatal(err)
		}
	}
	if other != "" {
		t.Errorf("credentials sent to another host: %q", other)
	}
	if sameHost != "Bearer "+rotToken(0) {
		t.Errorf("same-host redirect carried %q", sameHost)
	}
}

func TestUnreplayableBodyNotRefreshed(t *testing.T) {
	auth := &rotatingAuth{}
	sent := 0
	tr := &authTransport{auth: auth, limiter: NewLimiter(0), next: roundTripFunc(func(r *http.Request) (*http.Response, error) {
		sent++
		_, _ = io.Copy(io.Discard, r.Body)
		return &http.Response{StatusCode: http.StatusUnauthorized, Body: io.NopCloser(strings.NewReader("")), Request: r}, nil
	})}
	req, _ := http.NewRequest(http.MethodPost, "http://127.0.0.1/x", io.NopCloser(strings.NewReader("once")))
	req.GetBody = nil
	resp, err := tr.RoundTrip(req)
	if err != nil || resp.StatusCode != http.StatusUnauthorized || sent != 1 || auth.refreshes.Load() != 0 {
		t.Errorf("got %v, %v after %d sends and %d refreshes; want the 401 after 1 and 0", resp, err, sent, auth.refreshes.Load())
	}
	if req.Header.Get("Authorization") != "" {
		t.Error("the caller's request was changed")
	}
}

func TestReplayWaitsForLimiter(t *testing.T) {
	auth := &rotatingAuth{}
	lim := pacedLimiter(rate.Every(time.Hour), 1)
	tr := &authTransport{auth: auth, limiter: lim, next: roundTripFunc(func(r *http.Request) (*http.Response, error) {
		return &http.Response{StatusCode: http.StatusUnauthorized, Body: http.NoBody, Request: r}, nil
	})}
	// The burst is spent: the replay must wait, here past the deadline.
	lim.bucket.Allow()
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, "http://127.0.0.1/x", nil)
	if _, err := tr.RoundTrip(req); err == nil {
		t.Error("the replay went out without the limiter's leave")
	}
}
