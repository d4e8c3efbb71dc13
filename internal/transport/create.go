package transport

import (
	"context"
	"fmt"
	"time"

	"github.com/hashicorp/terraform-plugin-log/tflog"
)

// reconcileTimeout bounds the lookup after a lost create; it runs even
// when the caller's context has ended (Ctrl-C, a short create timeout),
// because that is exactly when a committed record would be orphaned.
const reconcileTimeout = time.Minute

// CreateOnce runs create, which POSTs a new record through c. A POST is not
// retried blindly: when its outcome is unknown (no answer, or a 500, 502,
// 503 or 504 that a gateway may send after the origin committed), find is
// asked whether the record exists before anything else. A found record is
// adopted; otherwise create is tried again, up to c's max_retries, each
// unknown outcome reconciled the same way. So a lost answer never leaves a
// duplicate or an unmanaged orphan, whichever attempt loses it. find
// reports (nil, nil) when no matching record exists.
func CreateOnce[T any](ctx context.Context, c *Client, create func() (*T, error), find func(context.Context) (*T, error)) (*T, error) {
	platform := c.cfg.Platform
	attempts := 0 // requests sent, retries inside create included
	for try := 0; ; try++ {
		// With a context already ended, nothing can have been sent.
		endedBefore := ctx.Err() != nil
		created, err := create()
		if err == nil {
			return created, nil
		}
		attempts += sentBy(err)
		if !IsOutcomeUnknown(err) || endedBefore {
			return nil, withAttempts(err, attempts)
		}
		tflog.Warn(ctx, "create answer lost; looking for the record before retrying", map[string]any{
			"platform": platform, "error": err.Error(), "attempt": try + 1,
		})
		found, findErr := reconcile(ctx, find)
		if findErr != nil {
			return nil, fmt.Errorf("%w; then, while checking whether the record was created anyway: %v "+
				"(it may exist on %s: check before applying again)", withAttempts(err, attempts), findErr, platform)
		}
		if found != nil {
			tflog.Info(ctx, "adopting the record the lost create made", map[string]any{"platform": platform})
			return found, nil
		}
		// Not committed: another attempt cannot duplicate anything.
		if ctx.Err() != nil || try >= c.cfg.MaxRetries {
			return nil, withAttempts(err, attempts)
		}
		if !sleep(ctx, backoff(c.cfg.RetryWaitMin, c.cfg.RetryWaitMax, try, nil)) {
			return nil, withAttempts(err, attempts)
		}
	}
}

// reconcile runs find on a context that outlives the caller's.
func reconcile[T any](ctx context.Context, find func(context.Context) (*T, error)) (*T, error) {
	findCtx, cancel := context.WithTimeout(context.WithoutCancel(ctx), reconcileTimeout)
	defer cancel()
	return find(findCtx)
}

// sentBy is how many requests a failed call sent.
func sentBy(err error) int {
	if apiErr, ok := AsAPIError(err); ok && apiErr.Attempts > 0 {
		return apiErr.Attempts
	}
	return 1
}

// withAttempts reports every request a create sent, across its calls.
func withAttempts(err error, n int) error {
	if apiErr, ok := AsAPIError(err); ok {
		apiErr.Attempts = max(apiErr.Attempts, n)
		return err
	}
	if n <= 1 {
		return err
	}
	return fmt.Errorf("%w%s", err, attemptsSuffix(n))
}

// sleep waits d unless ctx ends first.
func sleep(ctx context.Context, d time.Duration) bool {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return true
	case <-ctx.Done():
		return false
	}
}
