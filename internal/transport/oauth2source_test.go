package transport

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-log/tflogtest"
	"golang.org/x/oauth2"
	"golang.org/x/oauth2/clientcredentials"
)

// countingTokens is an oauth2.TokenSource issuing oaTOKEN-1, oaTOKEN-2, …
// each valid for life (expired at once when life < 0).
type countingTokens struct {
	n     atomic.Int64
	life  time.Duration
	delay time.Duration
	err   error
}

func (c *countingTokens) Token() (*oauth2.Token, error) {
	time.Sleep(c.delay)
	if c.err != nil {
		return nil, c.err
	}
	n := c.n.Add(1)
	return &oauth2.Token{
		AccessToken:  fmt.Sprintf("oaTOKEN-%d", n),
		RefreshToken: fmt.Sprintf("oaREFRESH-%d", n),
		Expiry:       time.Now().Add(c.life),
	}, nil
}

func authHeader(t *testing.T, s *OAuth2Source) string {
	t.Helper()
	req, _ := http.NewRequest(http.MethodGet, "https://api.example/x", nil)
	if err := s.Authenticate(req); err != nil {
		t.Fatal(err)
	}
	return req.Header.Get("Authorization")
}

func TestOAuth2SourceReusesTokenUntilExpiry(t *testing.T) {
	src := &countingTokens{life: time.Hour}
	s := NewOAuth2Source(src)
	for range 3 {
		if got := authHeader(t, s); got != "Bearer oaTOKEN-1" {
			t.Errorf("Authorization %q", got)
		}
	}
	if src.n.Load() != 1 {
		t.Errorf("%d fetches, want 1", src.n.Load())
	}

	expired := &countingTokens{life: -time.Minute}
	s = NewOAuth2Source(expired)
	authHeader(t, s)
	if got := authHeader(t, s); got != "Bearer oaTOKEN-2" || expired.n.Load() != 2 {
		t.Errorf("after expiry: %q after %d fetches", got, expired.n.Load())
	}
}

func TestOAuth2SourceRefreshOnlyForCurrentToken(t *testing.T) {
	src := &countingTokens{life: time.Hour}
	s := NewOAuth2Source(src)
	old, _ := http.NewRequest(http.MethodGet, "https://api.example/x", nil)
	if err := s.Authenticate(old); err != nil {
		t.Fatal(err)
	}
	if err := s.Refresh(context.Background(), old); err != nil {
		t.Fatal(err)
	}
	if got := authHeader(t, s); got != "Bearer oaTOKEN-2" {
		t.Errorf("after refresh: %q", got)
	}
	// old carried oaTOKEN-1, already replaced: nothing to fetch.
	if err := s.Refresh(context.Background(), old); err != nil || src.n.Load() != 2 {
		t.Errorf("stale refresh: %v, %d fetches; want none more", err, src.n.Load())
	}
	want := []string{"oaTOKEN-1", "oaREFRESH-1", "oaTOKEN-2", "oaREFRESH-2"}
	if got := s.Secrets(); !slices.Equal(got, want) {
		t.Errorf("Secrets() = %q, want %q", got, want)
	}
}

func TestOAuth2SourceErrors(t *testing.T) {
	boom := errors.New("invalid_client")
	s := NewOAuth2Source(&countingTokens{err: boom})
	req, _ := http.NewRequest(http.MethodGet, "https://api.example/x", nil)
	if err := s.Authenticate(req); !errors.Is(err, boom) || req.Header.Get("Authorization") != "" {
		t.Errorf("got %v, header %q", err, req.Header.Get("Authorization"))
	}
	if len(s.Secrets()) != 0 {
		t.Errorf("Secrets() = %q with no token yet", s.Secrets())
	}

	empty := NewOAuth2Source(oauth2.StaticTokenSource(&oauth2.Token{}))
	if err := empty.Authenticate(req); err == nil {
		t.Error("an empty access token was accepted")
	}

	// A caching source hands back the rejected token: say so, don't loop.
	caching := NewOAuth2Source(oauth2.ReuseTokenSource(nil, &countingTokens{life: time.Hour}))
	if err := caching.Authenticate(req); err != nil {
		t.Fatal(err)
	}
	if err := caching.Refresh(context.Background(), req); err == nil || !strings.Contains(err.Error(), "cache") {
		t.Errorf("got %v, want an error about caching", err)
	}
}

func TestOAuth2SourceConcurrentRefreshFetchesOnce(t *testing.T) {
	src := &countingTokens{life: time.Hour, delay: 20 * time.Millisecond}
	s := NewOAuth2Source(src)
	rejected, _ := http.NewRequest(http.MethodGet, "https://api.example/x", nil)
	if err := s.Authenticate(rejected); err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	for range 50 {
		wg.Go(func() {
			if err := s.Refresh(context.Background(), rejected); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	// Latecomers, rejected with the same old token, find the new one.
	for range 5 {
		if err := s.Refresh(context.Background(), rejected); err != nil {
			t.Error(err)
		}
	}
	if src.n.Load() != 2 {
		t.Errorf("%d fetches, want 2 (the first token and one refresh)", src.n.Load())
	}
}

func TestOAuth2SourceWaitHonoursContext(t *testing.T) {
	src := &countingTokens{life: time.Hour, delay: 200 * time.Millisecond}
	s := NewOAuth2Source(src)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Millisecond)
	defer cancel()
	start := time.Now()
	if _, err := s.token(ctx, nil); !errors.Is(err, context.DeadlineExceeded) || time.Since(start) > 150*time.Millisecond {
		t.Errorf("got %v after %v", err, time.Since(start))
	}
	// The fetch went on for whoever needs it next.
	if got := authHeader(t, s); got != "Bearer oaTOKEN-1" || src.n.Load() != 1 {
		t.Errorf("got %q after %d fetches", got, src.n.Load())
	}
}

// TestOAuth2SourceThroughClient: the server revokes tokens under parallel
// load; every request succeeds, the tokens learned on the way never reach
// the logs, and each revocation costs one fetch.
func TestOAuth2SourceThroughClient(t *testing.T) {
	src := &countingTokens{life: time.Hour, delay: 5 * time.Millisecond}
	var accepted atomic.Int64 // the only token number the server takes
	accepted.Store(1)
	srv := newCountingServer(t, func(w http.ResponseWriter, r *http.Request, _ int) {
		got := r.Header.Get("Authorization")
		if got != fmt.Sprintf("Bearer oaTOKEN-%d", accepted.Load()) {
			writeJSON(w, http.StatusUnauthorized, `{"message":"expired: `+got+`"}`)
			return
		}
		// A careless server echoes the token in a header and the body.
		w.Header().Set("X-Echo", got)
		writeJSON(w, http.StatusOK, `{"note":"you sent `+got+`"}`)
	})
	cfg := testConfig(srv.URL)
	cfg.Auth = NewOAuth2Source(src)
	c := newTestClient(t, cfg)
	var buf bytes.Buffer
	ctx := tflogtest.RootLogger(context.Background(), &buf)
	for round := range 3 {
		if round > 0 {
			accepted.Add(1) // the token expires on the server
		}
		var wg sync.WaitGroup
		for range 20 {
			wg.Go(func() {
				var out struct{ Note string }
				err := c.Do(ctx, http.MethodGet, "x", nil, nil, &out)
				if err != nil || !strings.Contains(out.Note, "oaTOKEN") {
					t.Errorf("round %d: %+v, %v", round, out, err)
				}
			})
		}
		wg.Wait()
	}
	if got := src.n.Load(); got != 3 {
		t.Errorf("%d token fetches for 2 expiries, want 3", got)
	}
	logs := buf.String()
	for i := 1; i <= 3; i++ {
		if tok := fmt.Sprintf("oaTOKEN-%d", i); strings.Contains(logs, tok) {
			t.Errorf("%s, learned at run time, appears in the logs", tok)
		}
	}
	if !strings.Contains(logs, `you sent Bearer ***`) {
		t.Errorf("the echoed token should be logged masked:\n%.2000s", logs)
	}
}

// sameTokenServer is an OAuth server that always issues the same access
// token (as servers that hand out their cached token do): the first issue
// for firstLife seconds, later ones for an hour. Its API accepts that
// token, or none when reject is set.
type sameTokenServer struct {
	*countingServer
	grants atomic.Int64
}

func newSameTokenServer(t *testing.T, firstLife int, reject bool) *sameTokenServer {
	s := &sameTokenServer{}
	s.countingServer = newCountingServer(t, func(w http.ResponseWriter, r *http.Request, _ int) {
		if r.URL.Path == "/token" {
			life := 3600
			if s.grants.Add(1) == 1 {
				life = firstLife
			}
			writeJSON(w, http.StatusOK, fmt.Sprintf(`{"access_token":"oaSAME","token_type":"Bearer","expires_in":%d}`, life))
			return
		}
		if reject || r.Header.Get("Authorization") != "Bearer oaSAME" {
			writeJSON(w, http.StatusUnauthorized, `{"message":"bad token"}`)
			return
		}
		writeJSON(w, http.StatusOK, `{}`)
	})
	return s
}

// source fetches a token on every call, as OAuth2Source needs.
func (s *sameTokenServer) source() oauth2.TokenSource {
	cc := &clientcredentials.Config{ClientID: "id", ClientSecret: "secret", TokenURL: s.URL + "/token"}
	return fetchingSource(func() (*oauth2.Token, error) { return cc.Token(context.Background()) })
}

type fetchingSource func() (*oauth2.Token, error)

func (f fetchingSource) Token() (*oauth2.Token, error) { return f() }

// A token renewed because it expired may come back unchanged: the server
// knows it is still good, so it is used, not refused.
func TestOAuth2SourceExpiryRenewalMayReturnSameToken(t *testing.T) {
	// 1s is inside oauth2's expiry margin: due for renewal at once.
	srv := newSameTokenServer(t, 1, false)
	cfg := testConfig(srv.URL)
	cfg.Auth = NewOAuth2Source(srv.source())
	c := newTestClient(t, cfg)
	for i := range 3 {
		if err := c.Do(context.Background(), http.MethodGet, "x", nil, nil, nil); err != nil {
			t.Fatalf("request %d: %v", i+1, err)
		}
	}
	// The first token was due at once; the second lasts.
	if got := srv.grants.Load(); got != 2 {
		t.Errorf("%d token grants, want 2", got)
	}
}

// A token renewed because the server refused it must not come back
// unchanged: sending it again would be refused again. The request stops
// with an error that says why, after one renewal and no replay.
func TestOAuth2SourceRejectedRenewalReturningSameTokenStops(t *testing.T) {
	srv := newSameTokenServer(t, 3600, true)
	cfg := testConfig(srv.URL)
	cfg.Auth = NewOAuth2Source(srv.source())
	c := newTestClient(t, cfg)
	err := c.Do(context.Background(), http.MethodGet, "x", nil, nil, nil)
	if err == nil || !strings.Contains(err.Error(), "gave back the token being replaced") {
		t.Fatalf("got %v, want the error about the same token", err)
	}
	if grants, api := srv.grants.Load(), srv.Hits()-int(srv.grants.Load()); grants != 2 || api != 1 {
		t.Errorf("%d grants and %d API requests; want 2 and 1", grants, api)
	}
}
