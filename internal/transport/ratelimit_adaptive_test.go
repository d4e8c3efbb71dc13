package transport

import (
	"context"
	"math"
	"net/http"
	"strconv"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"golang.org/x/time/rate"
)

// fakeClock drives a Limiter's view of time.
type fakeClock struct{ t time.Time }

func (c *fakeClock) now() time.Time      { return c.t }
func (c *fakeClock) add(d time.Duration) { c.t = c.t.Add(d) }
func reply(status int, h ...string) *http.Response {
	resp := &http.Response{StatusCode: status, Header: http.Header{}}
	for i := 0; i+1 < len(h); i += 2 {
		resp.Header.Set(h[i], h[i+1])
	}
	return resp
}

func adaptiveLimiter(clock *fakeClock, rps float64) *Limiter {
	l := NewLimiter(rps)
	l.now = clock.now
	return l
}

func TestAdaptiveLimiterUnlimitedUntilThrottled(t *testing.T) {
	clock := &fakeClock{t: time.Unix(1e9, 0)}
	l := adaptiveLimiter(clock, 0)
	for range 5000 {
		l.Observe(clock.now(), reply(http.StatusOK))
		l.Observe(clock.now(), reply(http.StatusServiceUnavailable))
		clock.add(time.Millisecond)
	}
	if l.Limit() != rate.Inf {
		t.Fatalf("limit = %v after answers that never throttled, want no limit", l.Limit())
	}
}

func TestAdaptiveLimiterCutsOncePerRound(t *testing.T) {
	clock := &fakeClock{t: time.Unix(1e9, 0)}
	l := adaptiveLimiter(clock, 0)
	// The server accepted 20 requests in the last second, then throttles.
	for range 20 {
		l.Observe(clock.now(), reply(http.StatusOK))
		clock.add(10 * time.Millisecond)
	}
	sent := clock.now()
	clock.add(time.Millisecond)
	l.Observe(sent, reply(http.StatusTooManyRequests, "Retry-After", "1"))
	if got, want := float64(l.Limit()), 20*cubicBeta; math.Abs(got-want) > 1e-9 {
		t.Fatalf("limit after a throttle = %v, want beta x the accepted rate = %v", got, want)
	}
	// Throttles of requests sent before the cut don't cut again.
	for range 9 {
		l.Observe(sent, reply(http.StatusTooManyRequests))
	}
	if got, want := float64(l.Limit()), 20*cubicBeta; math.Abs(got-want) > 1e-9 {
		t.Fatalf("limit after 9 throttles of the same round = %v, want still %v", got, want)
	}
	// Within a second of the cut, even a request sent after it does not
	// cut again: the server counts its limit per second.
	clock.add(100 * time.Millisecond)
	l.Observe(clock.now(), reply(http.StatusTooManyRequests))
	if got := float64(l.Limit()); got < 20*cubicBeta-1e-9 {
		t.Fatalf("limit after a throttle 100 ms after the cut = %v, want still %v", got, 20*cubicBeta)
	}
	// A second later, a throttle cuts again.
	clock.add(time.Second)
	l.Observe(clock.now(), reply(http.StatusTooManyRequests))
	if got := float64(l.Limit()); got >= 20*cubicBeta || got < minRate {
		t.Fatalf("limit after a throttle of the next round = %v, want below %v", got, 20*cubicBeta)
	}
}

// Throttles that do not depend on the rate (30 % of requests answered 429
// whatever the pace, as a busy shared quota does) slow the client, but do
// not collapse it to the floor.
func TestAdaptiveLimiterRandomThrottlesDoNotCollapse(t *testing.T) {
	clock := &fakeClock{t: time.Unix(1e9, 0)}
	l := adaptiveLimiter(clock, 0)
	for range 50 { // 50 requests/s accepted before the first throttle
		l.Observe(clock.now(), reply(http.StatusOK))
		clock.add(20 * time.Millisecond)
	}
	n, budget := 0, 0.0
	for range 1000 { // 10 s at the pace the limiter allows
		clock.add(10 * time.Millisecond)
		budget += min(float64(l.Limit()), 100) / 100 // 100/s while unlimited
		for ; budget >= 1; budget-- {
			n++
			status := http.StatusOK
			if n%10 < 3 {
				status = http.StatusTooManyRequests
			}
			l.Observe(clock.now(), reply(status))
		}
	}
	if got := float64(l.Limit()); got < 5 {
		t.Fatalf("after 10 s of 30 %% random throttles the limit is %v requests/s, want at least 5 (started near 50)", got)
	}
}

func TestAdaptiveLimiterProbesBackUp(t *testing.T) {
	clock := &fakeClock{t: time.Unix(1e9, 0)}
	l := adaptiveLimiter(clock, 0)
	for range 40 {
		l.Observe(clock.now(), reply(http.StatusOK))
		clock.add(25 * time.Millisecond)
	}
	l.Observe(clock.now(), reply(http.StatusTooManyRequests))
	if got := float64(l.Limit()); math.Abs(got-40*cubicBeta) > 1e-9 {
		t.Fatalf("limit = %v, want %v", got, 40*cubicBeta)
	}
	// Answers keep coming at the current pace; the rate climbs back to the
	// throttled one within K seconds and then beyond it.
	k := math.Cbrt(40 * (1 - cubicBeta) / cubicC)
	var at []float64
	for step := 0; float64(step)*0.05 < k+3; step++ {
		clock.add(50 * time.Millisecond)
		for range 2 { // 40 answers a second
			l.Observe(clock.now(), reply(http.StatusOK))
		}
		at = append(at, float64(l.Limit()))
	}
	for i := 1; i < len(at); i++ {
		if at[i] < at[i-1]-1e-9 {
			t.Fatalf("the rate fell without a throttle: %v then %v", at[i-1], at[i])
		}
	}
	if last := at[len(at)-1]; last <= 40 {
		t.Fatalf("rate %v seconds after the cut = %v, want above the throttled 40", k+3, last)
	}
	// Never beyond twice what the server accepts: demand is then the limit.
	if last := at[len(at)-1]; last > 2*40+1e-9 {
		t.Fatalf("rate = %v, want at most twice the accepted 40/s", last)
	}
}

func TestAdaptiveLimiterKeepsHardCap(t *testing.T) {
	clock := &fakeClock{t: time.Unix(1e9, 0)}
	l := adaptiveLimiter(clock, 5)
	for range 100 {
		l.Observe(clock.now(), reply(http.StatusOK))
		clock.add(time.Millisecond)
	}
	l.Observe(clock.now(), reply(http.StatusTooManyRequests))
	for range 200 {
		clock.add(100 * time.Millisecond)
		l.Observe(clock.now(), reply(http.StatusOK))
		if l.Limit() > 5 {
			t.Fatalf("limit %v above the hard cap of 5", l.Limit())
		}
	}
	if l.Limit() != 5 {
		t.Fatalf("limit = %v after 20 s without throttles, want back at the cap 5", l.Limit())
	}
}

func TestBudgetSpent(t *testing.T) {
	now := time.Unix(1_700_000_000, 0)
	cases := []struct {
		name string
		h    []string
		want time.Duration
		ok   bool
	}{
		{"none", nil, 0, false},
		{"draft headers", []string{"RateLimit-Remaining", "0", "RateLimit-Reset", "3"}, 3 * time.Second, true},
		{"budget left", []string{"RateLimit-Remaining", "4", "RateLimit-Reset", "3"}, 0, false},
		{"x- headers, unix time", []string{"X-RateLimit-Remaining", "0", "X-RateLimit-Reset", strconv.FormatInt(now.Unix()+2, 10)}, 2 * time.Second, true},
		{"no reset", []string{"X-RateLimit-Remaining", "0"}, 0, false},
		{"garbage reset", []string{"RateLimit-Remaining", "0", "RateLimit-Reset", "soon"}, 0, false},
		{"an hourly quota is not a pause", []string{"RateLimit-Remaining", "0", "RateLimit-Reset", "3600"}, 0, false},
	}
	for _, tc := range cases {
		got, ok := budgetSpent(reply(200, tc.h...).Header, now)
		if got != tc.want || ok != tc.ok {
			t.Errorf("%s: budgetSpent = %v, %v; want %v, %v", tc.name, got, ok, tc.want, tc.ok)
		}
	}
}

func TestLimiterPausesWhenBudgetSpent(t *testing.T) {
	l := NewLimiter(0)
	l.Observe(time.Now(), reply(http.StatusOK, "RateLimit-Remaining", "0", "RateLimit-Reset", "0.3"))
	start := time.Now()
	if err := l.Wait(context.Background()); err != nil {
		t.Fatal(err)
	}
	if waited := time.Since(start); waited < 250*time.Millisecond {
		t.Fatalf("waited %v after the server said its budget resets in 0.3 s", waited)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	l.Observe(time.Now(), reply(http.StatusOK, "RateLimit-Remaining", "0", "RateLimit-Reset", "5"))
	if err := l.Wait(ctx); err == nil {
		t.Fatal("Wait ignored its context during a pause")
	}
}

// TestAdaptiveLimiterFollowsServerLimit: 10 goroutines (Terraform's default
// parallelism) against a server accepting 100 requests/s: every request
// succeeds, and few are throttled on the way.
func TestAdaptiveLimiterFollowsServerLimit(t *testing.T) {
	const serverRPS, total, workers = 100, 300, 10
	server := rate.NewLimiter(serverRPS, serverRPS)
	var throttled atomic.Int64
	srv := newCountingServer(t, func(w http.ResponseWriter, r *http.Request, _ int) {
		if !server.Allow() {
			throttled.Add(1)
			w.Header().Set("Retry-After", "1")
			writeJSON(w, http.StatusTooManyRequests, `{"error":"slow down"}`)
			return
		}
		writeJSON(w, http.StatusOK, `{}`)
	})
	cfg := testConfig(srv.URL)
	cfg.Limiter = NewLimiter(0)
	cfg.MaxRetries = 10
	c := newTestClient(t, cfg)
	var wg sync.WaitGroup
	errs := make(chan error, total)
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < total/workers; i++ {
				errs <- c.Do(context.Background(), http.MethodPost, "x", nil, map[string]int{"i": i}, nil)
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	share := float64(throttled.Load()) / float64(srv.Hits())
	t.Logf("%d requests, %d throttled (%.1f%%), limit now %v", srv.Hits(), throttled.Load(), 100*share, cfg.Limiter.Limit())
	if share >= 0.10 {
		t.Errorf("%.1f%% of requests were throttled, want under 10%%", 100*share)
	}
	if cfg.Limiter.Limit() == rate.Inf {
		t.Error("the limiter never slowed down")
	}
}
