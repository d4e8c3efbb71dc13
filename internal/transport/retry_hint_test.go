package transport

import (
	"context"
	"fmt"
	"net/http"
	"testing"

	"golang.org/x/time/rate"
)

// hintHeader is the test platform's retry advice, read by hintConfig's
// RetryHint as a platform would read its own header.
const hintHeader = "X-Should-Retry"

func hintConfig(url string) Config {
	cfg := testConfig(url)
	cfg.RetryHint = func(resp *http.Response) (retry, decided bool) {
		switch resp.Header.Get(hintHeader) {
		case "true":
			return true, true
		case "false":
			return false, true
		}
		return false, false
	}
	return cfg
}

// hinted answers status with the hint (none when ""), the first n hits,
// then 200.
func hinted(n, status int, hint string) func(w http.ResponseWriter, r *http.Request, hit int) {
	return func(w http.ResponseWriter, _ *http.Request, hit int) {
		if hit > n {
			writeJSON(w, http.StatusOK, `{"id":"ok"}`)
			return
		}
		if hint != "" {
			w.Header().Set(hintHeader, hint)
		}
		writeJSON(w, status, fmt.Sprintf(`{"message":"answer %d"}`, hit))
	}
}

// "false" stops the retries whatever the status says, and the platform's
// own error comes back after exactly one attempt.
func TestRetryHint_falseStopsRetries(t *testing.T) {
	for _, tc := range []struct {
		method string
		safe   bool
		status int
	}{
		{http.MethodGet, false, 503}, {http.MethodGet, false, 429}, {http.MethodGet, false, 502},
		{http.MethodDelete, false, 504}, {http.MethodPost, true, 503}, {http.MethodPost, false, 429},
	} {
		t.Run(fmt.Sprintf("%s safe=%v %d", tc.method, tc.safe, tc.status), func(t *testing.T) {
			srv := newCountingServer(t, hinted(10, tc.status, "false"))
			ctx := context.Background()
			if tc.safe {
				ctx = RetrySafe(ctx)
			}
			err := newTestClient(t, hintConfig(srv.URL)).Do(ctx, tc.method, "customers", nil, nil, nil)
			if srv.Hits() != 1 {
				t.Errorf("hits = %d, want 1: the answer said not to retry", srv.Hits())
			}
			apiErr, ok := AsAPIError(err)
			if !ok || apiErr.Status != tc.status || apiErr.Message != "answer 1" || apiErr.Attempts != 1 {
				t.Errorf("got %T %v, want the platform's %d with its message, after 1 attempt", err, err, tc.status)
			}
		})
	}
}

// "true" retries a status the rules would not (a 409, a 500, even a 400)
// until it succeeds, for any request that may be sent twice.
func TestRetryHint_trueRetriesUntilSuccess(t *testing.T) {
	for _, tc := range []struct {
		method string
		safe   bool
		status int
	}{
		{http.MethodGet, false, 409}, {http.MethodPut, false, 409}, {http.MethodDelete, false, 500},
		{http.MethodPost, true, 409}, {http.MethodPost, true, 400},
	} {
		t.Run(fmt.Sprintf("%s safe=%v %d", tc.method, tc.safe, tc.status), func(t *testing.T) {
			srv := newCountingServer(t, hinted(2, tc.status, "true"))
			ctx := context.Background()
			if tc.safe {
				ctx = RetrySafe(ctx)
			}
			var out struct{ ID string }
			if err := newTestClient(t, hintConfig(srv.URL)).Do(ctx, tc.method, "customers", nil, nil, &out); err != nil || out.ID != "ok" {
				t.Fatalf("got %+v, %v; want success after two retries", out, err)
			}
			if srv.Hits() != 3 {
				t.Errorf("hits = %d, want 3", srv.Hits())
			}
		})
	}
}

// "true" on a POST that is not RetrySafe (a create that may have made a
// record) is not enough to send it again: the status rules judge, which
// retry only a 429.
func TestRetryHint_trueNeverResendsAnUnsafePost(t *testing.T) {
	for status, wantHits := range map[int]int{409: 1, 500: 1, 503: 1, 429: 2} {
		t.Run(fmt.Sprint(status), func(t *testing.T) {
			t.Parallel() // the 429 slows its client's limiter for a second or two
			srv := newCountingServer(t, hinted(1, status, "true"))
			err := newTestClient(t, hintConfig(srv.URL)).Do(context.Background(), http.MethodPost, "customers", nil, map[string]string{"name": "Ada"}, nil)
			if srv.Hits() != wantHits {
				t.Errorf("hits = %d, want %d", srv.Hits(), wantHits)
			}
			if wantHits == 1 {
				if apiErr, ok := AsAPIError(err); !ok || apiErr.Status != status {
					t.Errorf("got %v, want the %d", err, status)
				}
			} else if err != nil {
				t.Errorf("the 429 is retried as before: %v", err)
			}
		})
	}
}

// Without the header, or without a RetryHint, the status rules are as
// before: 409 and 500 are final, 503 is retried on a GET, not on a POST.
func TestRetryHint_absentKeepsTheStatusRules(t *testing.T) {
	for _, withHint := range []bool{true, false} {
		for _, tc := range []struct {
			method   string
			status   int
			wantHits int
		}{
			{http.MethodGet, 409, 1}, {http.MethodGet, 500, 1}, {http.MethodGet, 503, 3},
			{http.MethodPost, 503, 1}, {http.MethodPost, 500, 1},
		} {
			t.Run(fmt.Sprintf("hint=%v %s %d", withHint, tc.method, tc.status), func(t *testing.T) {
				srv := newCountingServer(t, hinted(2, tc.status, ""))
				cfg := testConfig(srv.URL)
				if withHint {
					cfg = hintConfig(srv.URL)
				}
				_ = newTestClient(t, cfg).Do(context.Background(), tc.method, "customers", nil, nil, nil)
				if srv.Hits() != tc.wantHits {
					t.Errorf("hits = %d, want %d", srv.Hits(), tc.wantHits)
				}
			})
		}
	}
}

// A success is never retried, whatever it says.
func TestRetryHint_successIsFinal(t *testing.T) {
	srv := newCountingServer(t, func(w http.ResponseWriter, _ *http.Request, _ int) {
		w.Header().Set(hintHeader, "true")
		writeJSON(w, http.StatusOK, `{}`)
	})
	if err := newTestClient(t, hintConfig(srv.URL)).Do(context.Background(), http.MethodGet, "x", nil, nil, nil); err != nil || srv.Hits() != 1 {
		t.Errorf("hits = %d, err = %v; want one attempt", srv.Hits(), err)
	}
}

// A 429 that says "retry" (or "do not") is still a throttle: the shared
// limiter slows down, for every request of the platform.
func TestRetryHint_429StillFeedsTheLimiter(t *testing.T) {
	for _, hint := range []string{"true", "false"} {
		t.Run(hint, func(t *testing.T) {
			const accepted = 20
			srv := newCountingServer(t, func(w http.ResponseWriter, _ *http.Request, hit int) {
				if hit == accepted+1 {
					w.Header().Set(hintHeader, hint)
					writeJSON(w, http.StatusTooManyRequests, `{"message":"slow down"}`)
					return
				}
				writeJSON(w, http.StatusOK, `{}`)
			})
			cfg := hintConfig(srv.URL)
			cfg.Limiter = NewLimiter(0)
			c := newTestClient(t, cfg)
			for range accepted {
				if err := c.Do(context.Background(), http.MethodGet, "x", nil, nil, nil); err != nil {
					t.Fatal(err)
				}
			}
			if cfg.Limiter.Limit() != rate.Inf {
				t.Fatalf("limit = %v before any throttle", cfg.Limiter.Limit())
			}
			err := c.Do(context.Background(), http.MethodGet, "x", nil, nil, nil)
			if want := map[string]int{"true": accepted + 2, "false": accepted + 1}[hint]; srv.Hits() != want {
				t.Errorf("hits = %d, want %d", srv.Hits(), want)
			}
			if (err == nil) != (hint == "true") {
				t.Errorf("err = %v", err)
			}
			if cfg.Limiter.Limit() == rate.Inf {
				t.Error("the limiter did not slow down after the 429")
			}
		})
	}
}
