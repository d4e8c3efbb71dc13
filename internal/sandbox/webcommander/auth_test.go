package webcommander

import (
	"encoding/base64"
	"net/http"
	"strings"
	"testing"
	"time"
)

const tokenPath = "/api/v4/oauth2/token"

func TestTokenClientCredentials(t *testing.T) {
	s := newServer(t)
	status, body := s.raw("POST", tokenPath, ccBody(testCreds), nil)
	if status != 201 || !strings.Contains(body, `"expires_in":3600,"token_type":"Bearer"`) {
		t.Fatalf("%d %s", status, body)
	}
	g := decodeGrant(t, body)
	if g.AccessToken == s.token || g.AccessToken == g.RefreshToken {
		t.Errorf("tokens not unique: %+v, first %s", g, s.token)
	}
	// Both access tokens work.
	for _, tok := range []string{s.token, g.AccessToken} {
		s.token = tok
		if status, body := s.Do("GET", "/api/v4/admin/customers", ""); status != 200 {
			t.Errorf("token %s: %d %s", tok, status, body)
		}
	}
	if cc, rt := s.store.TokenCalls(); cc != 2 || rt != 0 {
		t.Errorf("TokenCalls %d %d", cc, rt)
	}
}

func TestTokenBadCredentials(t *testing.T) {
	badClient := errBody(401, "invalid_client", "Invalid client credentials")
	badUser := errBody(401, "invalid_grant", "Invalid username or password")
	with := func(f func(*Credentials)) string {
		c := testCreds
		f(&c)
		return ccBody(c)
	}
	for _, tc := range []struct{ name, body, want string }{
		{"client id", with(func(c *Credentials) { c.ClientID = "x" }), badClient},
		{"client secret", with(func(c *Credentials) { c.ClientSecret = "x" }), badClient},
		{"redirect uri", with(func(c *Credentials) { c.RedirectURI = "https://localhost/other" }), badClient},
		{"username", with(func(c *Credentials) { c.Username = "x@example.com" }), badUser},
		{"password", with(func(c *Credentials) { c.Password = "x" }), badUser},
		{"auth_string not base64", strings.Replace(ccBody(testCreds), `"auth_string":"`, `"auth_string":"%`, 1), badUser},
		{"auth_string raw", strings.Replace(ccBody(testCreds), base64.StdEncoding.EncodeToString([]byte("admin@example.com:pw")),
			"admin@example.com:pw", 1), badUser},
		{"no auth_string", `{"grant_type":"client_credentials","client_id":"cid","client_secret":"csecret","redirect_uri":"https://localhost/cb"}`, badUser},
		{"refresh with bad client", strings.Replace(refreshBody(testCreds, "x"), "csecret", "nope", 1), badClient},
		{"unknown refresh token", refreshBody(testCreds, "wc_rt_nope"), errBody(401, "invalid_grant", "Invalid or expired refresh token")},
		{"no grant_type", `{"client_id":"cid"}`, errBody(400, "bad_request", "grant_type is required")},
		{"other grant_type", `{"grant_type":"password"}`, errBody(400, "unsupported_grant_type", "Unsupported grant_type")},
		{"not JSON", `grant_type=client_credentials`, errBody(400, "bad_request", "Invalid JSON body")},
		{"wrong type", `{"grant_type":1}`, errBody(400, "bad_request", "Invalid JSON body")},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := newServer(t)
			if status, body := s.raw("POST", tokenPath, tc.body, nil); body != tc.want || status != wantStatus(tc.want) {
				t.Errorf("got %d %s\nwant %s", status, body, tc.want)
			}
		})
	}
	s := newServer(t)
	if status, body := s.raw("POST", tokenPath, ccBody(testCreds), func(r *http.Request) { r.Header.Set("Content-Type", "text/plain") }); status != 400 ||
		body != errBody(400, "bad_request", "Content-Type must be application/json") {
		t.Errorf("text/plain: %d %s", status, body)
	}
	if status, _ := s.raw("GET", tokenPath, "", nil); status != 405 {
		t.Errorf("GET token: %d", status)
	}
}

// wantStatus reads the code of an expected error body.
func wantStatus(body string) int {
	switch {
	case strings.Contains(body, `"code":401`):
		return 401
	default:
		return 400
	}
}

func TestTokenRefreshIsSingleUse(t *testing.T) {
	s := newServer(t)
	_, body := s.raw("POST", tokenPath, ccBody(testCreds), nil)
	first := decodeGrant(t, body)
	status, body := s.raw("POST", tokenPath, refreshBody(testCreds, first.RefreshToken), nil)
	if status != 201 || !strings.Contains(body, `"token_type":"Bearer"`) {
		t.Fatalf("refresh: %d %s", status, body)
	}
	second := decodeGrant(t, body)
	if second.AccessToken == first.AccessToken || second.RefreshToken == first.RefreshToken {
		t.Errorf("refresh reissued a token: %+v %+v", first, second)
	}
	s.token = second.AccessToken
	if status, body := s.Do("GET", "/api/v4/admin/customers", ""); status != 200 {
		t.Errorf("refreshed token: %d %s", status, body)
	}
	// The used refresh token is spent; the new one works once.
	if status, body := s.raw("POST", tokenPath, refreshBody(testCreds, first.RefreshToken), nil); status != 401 ||
		body != errBody(401, "invalid_grant", "Invalid or expired refresh token") {
		t.Errorf("reused refresh token: %d %s", status, body)
	}
	if status, _ := s.raw("POST", tokenPath, refreshBody(testCreds, second.RefreshToken), nil); status != 201 {
		t.Errorf("second refresh: %d", status)
	}
	if cc, rt := s.store.TokenCalls(); cc != 2 || rt != 3 {
		t.Errorf("TokenCalls %d %d, want 2 3", cc, rt)
	}
}

func TestTokenExpiry(t *testing.T) {
	s := NewStore()
	srv := tokenless(t, s)
	s.SetTokenLifetime(50 * time.Millisecond)
	_, body := srv.raw("POST", tokenPath, ccBody(testCreds), nil)
	g := decodeGrant(t, body)
	if g.ExpiresIn != 1 {
		t.Errorf("expires_in %d for 50ms, want 1", g.ExpiresIn)
	}
	srv.token = g.AccessToken
	if status, _ := srv.Do("GET", "/api/v4/admin/customers", ""); status != 200 {
		t.Fatalf("fresh token: %d", status)
	}
	time.Sleep(60 * time.Millisecond)
	if status, body := srv.Do("GET", "/api/v4/admin/customers", ""); status != 401 || body != unauthorizedBody {
		t.Errorf("expired token: %d %s", status, body)
	}
	// The refresh token outlives its access token.
	status, body := srv.raw("POST", tokenPath, refreshBody(testCreds, g.RefreshToken), nil)
	if status != 201 {
		t.Fatalf("refresh after expiry: %d %s", status, body)
	}
	srv.token = decodeGrant(t, body).AccessToken
	if status, _ := srv.Do("GET", "/api/v4/admin/customers", ""); status != 200 {
		t.Errorf("refreshed token: %d", status)
	}

	s.SetTokenLifetime(90 * time.Second)
	if _, body := srv.raw("POST", tokenPath, ccBody(testCreds), nil); decodeGrant(t, body).ExpiresIn != 90 {
		t.Errorf("expires_in for 90s: %s", body)
	}
	s.SetTokenLifetime(0)
	if s.TokenLifetime() != DefaultTokenLifetime {
		t.Errorf("SetTokenLifetime(0): %v", s.TokenLifetime())
	}
}

func TestExpireTokens(t *testing.T) {
	s := newServer(t)
	s.store.ExpireTokens()
	if status, body := s.Do("GET", "/api/v4/admin/customers", ""); status != 401 || body != unauthorizedBody {
		t.Errorf("after ExpireTokens: %d %s", status, body)
	}
}

func TestBearer(t *testing.T) {
	for _, tc := range []struct {
		name    string
		prepare func(s *server, r *http.Request)
		ok      bool
	}{
		{"none", func(*server, *http.Request) {}, false},
		{"wrong token", func(_ *server, r *http.Request) { r.Header.Set("Authorization", "Bearer wc_at_nope") }, false},
		{"no scheme", func(s *server, r *http.Request) { r.Header.Set("Authorization", s.token) }, false},
		{"basic", func(s *server, r *http.Request) { r.Header.Set("Authorization", "Basic "+s.token) }, false},
		{"refresh token", func(s *server, r *http.Request) {
			_, body := s.raw("POST", tokenPath, ccBody(testCreds), nil)
			r.Header.Set("Authorization", "Bearer "+decodeGrant(s.T, body).RefreshToken)
		}, false},
		{"two headers", func(s *server, r *http.Request) {
			r.Header.Add("Authorization", "Bearer "+s.token)
			r.Header.Add("Authorization", "Bearer "+s.token)
		}, false},
		{"bearer", func(s *server, r *http.Request) { r.Header.Set("Authorization", "Bearer "+s.token) }, true},
		{"lower-case scheme", func(s *server, r *http.Request) { r.Header.Set("Authorization", "bearer "+s.token) }, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := newServer(t)
			c := s.store.Customers.Seed(Customer{FirstName: "A", Email: "a@example.com"})
			for _, target := range [][2]string{{"GET", "/api/v4/admin/customers"}, {"POST", "/api/v4/admin/customers"},
				{"GET", path(c.ID)}, {"PUT", path(c.ID)}, {"DELETE", path(c.ID)}, {"GET", "/api/v4/nowhere"}} {
				status, body := s.raw(target[0], target[1], "", func(r *http.Request) { tc.prepare(s, r) })
				if !tc.ok && (status != 401 || body != unauthorizedBody) {
					t.Errorf("%v: got %d %s", target, status, body)
				}
				if tc.ok && status == 401 {
					t.Errorf("%v: rejected a good token", target)
				}
			}
			if _, ok := s.store.Customers.Get(c.ID); !ok && !tc.ok {
				t.Error("an unauthorised DELETE removed the customer")
			}
		})
	}
}
