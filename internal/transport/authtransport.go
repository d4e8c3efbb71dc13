package transport

import (
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"

	"github.com/hashicorp/terraform-plugin-log/tflog"
)

// AuthError means credentials could not be had: the source failed to give
// or to renew them. The request that needed them was not processed (it was
// not sent, or was answered 401), so it is neither retried nor reconciled.
type AuthError struct {
	Err error
}

func (e *AuthError) Error() string { return e.Err.Error() }
func (e *AuthError) Unwrap() error { return e.Err }

func isAuthError(err error) bool {
	var authErr *AuthError
	return errors.As(err, &authErr)
}

// authTransport puts the current credentials on every attempt, after the
// rate limiter let it go, so a token renewed meanwhile is the one sent.
// After a 401 it lets a Refresher renew them and replays the request once.
type authTransport struct {
	platform string
	auth     Authenticator
	// limiter paces the replay too: it is one more request to the server.
	limiter *Limiter
	next    http.RoundTripper
}

func (t *authTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	// Credentials follow a redirect only to where the first hop went.
	if req.Response != nil && !sameOrigin(firstHop(req).URL, req.URL) {
		return t.next.RoundTrip(req)
	}
	resp, sent, err := t.send(req)
	if err != nil {
		return nil, err
	}
	refresher, ok := t.auth.(Refresher)
	if !ok || resp.StatusCode != http.StatusUnauthorized {
		return resp, nil
	}
	replay, ok := replayable(req)
	if !ok {
		return resp, nil
	}
	// Free the connection for the replay; the 401 is already logged.
	_, _ = io.Copy(io.Discard, resp.Body)
	_ = resp.Body.Close()
	tflog.Debug(req.Context(), "credentials rejected (401): renewing them and sending the request again", map[string]any{
		"platform": t.platform, "http_method": req.Method,
	})
	if err := refresher.Refresh(req.Context(), sent); err != nil {
		closeBody(replay)
		return nil, &AuthError{Err: fmt.Errorf("answered 401 Unauthorized, and renewing the credentials failed: %w", err)}
	}
	return t.limiter.send(replay, roundTripFunc(func(r *http.Request) (*http.Response, error) {
		resp, _, err := t.send(r)
		return resp, err
	}))
}

// roundTripFunc adapts a function to http.RoundTripper.
type roundTripFunc func(*http.Request) (*http.Response, error)

func (f roundTripFunc) RoundTrip(r *http.Request) (*http.Response, error) { return f(r) }

// send authenticates a copy of req (a RoundTripper must not change the
// request it is given) and sends it; it returns the copy with the answer.
func (t *authTransport) send(req *http.Request) (*http.Response, *http.Request, error) {
	out := req.Clone(req.Context())
	if err := t.auth.Authenticate(out); err != nil {
		closeBody(req)
		return nil, nil, &AuthError{Err: fmt.Errorf("getting credentials: %w", err)}
	}
	resp, err := t.next.RoundTrip(out)
	return resp, out, err
}

// replayable returns a copy of req with a fresh body, if the body can be
// read again.
func replayable(req *http.Request) (*http.Request, bool) {
	out := req.Clone(req.Context())
	if req.Body == nil || req.Body == http.NoBody {
		return out, true
	}
	if req.GetBody == nil {
		return nil, false
	}
	body, err := req.GetBody()
	if err != nil {
		return nil, false
	}
	out.Body = body
	return out, true
}

func closeBody(req *http.Request) {
	if req.Body != nil {
		_ = req.Body.Close()
	}
}

// firstHop is the request that started a chain of redirects.
func firstHop(req *http.Request) *http.Request {
	for req.Response != nil && req.Response.Request != nil {
		req = req.Response.Request
	}
	return req
}

func sameOrigin(a, b *url.URL) bool {
	return strings.EqualFold(a.Scheme, b.Scheme) && strings.EqualFold(a.Host, b.Host)
}
