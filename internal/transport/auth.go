package transport

import (
	"encoding/base64"
	"net/http"
)

// Authenticator adds credentials to a request and names the values that
// must never appear in a log line.
type Authenticator interface {
	Authenticate(req *http.Request) error
	Secrets() []string
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
