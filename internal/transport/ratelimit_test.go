package transport

import (
	"context"
	"net/http"
	"sync"
	"testing"
	"time"

	"golang.org/x/time/rate"
)

func TestNewLimiter(t *testing.T) {
	cases := []struct {
		rps       float64
		wantLimit rate.Limit
		wantBurst int
	}{
		{0, rate.Inf, 0},
		{-1, rate.Inf, 0},
		{0.5, 0.5, 1},
		{1, 1, 1},
		{20, 20, 20},
		{2.7, 2.7, 2},
	}
	for _, tc := range cases {
		l := NewLimiter(tc.rps)
		if l.Limit() != tc.wantLimit || l.bucket.Burst() != tc.wantBurst {
			t.Errorf("NewLimiter(%v) = limit %v burst %d, want %v %d", tc.rps, l.Limit(), l.bucket.Burst(), tc.wantLimit, tc.wantBurst)
		}
	}
	// Unlimited really is unlimited.
	l := NewLimiter(0)
	for i := 0; i < 1000; i++ {
		if !l.bucket.Allow() {
			t.Fatalf("unlimited limiter refused request %d", i)
		}
	}
}

func TestLimiterSharedByClientsAndGoroutines(t *testing.T) {
	t.Parallel()
	srv := newCountingServer(t, func(w http.ResponseWriter, r *http.Request, _ int) {
		writeJSON(w, http.StatusOK, `{}`)
	})
	const rps, total, goroutines = 20, 30, 6
	limiter := NewLimiter(rps) // burst of 20: the first 20 go at once
	cfgA, cfgB := testConfig(srv.URL), testConfig(srv.URL)
	cfgA.Limiter, cfgB.Limiter = limiter, limiter
	clients := []*Client{newTestClient(t, cfgA), newTestClient(t, cfgB)}

	start := time.Now()
	var wg sync.WaitGroup
	errs := make(chan error, total)
	for g := 0; g < goroutines; g++ {
		wg.Add(1)
		go func(c *Client) {
			defer wg.Done()
			for i := 0; i < total/goroutines; i++ {
				errs <- c.Do(context.Background(), http.MethodGet, "x", nil, nil, nil)
			}
		}(clients[g%2])
	}
	wg.Wait()
	elapsed := time.Since(start)
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	if srv.Hits() != total {
		t.Errorf("hits = %d, want %d", srv.Hits(), total)
	}
	// (total - burst) requests at rps each: (30-20)/20 = 500ms at least.
	want := time.Duration(float64(total-rps) / rps * float64(time.Second))
	if elapsed < want-20*time.Millisecond {
		t.Errorf("%d requests through a shared %d rps limiter took %v, want at least %v", total, rps, elapsed, want)
	}
}

func TestLimiterAppliesToEveryAttempt(t *testing.T) {
	srv := newCountingServer(t, func(w http.ResponseWriter, r *http.Request, hit int) {
		if hit <= 3 {
			writeJSON(w, http.StatusServiceUnavailable, `{}`)
			return
		}
		writeJSON(w, http.StatusOK, `{}`)
	})
	cfg := testConfig(srv.URL)
	cfg.Limiter = pacedLimiter(20, 1) // one token every 50ms
	start := time.Now()
	if err := newTestClient(t, cfg).Do(context.Background(), http.MethodGet, "x", nil, nil, nil); err != nil {
		t.Fatal(err)
	}
	elapsed := time.Since(start)
	if srv.Hits() != 4 {
		t.Fatalf("hits = %d, want 4", srv.Hits())
	}
	// 4 attempts: the first is free, the 3 retries wait 50ms each for a token
	// (the backoff itself is a few ms only).
	if elapsed < 140*time.Millisecond {
		t.Errorf("4 attempts at 20 rps took %v, want at least 150ms: retries must pass the limiter", elapsed)
	}
}

func TestLimiterWaitHonoursContext(t *testing.T) {
	srv := newCountingServer(t, func(w http.ResponseWriter, r *http.Request, _ int) {
		writeJSON(w, http.StatusOK, `{}`)
	})
	cfg := testConfig(srv.URL)
	cfg.Limiter = pacedLimiter(rate.Every(time.Hour), 1)
	c := newTestClient(t, cfg)
	if err := c.Do(context.Background(), http.MethodGet, "x", nil, nil, nil); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()
	start := time.Now()
	err := c.Do(ctx, http.MethodGet, "x", nil, nil, nil)
	if err == nil {
		t.Fatal("want an error: no token for an hour")
	}
	if elapsed := time.Since(start); elapsed > time.Second {
		t.Errorf("waited %v for the limiter despite the context", elapsed)
	}
	if srv.Hits() != 1 {
		t.Errorf("hits = %d, want 1", srv.Hits())
	}
	// Nothing left the client: a create failing so needs no lookup.
	if IsOutcomeUnknown(err) {
		t.Errorf("a request the limiter never let out counts as possibly committed: %v", err)
	}
}

// pacedLimiter is a Limiter with a fixed pace and burst.
func pacedLimiter(limit rate.Limit, burst int) *Limiter {
	return &Limiter{hardCap: limit, burst: burst, bucket: rate.NewLimiter(limit, burst), now: time.Now}
}
