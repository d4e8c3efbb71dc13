package webcommander

import (
	"crypto/rand"
	"encoding/hex"
	"sync"
	"time"
)

// DefaultTokenLifetime is how long an access token lives (internal/webcommander/CONTRACT.md §1:
// expires_in 3600).
const DefaultTokenLifetime = time.Hour

// tokens are the OAuth tokens one store has issued. Access tokens expire;
// a refresh token lives until it is used once.
type tokens struct {
	mu       sync.Mutex
	lifetime time.Duration
	access   map[string]time.Time // token → expiry
	refresh  map[string]struct{}
	ccCalls  int // token endpoint calls with grant_type client_credentials
	rtCalls  int // ... and refresh_token
}

// grant is what the token endpoint answers.
type grant struct {
	AccessToken  string `json:"access_token"`
	RefreshToken string `json:"refresh_token"`
	ExpiresIn    int64  `json:"expires_in"`
	TokenType    string `json:"token_type"`
}

// sweepAt is how many access tokens may pile up before expired ones are
// dropped.
const sweepAt = 1024

// issue makes a new access and refresh token pair.
func (t *tokens) issue() grant {
	t.mu.Lock()
	defer t.mu.Unlock()
	now := time.Now()
	if len(t.access) >= sweepAt {
		for k, exp := range t.access {
			if !now.Before(exp) {
				delete(t.access, k)
			}
		}
	}
	g := grant{AccessToken: newToken("wc_at_"), RefreshToken: newToken("wc_rt_"), TokenType: "Bearer",
		ExpiresIn: max(int64(t.lifetime/time.Second), 1)}
	t.access[g.AccessToken] = now.Add(t.lifetime)
	t.refresh[g.RefreshToken] = struct{}{}
	return g
}

// redeem uses up a refresh token; false if it is unknown or used.
func (t *tokens) redeem(token string) bool {
	t.mu.Lock()
	defer t.mu.Unlock()
	if _, ok := t.refresh[token]; !ok {
		return false
	}
	delete(t.refresh, token)
	return true
}

// valid reports whether token is an access token that has not expired.
func (t *tokens) valid(token string) bool {
	t.mu.Lock()
	defer t.mu.Unlock()
	exp, ok := t.access[token]
	if ok && !time.Now().Before(exp) {
		delete(t.access, token)
		return false
	}
	return ok
}

func (t *tokens) count(grantType string) {
	t.mu.Lock()
	defer t.mu.Unlock()
	switch grantType {
	case grantClientCredentials:
		t.ccCalls++
	case grantRefresh:
		t.rtCalls++
	}
}

// newToken is prefix plus 32 random hex digits: unique and unguessable.
func newToken(prefix string) string {
	var b [16]byte
	_, _ = rand.Read(b[:]) // crypto/rand.Read never fails
	return prefix + hex.EncodeToString(b[:])
}

// SetTokenLifetime sets how long access tokens issued from now on live; d
// <= 0 restores DefaultTokenLifetime. expires_in reports it in whole
// seconds, at least 1, so a sub-second lifetime still says 1.
func (s *Store) SetTokenLifetime(d time.Duration) {
	if d <= 0 {
		d = DefaultTokenLifetime
	}
	s.tok.mu.Lock()
	s.tok.lifetime = d
	s.tok.mu.Unlock()
}

// TokenLifetime is the lifetime of new access tokens.
func (s *Store) TokenLifetime() time.Duration {
	s.tok.mu.Lock()
	defer s.tok.mu.Unlock()
	return s.tok.lifetime
}

// ExpireTokens expires every access token issued so far; refresh tokens
// stay usable, so a client can recover by refreshing.
func (s *Store) ExpireTokens() {
	s.tok.mu.Lock()
	clear(s.tok.access)
	s.tok.mu.Unlock()
}

// TokenCalls counts the token endpoint calls of each grant type, failed
// ones included.
func (s *Store) TokenCalls() (clientCredentials, refresh int) {
	s.tok.mu.Lock()
	defer s.tok.mu.Unlock()
	return s.tok.ccCalls, s.tok.rtCalls
}
