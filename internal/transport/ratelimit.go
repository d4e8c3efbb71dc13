package transport

import (
	"fmt"
	"net/http"

	"golang.org/x/time/rate"
)

// rateLimitTransport waits for the shared limiter before every attempt,
// retries included, so one provider instance never exceeds the platform's
// configured rate however many resources Terraform runs in parallel.
type rateLimitTransport struct {
	limiter *rate.Limiter
	next    http.RoundTripper
}

func (t *rateLimitTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	if err := t.limiter.Wait(req.Context()); err != nil {
		// Nothing was sent: a create failing here needs no reconciliation.
		return nil, fmt.Errorf("waiting for the rate limit: %w (%w)", err, errNotSent)
	}
	return t.next.RoundTrip(req)
}

// NewLimiter returns a limiter for rps requests per second (burst of one
// second's worth); rps <= 0 means unlimited.
func NewLimiter(rps float64) *rate.Limiter {
	if rps <= 0 {
		return rate.NewLimiter(rate.Inf, 0)
	}
	return rate.NewLimiter(rate.Limit(rps), max(1, int(rps)))
}
