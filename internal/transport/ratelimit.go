package transport

import (
	"context"
	"fmt"
	"math"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"golang.org/x/time/rate"
)

// Adaptive pacing, after AWS SDKs' adaptive retry mode (CUBIC): a throttle
// cuts the rate to beta × the rate the server was accepting; afterwards the
// rate grows back along C·(t−K)³ + max, fast at first, careful near the rate
// that was throttled, faster again beyond it.
const (
	cubicBeta = 0.7
	cubicC    = 0.4
	// minRate keeps a heavily throttled client probing (one request every
	// two seconds at worst).
	minRate = 0.5
	// acceptedWindow is how far back the accepted and sent rates are
	// measured.
	acceptedWindow = time.Second
	// cutInterval spaces cuts: a server's limit is counted per second or
	// longer, so throttles within a second of a cut answer the same excess.
	// Without it, throttles that do not depend on the rate (a noisy shared
	// quota) would cut the rate to the floor within seconds.
	cutInterval = time.Second
)

// Limiter paces one platform's requests for one provider instance, shared
// by every resource. By default it has no fixed cap: requests go out freely
// until the server answers 429, then the rate follows what the server
// accepts and probes back up. A hard cap (requests_per_second) bounds it
// in every case. A server that says its budget is spent (RateLimit-Remaining
// or X-RateLimit-Remaining 0 with a reset time) pauses every request until
// the reset.
type Limiter struct {
	hardCap rate.Limit // Inf when none
	bucket  *rate.Limiter
	now     func() time.Time

	mu          sync.Mutex
	adaptive    bool        // a throttle was seen: pace by the cubic rate
	lastMax     float64     // the rate when last throttled
	lastCut     time.Time   // when the rate was last cut
	k           float64     // seconds from lastCut back to lastMax
	accepted    []time.Time // answers not throttled, in the window
	sent        []time.Time // every answer, in the window
	pausedUntil time.Time
}

// NewLimiter returns a limiter with a hard cap of rps requests per second
// (burst of one second's worth), or none when rps <= 0.
func NewLimiter(rps float64) *Limiter {
	l := &Limiter{hardCap: rate.Inf, now: time.Now}
	if rps > 0 {
		l.hardCap = rate.Limit(rps)
		l.bucket = rate.NewLimiter(l.hardCap, max(1, int(rps)))
	} else {
		l.bucket = rate.NewLimiter(rate.Inf, 0)
	}
	return l
}

// Limit is the rate requests are paced at now (rate.Inf for none).
func (l *Limiter) Limit() rate.Limit { return l.bucket.Limit() }

// Wait blocks until a request may leave: after any pause the server asked
// for, then by the current rate. It fails only when ctx ends.
func (l *Limiter) Wait(ctx context.Context) error {
	l.mu.Lock()
	pause := l.pausedUntil.Sub(l.now())
	l.mu.Unlock()
	if pause > 0 {
		t := time.NewTimer(pause)
		select {
		case <-t.C:
		case <-ctx.Done():
			t.Stop()
			return ctx.Err()
		}
	}
	return l.bucket.Wait(ctx)
}

// delay is how long a request sent now would wait for the limiter, without
// taking its turn.
func (l *Limiter) delay() time.Duration {
	now := l.now()
	l.mu.Lock()
	pause := l.pausedUntil.Sub(now)
	l.mu.Unlock()
	r := l.bucket.ReserveN(now, 1)
	d := r.DelayFrom(now)
	r.CancelAt(now)
	return max(pause, d)
}

// Observe learns from the answer to a request sent at sentAt.
func (l *Limiter) Observe(sentAt time.Time, resp *http.Response) {
	if resp == nil {
		return
	}
	now := l.now()
	l.mu.Lock()
	defer l.mu.Unlock()
	if reset, ok := budgetSpent(resp.Header, now); ok && now.Add(reset).After(l.pausedUntil) {
		l.pausedUntil = now.Add(reset)
	}
	l.sent = append(l.sent, now)
	if resp.StatusCode == http.StatusTooManyRequests {
		// Requests already in flight when the rate was cut were sent too
		// fast for the old rate: one cut per round, as TCP does, and at
		// most one a second.
		if !sentAt.Before(l.lastCut) && now.Sub(l.lastCut) >= cutInterval {
			l.cut(now)
		}
		return
	}
	l.accepted = append(l.accepted, now)
	l.trim(now)
	if l.adaptive {
		l.grow(now)
	}
}

// cut lowers the rate to beta × the rate the server was accepting (at the
// first throttle: the best estimate of its limit), later beta × the rate
// requests were going out at.
func (l *Limiter) cut(now time.Time) {
	l.trim(now)
	measured := float64(len(l.accepted)) / acceptedWindow.Seconds()
	if l.adaptive {
		measured = min(float64(len(l.sent))/acceptedWindow.Seconds(), float64(l.bucket.Limit()))
	}
	l.lastMax = max(measured, minRate/cubicBeta)
	l.lastCut = now
	l.k = math.Cbrt(l.lastMax * (1 - cubicBeta) / cubicC)
	l.adaptive = true
	l.setRate(now, l.lastMax*cubicBeta)
}

// grow moves the rate along the cubic curve, never beyond twice what the
// server accepts now (demand, not the curve, is then the limit).
func (l *Limiter) grow(now time.Time) {
	t := now.Sub(l.lastCut).Seconds()
	d := t - l.k
	r := cubicC*d*d*d + l.lastMax
	accepted := float64(len(l.accepted)) / acceptedWindow.Seconds()
	l.setRate(now, min(r, max(2*accepted, l.lastMax)))
}

func (l *Limiter) setRate(now time.Time, r float64) {
	lim := min(rate.Limit(max(r, minRate)), l.hardCap)
	// A burst of one spreads requests evenly: bursts are what trip a
	// server's limit.
	l.bucket.SetBurstAt(now, 1)
	l.bucket.SetLimitAt(now, lim)
}

// trim drops answers older than the window.
func (l *Limiter) trim(now time.Time) {
	l.accepted = sinceCutoff(l.accepted, now.Add(-acceptedWindow))
	l.sent = sinceCutoff(l.sent, now.Add(-acceptedWindow))
}

func sinceCutoff(ts []time.Time, cutoff time.Time) []time.Time {
	i := 0
	for i < len(ts) && ts[i].Before(cutoff) {
		i++
	}
	return ts[i:]
}

// budgetSpent reads the rate-limit headers (the IETF draft's RateLimit-*
// and the common X-RateLimit-*): a remaining budget of 0 with a reset time
// means no request should go before the reset. Reset is seconds to wait,
// or (X-RateLimit-Reset, as GitHub sends it) a Unix time.
func budgetSpent(h http.Header, now time.Time) (time.Duration, bool) {
	for _, prefix := range []string{"RateLimit-", "X-RateLimit-"} {
		remaining := strings.TrimSpace(h.Get(prefix + "Remaining"))
		if remaining != "0" {
			continue
		}
		reset, err := strconv.ParseFloat(strings.TrimSpace(h.Get(prefix+"Reset")), 64)
		if err != nil || reset <= 0 || math.IsInf(reset, 0) || math.IsNaN(reset) {
			continue
		}
		d := time.Duration(reset * float64(time.Second))
		if reset > 1e9 { // a Unix time
			d = time.Unix(int64(reset), 0).Sub(now)
		}
		// A reset far away is a quota, not a rate: leave it to Retry-After
		// and the retry budget rather than stalling every request.
		if d <= 0 || d > DefaultLongestRetryWait {
			continue
		}
		return d, true
	}
	return 0, false
}

// attemptsKey holds the *atomic.Int32 counting a request's attempts.
type attemptsKey struct{}

// rateLimitTransport waits for the shared limiter before every attempt,
// retries included, and tells it how the server answered, so one provider
// instance keeps to the rate the platform accepts however many resources
// Terraform runs in parallel.
type rateLimitTransport struct {
	limiter *Limiter
	next    http.RoundTripper
}

func (t *rateLimitTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	return t.limiter.send(req, t.next)
}

// send waits for the limiter, sends req through next and observes the answer.
func (l *Limiter) send(req *http.Request, next http.RoundTripper) (*http.Response, error) {
	if err := l.Wait(req.Context()); err != nil {
		closeBody(req)
		// Nothing was sent: a create failing here needs no reconciliation.
		return nil, fmt.Errorf("waiting for the rate limit: %w (%w)", err, errNotSent)
	}
	if n, ok := req.Context().Value(attemptsKey{}).(*atomic.Int32); ok {
		n.Add(1)
	}
	sentAt := l.now()
	resp, err := next.RoundTrip(req)
	if err == nil {
		l.Observe(sentAt, resp)
	}
	return resp, err
}
