package sandbox

import (
	"testing"
	"time"
)

// takes spreads a Percent fault evenly: matching request k is faulted when
// floor(k*P/100) > floor((k-1)*P/100).
func TestTakes(t *testing.T) {
	for _, tc := range []struct {
		p, k int
		want bool
	}{{100, 1, true}, {0, 1, true}, {1, 99, false}, {1, 100, true}, {99, 1, false}, {99, 2, true}, {50, 1, false}, {50, 2, true}} {
		if got := takes(tc.p, tc.k); got != tc.want {
			t.Errorf("takes(%d, %d) = %v", tc.p, tc.k, got)
		}
	}
}

// Retry-After is the whole seconds until a token is free, rounded up, at
// least 1.
func TestRetryAfterSeconds(t *testing.T) {
	for _, tc := range []struct {
		d    time.Duration
		want string
	}{{0, "1"}, {time.Millisecond, "1"}, {time.Second, "1"}, {1001 * time.Millisecond, "2"}, {3 * time.Second, "3"}} {
		if got := retryAfterSeconds(tc.d); got != tc.want {
			t.Errorf("retryAfterSeconds(%v) = %s, want %s", tc.d, got, tc.want)
		}
	}
}
