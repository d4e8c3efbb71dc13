package transport

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"slices"
	"sync"

	"golang.org/x/oauth2"
)

var _ Refresher = (*OAuth2Source)(nil)

// OAuth2Source authenticates with an OAuth 2 access token from src
// ("Authorization: Bearer <token>"), reusing it until it expires or the
// server rejects it.
//
// src is asked for a token whenever a new one is needed, so it must not
// cache: an oauth2.ReuseTokenSource would hand back the rejected token.
// Whether src renews with a refresh token or logs in again is its business.
type OAuth2Source struct {
	src oauth2.TokenSource

	mu      sync.Mutex
	tok     *oauth2.Token
	pending *tokenFetch // the token request in flight, shared by all callers
	secrets []string    // every token handed out so far, for masking logs
}

type tokenFetch struct {
	done chan struct{}
	tok  *oauth2.Token
	err  error
}

// NewOAuth2Source wraps src, which must return a new token on each call.
func NewOAuth2Source(src oauth2.TokenSource) *OAuth2Source {
	return &OAuth2Source{src: src}
}

func (s *OAuth2Source) Authenticate(req *http.Request) error {
	tok, err := s.token(req.Context(), nil)
	if err != nil {
		return err
	}
	tok.SetAuthHeader(req)
	return nil
}

// Refresh fetches a new token only if failed carried the current one: the
// other requests rejected with it find the new token already there.
func (s *OAuth2Source) Refresh(ctx context.Context, failed *http.Request) error {
	_, err := s.token(ctx, failed)
	return err
}

func (s *OAuth2Source) Secrets() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.secrets)
}

// token returns the current token, or a new one when there is none, it
// has expired, or it is the one rejected carried. Concurrent callers share
// one fetch; a caller whose ctx ends stops waiting, the fetch goes on.
func (s *OAuth2Source) token(ctx context.Context, rejected *http.Request) (*oauth2.Token, error) {
	s.mu.Lock()
	cur := s.tok
	refused := cur != nil && rejected != nil && rejected.Header.Get("Authorization") == cur.Type()+" "+cur.AccessToken
	if cur != nil && cur.Valid() && !refused {
		s.mu.Unlock()
		return cur, nil
	}
	f := s.pending
	if f == nil {
		f = &tokenFetch{done: make(chan struct{})}
		s.pending = f
		// Only a token the server refused must not come back: an expired
		// one may, a server that knows it is still good re-issues it.
		var replacing *oauth2.Token
		if refused {
			replacing = cur
		}
		// The fetch outlives a caller that gives up, but keeps its
		// context's values (the logger), so token requests are logged.
		go s.fetch(context.WithoutCancel(ctx), f, replacing)
	}
	s.mu.Unlock()
	select {
	case <-f.done:
		return f.tok, f.err
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

// ContextTokenSource is a token source that can use a context (for logs
// and deadlines); OAuth2Source prefers it to oauth2.TokenSource.Token.
type ContextTokenSource interface {
	TokenContext(ctx context.Context) (*oauth2.Token, error)
}

// fetch gets a new token into f; refused, if set, is the token the server
// rejected, which the new one must differ from.
func (s *OAuth2Source) fetch(ctx context.Context, f *tokenFetch, refused *oauth2.Token) {
	var tok *oauth2.Token
	var err error
	if cs, ok := s.src.(ContextTokenSource); ok {
		tok, err = cs.TokenContext(ctx)
	} else {
		tok, err = s.src.Token()
	}
	switch {
	case err != nil:
		err = fmt.Errorf("getting an OAuth token: %w", err)
	case tok == nil || tok.AccessToken == "":
		err = errors.New("getting an OAuth token: the token source gave no access token")
	case refused != nil && tok.AccessToken == refused.AccessToken:
		err = errors.New("getting an OAuth token: the token source gave back the token being replaced (does it cache? OAuth2Source needs one that fetches)")
	}
	s.mu.Lock()
	if err == nil {
		s.tok = tok
		s.secrets = appendSecrets(s.secrets, tok.AccessToken, tok.RefreshToken)
		f.tok = tok
	}
	f.err = err
	s.pending = nil
	s.mu.Unlock()
	close(f.done)
}

// appendSecrets adds the non-empty values not yet listed.
func appendSecrets(list []string, values ...string) []string {
	for _, v := range values {
		if v != "" && !slices.Contains(list, v) {
			list = append(list, v)
		}
	}
	return list
}
