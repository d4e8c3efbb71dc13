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

// CreateOnce runs create and, if its answer was lost (timeout, dropped
// connection after the server may have committed), asks find whether the
// record exists before trying again: a found record is adopted, so a lost
// answer never leaves a duplicate or an unmanaged orphan. find reports
// (nil, nil) when no matching record exists.
func CreateOnce[T any](ctx context.Context, platform string, create func() (*T, error), find func(context.Context) (*T, error)) (*T, error) {
	// With a context already ended, nothing can have been sent.
	endedBefore := ctx.Err() != nil
	created, err := create()
	if err == nil || !IsOutcomeUnknown(err) || endedBefore {
		return created, err
	}
	tflog.Warn(ctx, "create answer lost; looking for the record before retrying", map[string]any{
		"platform": platform, "error": err.Error(),
	})
	findCtx, cancel := context.WithTimeout(context.WithoutCancel(ctx), reconcileTimeout)
	defer cancel()
	found, findErr := find(findCtx)
	if findErr != nil {
		return nil, fmt.Errorf("%w; then, while checking whether the record was created anyway: %v "+
			"(it may exist on %s: check before applying again)", err, findErr, platform)
	}
	if found != nil {
		tflog.Info(ctx, "adopting the record the lost create made", map[string]any{"platform": platform})
		return found, nil
	}
	if ctx.Err() != nil {
		// Nothing was committed, but the caller gave up: do not try again.
		return nil, err
	}
	// Not committed: a second attempt cannot duplicate anything.
	return create()
}
