package webcommander

import (
	"context"
	"encoding/base64"
	"fmt"
	"net/http"
	"sync"
	"time"

	"golang.org/x/oauth2"

	"github.com/customerops/terraform-provider-crm/internal/crud"
	"github.com/customerops/terraform-provider-crm/internal/transport"
)

// Credentials are the `webcommander {}` block's OAuth settings.
type Credentials struct {
	ClientID, ClientSecret, Username, Password, RedirectURI string
}

// tokenSource fetches WebCommander tokens from its own JSON token endpoint,
// which golang.org/x/oauth2's clients cannot speak (auth_string, JSON
// body, 201). Every call fetches a new token: the refresh grant while a
// refresh token is known, else (or when that fails) a client-credentials
// grant. transport.OAuth2Source caches the token, shares one fetch among
// concurrent requests and renews it on expiry or on a 401.
type tokenSource struct {
	api   *transport.Client // the store's API, without credentials
	creds Credentials

	mu      sync.Mutex
	refresh string
}

var _ oauth2.TokenSource = (*tokenSource)(nil)

// tokenTimeout bounds one token fetch, which outlives its first caller.
const tokenTimeout = 2 * time.Minute

func (s *tokenSource) Token() (*oauth2.Token, error) {
	return s.TokenContext(context.Background())
}

// TokenContext is Token with the requesting context's logger.
func (s *tokenSource) TokenContext(ctx context.Context) (*oauth2.Token, error) {
	ctx, cancel := context.WithTimeout(ctx, tokenTimeout)
	defer cancel()
	s.mu.Lock()
	refresh := s.refresh
	s.mu.Unlock()
	if refresh != "" {
		tok, err := s.grant(ctx, tokenRequest{GrantType: "refresh_token", RefreshToken: refresh})
		if err == nil {
			return tok, nil
		}
		// A used or revoked refresh token: log in again.
	}
	tok, err := s.grant(ctx, tokenRequest{
		GrantType:  "client_credentials",
		AuthString: base64.StdEncoding.EncodeToString([]byte(s.creds.Username + ":" + s.creds.Password)),
	})
	if err != nil {
		if apiErr, ok := transport.AsAPIError(err); ok && (apiErr.Status == http.StatusUnauthorized || apiErr.Status == http.StatusBadRequest) {
			return nil, crud.WithHint(err, "WebCommander refused the credentials of the `webcommander` provider block: "+
				"check client_id, client_secret, username, password and redirect_uri (or their WEBCOMMANDER_* variables).")
		}
		return nil, err
	}
	return tok, nil
}

func (s *tokenSource) grant(ctx context.Context, req tokenRequest) (*oauth2.Token, error) {
	req.ClientID, req.ClientSecret, req.RedirectURI = s.creds.ClientID, s.creds.ClientSecret, s.creds.RedirectURI
	var out tokenResponse
	// A grant creates nothing a retry could duplicate: retry it like a GET.
	if err := s.api.Do(transport.RetrySafe(ctx), http.MethodPost, "/oauth2/token", nil, req, &out); err != nil {
		return nil, err
	}
	if out.AccessToken == "" {
		return nil, fmt.Errorf("webcommander API: the token answer holds no access_token")
	}
	s.mu.Lock()
	s.refresh = out.RefreshToken
	s.mu.Unlock()
	tok := &oauth2.Token{AccessToken: out.AccessToken, RefreshToken: out.RefreshToken, TokenType: "Bearer"}
	if out.ExpiresIn > 0 {
		tok.Expiry = time.Now().Add(time.Duration(out.ExpiresIn) * time.Second)
	}
	return tok, nil
}

// auth is the OAuth2 source plus the block's own secrets, so that neither
// tokens nor the client secret and password ever reach a log line.
type auth struct {
	*transport.OAuth2Source
	static []string
}

func (a auth) Secrets() []string {
	return append(a.OAuth2Source.Secrets(), a.static...)
}

// newAuth builds the credentials every API request carries.
func newAuth(api *transport.Client, creds Credentials) auth {
	src := &tokenSource{api: api, creds: creds}
	authString := base64.StdEncoding.EncodeToString([]byte(creds.Username + ":" + creds.Password))
	return auth{
		OAuth2Source: transport.NewOAuth2Source(src),
		static:       []string{creds.ClientSecret, creds.Password, authString},
	}
}
