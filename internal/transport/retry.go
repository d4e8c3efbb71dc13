package transport

import (
	"context"
	"errors"
	"math"
	"math/rand/v2"
	"net"
	"net/http"
	"strconv"
	"time"

	"github.com/hashicorp/go-retryablehttp"
)

type methodKey struct{}

type retrySafeKey struct{}

// RetrySafe marks requests made with ctx as safe to send again whatever
// their method: a POST that creates nothing, such as an OAuth token grant,
// is retried like a GET.
func RetrySafe(ctx context.Context) context.Context {
	return context.WithValue(ctx, retrySafeKey{}, true)
}

// retryableStatus are the answers that say "not processed, try later".
// 500 is left out: it may mean the server acted and then failed.
func retryableStatus(code int) bool {
	switch code {
	case http.StatusTooManyRequests, http.StatusBadGateway, http.StatusServiceUnavailable, http.StatusGatewayTimeout:
		return true
	}
	return false
}

// checkRetry is the retryablehttp.CheckRetry policy. Idempotent methods
// (GET, PUT, DELETE) are retried on retryable statuses and connection
// errors. POST creates a record, so it (like any other method) is retried
// only when the request surely did not act: a 429 (rejected before
// processing) or a failed dial.
func checkRetry(ctx context.Context, resp *http.Response, err error) (bool, error) {
	if ctx.Err() != nil {
		return false, ctx.Err()
	}
	if isAuthError(err) {
		// Asking again would only repeat a failed login.
		return false, nil
	}
	if !maySendTwice(ctx) {
		if err != nil {
			return isDialError(err), nil
		}
		return resp.StatusCode == http.StatusTooManyRequests, nil
	}
	if err != nil {
		// retryablehttp knows the errors that retrying cannot cure
		// (certificates, redirect loops, bad schemes).
		return retryablehttp.DefaultRetryPolicy(ctx, nil, err)
	}
	return retryableStatus(resp.StatusCode), nil
}

// retryPolicy is checkRetry, after the answer's own advice when the
// platform gives one (Config.RetryHint). "Do not retry" always holds, over
// any status rule. "Retry" holds only for a request that may be sent twice
// (an idempotent method, or RetrySafe): a POST that may have created a
// record is never sent again on the answer's word, which falls back to
// the status rules; so the hint can cost a retry, never make a duplicate.
// The limiter has seen the answer before the policy runs, so a 429 that
// says "retry" still slows every request down.
func retryPolicy(hint func(*http.Response) (retry, decided bool)) retryablehttp.CheckRetry {
	if hint == nil {
		return checkRetry
	}
	return func(ctx context.Context, resp *http.Response, err error) (bool, error) {
		if ctx.Err() != nil {
			return false, ctx.Err()
		}
		if err == nil && resp != nil && (resp.StatusCode < 200 || resp.StatusCode > 299) {
			if retry, decided := hint(resp); decided && (!retry || maySendTwice(ctx)) {
				return retry, nil
			}
		}
		return checkRetry(ctx, resp, err)
	}
}

// maySendTwice reports whether the request of ctx may be sent again
// whatever became of the first attempt: its method is idempotent, or it is
// marked RetrySafe.
func maySendTwice(ctx context.Context) bool {
	method, _ := ctx.Value(methodKey{}).(string)
	safe, _ := ctx.Value(retrySafeKey{}).(bool)
	return idempotent(method) || safe
}

// idempotent methods may be sent twice without changing the outcome.
func idempotent(method string) bool {
	switch method {
	case http.MethodGet, http.MethodHead, http.MethodPut, http.MethodDelete, http.MethodOptions:
		return true
	}
	return false
}

func isDialError(err error) bool {
	var opErr *net.OpError
	return errors.As(err, &opErr) && opErr.Op == "dial"
}

// backoff honours Retry-After (seconds or HTTP date) up to max, and
// otherwise waits exponentially from min with full jitter, capped at max.
func backoff(minWait, maxWait time.Duration, attempt int, resp *http.Response) time.Duration {
	if resp != nil {
		if d, ok := retryAfter(resp.Header.Get("Retry-After"), time.Now()); ok {
			return min(d, maxWait)
		}
	}
	ceiling := maxWait
	if attempt < 62 && minWait <= maxWait>>attempt {
		ceiling = minWait << attempt
	}
	// Half fixed, half random: never zero, never a thundering herd.
	half := ceiling / 2
	return half + rand.N(half+1)
}

func retryAfter(v string, now time.Time) (time.Duration, bool) {
	if v == "" {
		return 0, false
	}
	if secs, err := strconv.ParseInt(v, 10, 64); err == nil {
		if secs < 0 {
			return 0, false
		}
		// Larger values would overflow a Duration; the caller caps anyway.
		const maxSecs = int64(math.MaxInt64 / time.Second)
		return time.Duration(min(secs, maxSecs)) * time.Second, true
	}
	when, err := http.ParseTime(v)
	if err != nil {
		return 0, false
	}
	return max(when.Sub(now), 0), true
}
