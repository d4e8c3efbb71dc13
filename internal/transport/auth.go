package transport

import (
	"context"
	"encoding/base64"
	"net/http"
)

// Authenticator adds credentials to a request and names the values that
// must never appear in a log line.
//
// Authenticate is called on every attempt, retries included, just before
// the request is sent. Secrets is called whenever a line is logged, so it
// must be safe for concurrent use and list every credential the source has
// put on a request so far, including ones learned at run time.
type Authenticator interface {
	Authenticate(req *http.Request) error
	Secrets() []string
}

// Refresher is an Authenticator whose credentials can be renewed (an OAuth
// access token). When a request is answered 401, the client calls Refresh
// once with the rejected request and, if it returns nil, sends the request
// once more with fresh credentials from Authenticate; a second 401 is the
// answer.
//
// Many requests in flight carry the same expired token and are rejected
// together, so Refresh must be safe for concurrent use and should renew
// only while the credentials on failed are still its current ones: N
// rejections then cost one renewal, the others just replay. OAuth2Source
// does this.
type Refresher interface {
	Authenticator
	Refresh(ctx context.Context, failed *http.Request) error
}

// BearerToken sends "Authorization: Bearer <token>" (Xtrakit).
type BearerToken string

func (t BearerToken) Authenticate(req *http.Request) error {
	req.Header.Set("Authorization", "Bearer "+string(t))
	return nil
}

func (t BearerToken) Secrets() []string { return []string{string(t)} }

// HeaderToken sends the raw token in a named header (Axim's accessToken).
type HeaderToken struct {
	Header string
	Token  string
}

func (t HeaderToken) Authenticate(req *http.Request) error {
	req.Header.Set(t.Header, t.Token)
	return nil
}

func (t HeaderToken) Secrets() []string { return []string{t.Token} }

// BasicAuth sends "Authorization: Basic base64(user:password)" (Razorpay).
type BasicAuth struct {
	Username string
	Password string
}

func (b BasicAuth) Authenticate(req *http.Request) error {
	req.SetBasicAuth(b.Username, b.Password)
	return nil
}

// Secrets includes the encoded header value: masking the password alone
// would leave it recoverable from the base64 form.
func (b BasicAuth) Secrets() []string {
	encoded := base64.StdEncoding.EncodeToString([]byte(b.Username + ":" + b.Password))
	return []string{b.Password, encoded}
}
