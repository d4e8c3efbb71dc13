// Package transport is the HTTP behaviour every platform shares: pooled
// connections, retries with backoff, a client-side rate limit, masked
// logging, a User-Agent and typed errors. It knows no platform.
package transport

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"strings"
	"sync/atomic"
	"time"

	"github.com/hashicorp/go-cleanhttp"
	"github.com/hashicorp/go-retryablehttp"
)

// Defaults shared by the provider schema and its documentation.
const (
	DefaultMaxRetries       = 4
	DefaultRequestTimeout   = 30 * time.Second
	DefaultFirstRetryWait   = 500 * time.Millisecond
	DefaultLongestRetryWait = 30 * time.Second
)

// Config describes one platform's client.
type Config struct {
	Platform  string // "xtrakit": used in logs and errors
	BaseURL   string
	Auth      Authenticator
	UserAgent string
	// Limiter is shared by every request of the provider instance for this
	// platform; nil gets one of its own with no fixed cap, which still
	// slows down when the server throttles (NewLimiter(0)).
	Limiter        *Limiter
	MaxRetries     int
	RequestTimeout time.Duration
	RetryWaitMin   time.Duration
	RetryWaitMax   time.Duration
	DecodeError    ErrorDecoder
	// RetryHint, if set, reads an error answer's own advice on retrying
	// it (a header such as "retry: true|false"), before the status rules:
	// decided false leaves them to judge. "Do not" stops the retries and
	// returns the platform's error; "do" retries any status, but only a
	// request that may be sent twice (see RetrySafe).
	RetryHint func(resp *http.Response) (retry, decided bool)
}

// Client sends JSON requests to one platform.
type Client struct {
	cfg  Config
	base *url.URL
	http *retryablehttp.Client
	// writes counts the requests of this client that may change records.
	writes atomic.Uint64
}

// Writes is how many requests that may change records this client has
// begun: a Snapshot listed before a write no longer answers reads.
func (c *Client) Writes() uint64 { return c.writes.Load() }

// New builds a client. The base URL must be https, or http on a loopback
// address (the sandbox, a local proxy).
func New(cfg Config) (*Client, error) {
	base, err := ParseBaseURL(cfg.BaseURL)
	if err != nil {
		return nil, err
	}
	if cfg.RetryWaitMin <= 0 {
		cfg.RetryWaitMin = DefaultFirstRetryWait
	}
	if cfg.RetryWaitMax <= 0 {
		cfg.RetryWaitMax = DefaultLongestRetryWait
	}
	if cfg.RequestTimeout <= 0 {
		cfg.RequestTimeout = DefaultRequestTimeout
	}
	if cfg.Limiter == nil {
		cfg.Limiter = NewLimiter(0)
	}
	if cfg.DecodeError == nil {
		cfg.DecodeError = func(int, []byte) *APIError { return &APIError{} }
	}

	pooled := cleanhttp.DefaultPooledClient()
	var attempt http.RoundTripper = &timeoutTransport{
		timeout: cfg.RequestTimeout,
		next: &loggingTransport{platform: cfg.Platform, secrets: liveSecrets(cfg.Auth),
			next: &wholeBodyTransport{next: pooled.Transport}},
	}
	if cfg.Auth != nil {
		// Inside the retry loop and after the limiter: every attempt
		// carries the credentials current when it leaves.
		attempt = &authTransport{platform: cfg.Platform, auth: cfg.Auth, limiter: cfg.Limiter, next: attempt}
	}
	// The limiter waits before the attempt's timeout starts: queueing
	// behind other resources must not time a request out unsent.
	pooled.Transport = &rateLimitTransport{limiter: cfg.Limiter, next: attempt}

	rc := retryablehttp.NewClient()
	rc.HTTPClient = pooled
	rc.Logger = nil // loggingTransport logs each attempt through tflog instead
	rc.RetryMax = max(cfg.MaxRetries, 0)
	rc.RetryWaitMin = cfg.RetryWaitMin
	rc.RetryWaitMax = cfg.RetryWaitMax
	rc.CheckRetry = retryPolicy(cfg.RetryHint)
	rc.Backoff = backoff
	// Hand back the last answer once retries are spent, so its body becomes
	// an APIError with the platform's message rather than "giving up".
	rc.ErrorHandler = retryablehttp.PassthroughErrorHandler

	return &Client{cfg: cfg, base: base, http: rc}, nil
}

// ParseBaseURL checks a configured base URL: absolute, https, or http only
// towards a loopback host, so credentials never cross a network in clear.
func ParseBaseURL(raw string) (*url.URL, error) {
	u, err := url.Parse(strings.TrimRight(raw, "/"))
	if err != nil || u.Host == "" || (u.Scheme != "https" && u.Scheme != "http") {
		return nil, fmt.Errorf("%q is not an absolute http(s) URL", raw)
	}
	if u.Scheme == "http" && !isLoopback(u.Hostname()) {
		return nil, fmt.Errorf("%q uses plain http: only https is allowed, except towards a loopback address (127.0.0.1, ::1, localhost)", raw)
	}
	return u, nil
}

func isLoopback(host string) bool {
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// FormBody is a request body sent as application/x-www-form-urlencoded
// (url.Values is one) instead of JSON.
type FormBody interface{ Encode() string }

// Do sends method to path (relative to the base URL) with in as the JSON
// body, or the form body of a FormBody (nil for none), and decodes a 2xx
// body into out (nil to discard). A non-2xx answer is returned as
// *APIError. opts add to the request (RequestHeader) or ask for more of
// the answer (ResponseHeader).
func (c *Client) Do(ctx context.Context, method, path string, query url.Values, in, out any, opts ...RequestOption) error {
	var o requestOptions
	for _, opt := range opts {
		opt(&o)
	}
	target := c.base.JoinPath(path)
	target.RawQuery = query.Encode()

	var body any
	contentType := "application/json"
	if form, ok := in.(FormBody); ok {
		body, contentType = []byte(form.Encode()), "application/x-www-form-urlencoded"
	} else if in != nil {
		raw, err := json.Marshal(in)
		if err != nil {
			return fmt.Errorf("encoding %s request: %w", c.cfg.Platform, err)
		}
		body = raw
	}
	if method != http.MethodGet && method != http.MethodHead {
		c.writes.Add(1)
	}
	attempts := new(atomic.Int32)
	ctx = context.WithValue(context.WithValue(ctx, methodKey{}, method), attemptsKey{}, attempts)
	req, err := retryablehttp.NewRequestWithContext(ctx, method, target.String(), body)
	if err != nil {
		return err
	}
	req.Header.Set("Accept", "application/json")
	if in != nil {
		req.Header.Set("Content-Type", contentType)
	}
	for name, values := range o.headers {
		req.Header[name] = values
	}
	if c.cfg.UserAgent != "" {
		req.Header.Set("User-Agent", c.cfg.UserAgent)
	}

	resp, err := c.http.Do(req)
	if err != nil {
		return fmt.Errorf("%s API: %s %s%s: %w", c.cfg.Platform, method, path, attemptsSuffix(int(attempts.Load())), unwrapURLError(err))
	}
	defer resp.Body.Close()
	if o.header != nil {
		*o.header = resp.Header
	}
	raw, err := io.ReadAll(resp.Body)
	if err != nil {
		return fmt.Errorf("%s API: %s %s: reading answer: %w", c.cfg.Platform, method, path, err)
	}

	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		apiErr := c.cfg.DecodeError(resp.StatusCode, raw)
		if apiErr == nil {
			apiErr = &APIError{}
		}
		apiErr.Platform, apiErr.Method, apiErr.Path, apiErr.Status = c.cfg.Platform, method, path, resp.StatusCode
		apiErr.Attempts = int(attempts.Load())
		if apiErr.Message == "" {
			apiErr.Message = strings.TrimSpace(string(raw))
		}
		return apiErr
	}
	if out == nil || len(bytes.TrimSpace(raw)) == 0 {
		return nil
	}
	if err := json.Unmarshal(raw, out); err != nil {
		return fmt.Errorf("%s API: %s %s: decoding answer: %w", c.cfg.Platform, method, path, err)
	}
	return nil
}

// unwrapURLError drops net/url's "Get \"http://...\":" prefix, which would
// repeat what our own message already says.
func unwrapURLError(err error) error {
	var urlErr *url.Error
	if errors.As(err, &urlErr) {
		return urlErr.Err
	}
	return err
}
