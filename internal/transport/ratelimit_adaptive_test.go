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

func TestBudget(t *testing.T) {
	now := time.Unix(1_700_000_000, 0)
	cases := []struct {
		name      string
		h         []string
		remaining float64
		reset     time.Duration
		ok        bool
	}{
		{"none", nil, 0, 0, false},
		{"draft headers", []string{"RateLimit-Remaining", "0", "RateLimit-Reset", "3"}, 0, 3 * time.Second, true},
		{"budget left", []string{"RateLimit-Remaining", "4", "RateLimit-Reset", "3"}, 4, 3 * time.Second, true},
		{"full: resets now", []string{"RateLimit-Remaining", "20", "RateLimit-Reset", "0"}, 20, 0, true},
		{"fractions", []string{"RateLimit-Remaining", "2", "RateLimit-Reset", "0.25"}, 2, 250 * time.Millisecond, true},
		{"x- headers, unix time", []string{"X-RateLimit-Remaining", "0", "X-RateLimit-Reset", strconv.FormatInt(now.Unix()+2, 10)}, 0, 2 * time.Second, true},
		{"x- headers, unix time past", []string{"X-RateLimit-Remaining", "7", "X-RateLimit-Reset", strconv.FormatInt(now.Unix()-2, 10)}, 7, 0, true},
		{"no reset", []string{"X-RateLimit-Remaining", "0"}, 0, 0, false},
		{"no remaining", []string{"RateLimit-Reset", "1"}, 0, 0, false},
		{"garbage reset", []string{"RateLimit-Remaining", "0", "RateLimit-Reset", "soon"}, 0, 0, false},
		{"negative remaining", []string{"RateLimit-Remaining", "-1", "RateLimit-Reset", "1"}, 0, 0, false},
		{"an hourly quota is not a rate", []string{"RateLimit-Remaining", "0", "RateLimit-Reset", "3600"}, 0, 0, false},
		{"an hourly quota, budget left", []string{"X-RateLimit-Remaining", "4999", "X-RateLimit-Reset", strconv.FormatInt(now.Unix()+3600, 10)}, 0, 0, false},
	}
	for _, tc := range cases {
		remaining, reset, ok := budget(reply(200, tc.h...).Header, now)
		if remaining != tc.remaining || reset != tc.reset || ok != tc.ok {
			t.Errorf("%s: budget = %v, %v, %v; want %v, %v, %v", tc.name, remaining, reset, ok, tc.remaining, tc.reset, tc.ok)
		}
	}
}

// An advertised budget paces before any throttle: Remaining spread over
// Reset, below the hard cap; a full budget (Reset 0) paces nothing; an
// answer without the headers ends the pacing.
func TestLimiterPacesByAdvertisedBudget(t *testing.T) {
	clock := &fakeClock{t: time.Unix(1e9, 0)}
	l := adaptiveLimiter(clock, 0)
	for _, step := range []struct {
		h    []string
		want rate.Limit
	}{
		{[]string{"RateLimit-Remaining", "5", "RateLimit-Reset", "1"}, 5},
		{[]string{"RateLimit-Remaining", "10", "RateLimit-Reset", "4"}, 2.5},
		{[]string{"X-RateLimit-Remaining", "3", "X-RateLimit-Reset", "0.5"}, 6},
		{[]string{"RateLimit-Remaining", "20", "RateLimit-Reset", "0"}, rate.Inf},
		{[]string{"RateLimit-Remaining", "0", "RateLimit-Reset", "0"}, rate.Inf}, // spent until now: whole again
		{[]string{"RateLimit-Remaining", "1", "RateLimit-Reset", "1"}, 1},
		{nil, rate.Inf},
	} {
		l.Observe(clock.now(), reply(http.StatusOK, step.h...))
		if l.Limit() != step.want {
			t.Errorf("after %q: limit %v, want %v", step.h, l.Limit(), step.want)
		}
		clock.add(10 * time.Millisecond)
	}
	if l.adaptive || l.pausedUntil.After(clock.now()) {
		t.Error("answers without a throttle engaged the cubic rate, or paused")
	}
	capped := adaptiveLimiter(clock, 4)
	capped.Observe(clock.now(), reply(http.StatusOK, "RateLimit-Remaining", "19", "RateLimit-Reset", "1"))
	if capped.Limit() != 4 {
		t.Errorf("limit %v above the hard cap of 4", capped.Limit())
	}
}

// A throttle the advertised budget explains (Remaining 0) pauses until the
// reset and cuts nothing: after it one request reads the new budget, and
// the next goes at the pace that answer allows. A throttle it does not
// explain (budget left) cuts as one without headers does.
func TestLimiterSpentBudgetPausesWithoutCut(t *testing.T) {
	clock := &fakeClock{t: time.Unix(1e9, 0)}
	l := adaptiveLimiter(clock, 0)
	for range 20 {
		l.Observe(clock.now(), reply(http.StatusOK, "RateLimit-Remaining", "10", "RateLimit-Reset", "1"))
		clock.add(10 * time.Millisecond)
	}
	l.Observe(clock.now(), reply(http.StatusTooManyRequests, "Retry-After", "1", "RateLimit-Remaining", "0", "RateLimit-Reset", "2"))
	if l.adaptive {
		t.Error("a throttle the budget explains cut the cubic rate")
	}
	if got := l.pausedUntil.Sub(clock.now()); got != 2*time.Second {
		t.Errorf("paused for %v, want the 2 s until the reset", got)
	}
	if l.Limit() != 0.5 {
		t.Errorf("after the pause the limit is %v, want one request per 2 s window until an answer tells more", l.Limit())
	}
	clock.add(2 * time.Second)
	l.Observe(clock.now(), reply(http.StatusOK, "RateLimit-Remaining", "18", "RateLimit-Reset", "1"))
	if l.Limit() != 18 {
		t.Errorf("limit %v after the refilled budget's first answer, want 18", l.Limit())
	}
	clock.add(time.Second)
	l.Observe(clock.now(), reply(http.StatusTooManyRequests, "RateLimit-Remaining", "5", "RateLimit-Reset", "1"))
	if !l.adaptive {
		t.Error("a throttle with budget left did not cut")
	}
}

// A request waiting its turn at a slow pace goes as soon as an answer
// allows a faster one, not at the turn the slow pace gave it.
func TestLimiterWaitTakesTheNewRate(t *testing.T) {
	l := NewLimiter(0)
	// One request per 5 s: the next turn is 5 s away.
	l.Observe(time.Now(), reply(http.StatusOK, "RateLimit-Remaining", "1", "RateLimit-Reset", "5"))
	done := make(chan error, 1)
	start := time.Now()
	go func() { done <- l.Wait(context.Background()) }()
	time.Sleep(100 * time.Millisecond)
	l.Observe(time.Now(), reply(http.StatusOK, "RateLimit-Remaining", "50", "RateLimit-Reset", "1"))
	select {
	case err := <-done:
		if err != nil {
			t.Fatal(err)
		}
		if waited := time.Since(start); waited > time.Second {
			t.Errorf("waited %v, want about 100 ms + 20 ms at the new pace of 50/s", waited)
		}
	case <-time.After(4 * time.Second):
		t.Fatal("the wait kept the turn of the old pace (5 s)")
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

// TestAdaptiveLimiterSharesAdvertisedBudget: four clients with limiters of
// their own (four pipelines that know nothing of each other), each with 10
// goroutines, against one account accepting 100 requests/s that advertises
// its budget as the sandbox does (whole seconds until it is full again):
// every request succeeds, few are throttled, and the clients finish
// together, each having taken a share.
func TestAdaptiveLimiterSharesAdvertisedBudget(t *testing.T) {
	const serverRPS, clients, perClient, workers = 100, 4, 75, 10
	var mu sync.Mutex
	server := rate.NewLimiter(serverRPS, serverRPS)
	var throttled atomic.Int64
	srv := newCountingServer(t, func(w http.ResponseWriter, r *http.Request, _ int) {
		mu.Lock()
		now := time.Now()
		ok := server.AllowN(now, 1)
		tokens := max(server.TokensAt(now), 0)
		mu.Unlock()
		w.Header().Set("RateLimit-Limit", strconv.Itoa(serverRPS))
		w.Header().Set("RateLimit-Remaining", strconv.Itoa(int(tokens)))
		w.Header().Set("RateLimit-Reset", strconv.Itoa(int(math.Ceil((serverRPS-tokens)/serverRPS))))
		if !ok {
			throttled.Add(1)
			w.Header().Set("Retry-After", "1")
			writeJSON(w, http.StatusTooManyRequests, `{"error":"slow down"}`)
			return
		}
		writeJSON(w, http.StatusOK, `{}`)
	})
	start := time.Now()
	took := make([]time.Duration, clients)
	errs := make(chan error, clients*perClient)
	var all sync.WaitGroup
	for c := range clients {
		cfg := testConfig(srv.URL)
		cfg.Limiter = NewLimiter(0)
		cfg.MaxRetries = 10
		client := newTestClient(t, cfg)
		all.Add(1)
		go func() {
			defer all.Done()
			var next atomic.Int64
			var wg sync.WaitGroup
			for range workers {
				wg.Add(1)
				go func() {
					defer wg.Done()
					for next.Add(1) <= perClient {
						errs <- client.Do(context.Background(), http.MethodPost, "x", nil, map[string]int{"c": c}, nil)
					}
				}()
			}
			wg.Wait()
			took[c] = time.Since(start)
		}()
	}
	all.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	share := float64(throttled.Load()) / float64(srv.Hits())
	t.Logf("%d requests, %d throttled (%.1f%%); clients finished after %v (ideal %v)", srv.Hits(), throttled.Load(), 100*share,
		took, time.Duration(float64(clients*perClient-serverRPS)/serverRPS*float64(time.Second)))
	if share >= 0.10 {
		t.Errorf("%.1f%% of requests were throttled, want under 10%%", 100*share)
	}
}
