package transport

import (
	"context"
	"errors"
	"math/rand/v2"
	"net"
	"net/http"
	"strconv"
	"time"
)

type methodKey struct{}

// retryableStatus are the answers that say "not processed, try later".
// 500 is left out: it may mean the server acted and then failed.
func retryableStatus(code int) bool {
	switch code {
	case http.StatusTooManyRequests, http.StatusBadGateway, http.StatusServiceUnavailable, http.StatusGatewayTimeout:
		return true
	}
	return false
}

// checkRetry is the retryablehttp.CheckRetry policy. GET, PUT and DELETE are
// idempotent and retried on retryable statuses and connection errors. POST
// creates a record, so it is retried only when the request surely did not
// reach the server: a 429 (rejected before processing) or a failed dial.
func checkRetry(ctx context.Context, resp *http.Response, err error) (bool, error) {
	if ctx.Err() != nil {
		return false, ctx.Err()
	}
	method, _ := ctx.Value(methodKey{}).(string)
	if err != nil {
		if method == http.MethodPost {
			return isDialError(err), nil
		}
		return true, nil
	}
	if method == http.MethodPost {
		return resp.StatusCode == http.StatusTooManyRequests, nil
	}
	return retryableStatus(resp.StatusCode), nil
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
	ceiling := minWait << min(attempt, 30)
	if ceiling <= 0 || ceiling > maxWait {
		ceiling = maxWait
	}
	// Half fixed, half random: never zero, never a thundering herd.
	half := ceiling / 2
	return half + rand.N(half+1)
}

func retryAfter(v string, now time.Time) (time.Duration, bool) {
	if v == "" {
		return 0, false
	}
	if secs, err := strconv.Atoi(v); err == nil {
		if secs < 0 {
			return 0, false
		}
		return time.Duration(secs) * time.Second, true
	}
	when, err := http.ParseTime(v)
	if err != nil {
		return 0, false
	}
	return max(when.Sub(now), 0), true
}
