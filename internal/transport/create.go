package transport

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-log/tflog"
)

// CreateOnce runs create and, if its answer was lost (timeout, dropped
// connection after the server may have committed), asks find whether the
// record exists before trying again: a found record is adopted, so a lost
// answer never leaves a duplicate or an unmanaged orphan. find reports
// (nil, nil) when no matching record exists.
func CreateOnce[T any](ctx context.Context, platform string, create func() (*T, error), find func() (*T, error)) (*T, error) {
	created, err := create()
	if err == nil || !IsOutcomeUnknown(err) || ctx.Err() != nil {
		return created, err
	}
	tflog.Warn(ctx, "create answer lost; looking for the record before retrying", map[string]any{
		"platform": platform, "error": err.Error(),
	})
	found, findErr := find()
	if findErr != nil {
		return nil, fmt.Errorf("%w; then, while checking whether the record was created anyway: %v "+
			"(it may exist on %s: check before applying again)", err, findErr, platform)
	}
	if found != nil {
		tflog.Info(ctx, "adopting the record the lost create made", map[string]any{"platform": platform})
		return found, nil
	}
	// Not committed: a second attempt cannot duplicate anything.
	return create()
}
