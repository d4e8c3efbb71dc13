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
	// minPaceWindow: after a spent budget's pause, one request per reset
	// window (at least this long) goes until an answer tells the new
	// budget.
	minPaceWindow = 100 * time.Millisecond
)

// Limiter paces one platform's requests for one provider instance, shared
// by every resource. By default it has no fixed cap: requests go out freely
// until the server answers 429, then the rate follows what the server
// accepts and probes back up. A hard cap (requests_per_second) bounds it
// in every case.
//
// A server that advertises its budget (RateLimit-Remaining/-Reset or
// X-RateLimit-*) is paced by it before it throttles: Remaining requests
// spread evenly over the Reset seconds left. Every client of the same
// account reads the same Remaining, so pipelines that share an account
// without knowing of each other slow down together as it runs low and speed
// up as it refills: they settle where Remaining stays above zero, each
// taking a share. A budget that is spent (Remaining 0) pauses every request
// until the reset, and then lets one request out to read the new budget
// before the others follow. Throttles such headers explain cut nothing;
// other throttles cut the CUBIC rate as before.
type Limiter struct {
	hardCap rate.Limit // Inf when none
	burst   int        // the hard cap's burst, while nothing else paces
	bucket  *rate.Limiter
	now     func() time.Time

	mu          sync.Mutex
	adaptive    bool        // a throttle was seen: pace by the cubic rate
	cubicRate   float64     // the cubic rate, while adaptive
	lastMax     float64     // the rate when last throttled
	lastCut     time.Time   // when the rate was last cut
	k           float64     // seconds from lastCut back to lastMax
	accepted    []time.Time // answers not throttled, in the window
	sent        []time.Time // every answer, in the window
	pausedUntil time.Time
	paced       bool          // the server advertises its budget: pace by it
	pace        float64       // requests/s its last answer allowed (Remaining/Reset)
	changed     chan struct{} // closed when the rate changes (changedCh)
}

// NewLimiter returns a limiter with a hard cap of rps requests per second
// (burst of one second's worth), or none when rps <= 0.
func NewLimiter(rps float64) *Limiter {
	l := &Limiter{hardCap: rate.Inf, now: time.Now}
	if rps > 0 {
		l.hardCap, l.burst = rate.Limit(rps), max(1, int(rps))
		l.bucket = rate.NewLimiter(l.hardCap, l.burst)
	} else {
		l.bucket = rate.NewLimiter(rate.Inf, 0)
	}
	return l
}

// Limit is the rate requests are paced at now (rate.Inf for none).
func (l *Limiter) Limit() rate.Limit { return l.bucket.Limit() }

// Wait blocks until a request may leave: after any pause the server asked
// for, then by the current rate. A request waiting its turn when the rate
// changes takes a new turn at the new rate: a wait begun while one request
// probed a refilled budget ends as soon as the answer says how much is
// left, not a window later. It fails only when ctx ends, or at once when
// ctx's deadline would pass before the turn comes.
func (l *Limiter) Wait(ctx context.Context) error {
	for {
		l.mu.Lock()
		pause := l.pausedUntil.Sub(l.now())
		changed := l.changedCh()
		l.mu.Unlock()
		if pause > 0 {
			if err := beforeDeadline(ctx, pause); err != nil {
				return err
			}
			if !sleep(ctx, pause) {
				return ctx.Err()
			}
			continue
		}
		// No reservation is held while waiting: a wait takes its turn
		// when it ends, at the rate then in force.
		now := time.Now()
		if l.bucket.AllowN(now, 1) {
			return nil
		}
		d := l.untilToken(now)
		if err := beforeDeadline(ctx, d); err != nil {
			return err
		}
		t := time.NewTimer(d)
		select {
		case <-t.C:
		case <-changed:
			t.Stop()
		case <-ctx.Done():
			t.Stop()
			return ctx.Err()
		}
	}
}

// beforeDeadline fails at once, as rate.Limiter.Wait does, when waiting d
// would outlast ctx's deadline: the request is known never to have left.
func beforeDeadline(ctx context.Context, d time.Duration) error {
	if deadline, ok := ctx.Deadline(); ok && time.Until(deadline) < d {
		return fmt.Errorf("a wait of %v would exceed the context deadline", d.Round(time.Millisecond))
	}
	return nil
}

// untilToken is how long from now until the bucket holds a whole token.
func (l *Limiter) untilToken(now time.Time) time.Duration {
	lim := l.bucket.Limit()
	if lim == rate.Inf || lim <= 0 {
		return time.Millisecond
	}
	missing := 1 - l.bucket.TokensAt(now)
	return max(time.Duration(missing/float64(lim)*float64(time.Second)), time.Millisecond)
}

// changedCh is closed at the next change of the rate; l.mu is held.
func (l *Limiter) changedCh() chan struct{} {
	if l.changed == nil {
		l.changed = make(chan struct{})
	}
	return l.changed
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
	remaining, reset, advertised := budget(resp.Header, now)
	// A budget spent until a reset already past is whole again.
	spent := advertised && remaining < 1 && reset > 0
	switch {
	case spent:
		if now.Add(reset).After(l.pausedUntil) {
			l.pausedUntil = now.Add(reset)
		}
		// After the pause, one request reads the new budget; the others
		// follow at the pace its answer gives (or one per window, if no
		// answer comes): a pause must not end in a stampede of every
		// client that waited.
		l.paced, l.pace = true, 1/max(reset.Seconds(), minPaceWindow.Seconds())
	case advertised:
		l.paced, l.pace = true, math.Inf(1)
		if reset > 0 {
			l.pace = remaining / reset.Seconds()
		}
	default:
		// A server that stops advertising its budget (or never did) is
		// paced by its throttles alone.
		l.paced = false
	}
	l.sent = append(l.sent, now)
	if resp.StatusCode == http.StatusTooManyRequests {
		// A throttle the budget explains is paced by the budget. Others:
		// requests already in flight when the rate was cut were sent too
		// fast for the old rate: one cut per round, as TCP does, and at
		// most one a second.
		if !spent && !sentAt.Before(l.lastCut) && now.Sub(l.lastCut) >= cutInterval {
			l.cut(now)
		}
		l.apply(now)
		return
	}
	l.accepted = append(l.accepted, now)
	l.trim(now)
	if l.adaptive {
		l.grow(now)
	}
	l.apply(now)
}

// cut lowers the rate to beta × the rate the server was accepting (at the
// first throttle: the best estimate of its limit), later beta × the rate
// requests were going out at.
func (l *Limiter) cut(now time.Time) {
	l.trim(now)
	measured := float64(len(l.accepted)) / acceptedWindow.Seconds()
	if l.adaptive {
		measured = min(float64(len(l.sent))/acceptedWindow.Seconds(), l.cubicRate)
	}
	l.lastMax = max(measured, minRate/cubicBeta)
	l.lastCut = now
	l.k = math.Cbrt(l.lastMax * (1 - cubicBeta) / cubicC)
	l.adaptive = true
	l.cubicRate = max(l.lastMax*cubicBeta, minRate)
}

// grow moves the rate along the cubic curve, never beyond twice what the
// server accepts now (demand, not the curve, is then the limit).
func (l *Limiter) grow(now time.Time) {
	t := now.Sub(l.lastCut).Seconds()
	d := t - l.k
	r := cubicC*d*d*d + l.lastMax
	accepted := float64(len(l.accepted)) / acceptedWindow.Seconds()
	l.cubicRate = max(min(r, max(2*accepted, l.lastMax)), minRate)
}

// apply sets the bucket to the lowest of the hard cap, the cubic rate and
// the advertised budget's pace.
func (l *Limiter) apply(now time.Time) {
	lim, burst := l.hardCap, l.burst
	if l.adaptive {
		lim = min(lim, rate.Limit(l.cubicRate))
	}
	if l.paced {
		lim = min(lim, rate.Limit(l.pace))
	}
	if l.adaptive || l.paced || burst < 1 {
		// A burst of one spreads requests evenly: bursts are what trip a
		// server's limit.
		burst = 1
	}
	if lim == l.bucket.Limit() && burst == l.bucket.Burst() {
		return
	}
	l.bucket.SetBurstAt(now, burst)
	l.bucket.SetLimitAt(now, lim)
	// Requests waiting their turn take a new one at the new rate.
	if l.changed != nil {
		close(l.changed)
		l.changed = nil
	}
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

// budget reads the rate-limit headers (the IETF draft's RateLimit-* and
// the common X-RateLimit-*): the requests left and the time until the
// budget is whole again. Reset is seconds to wait, or (X-RateLimit-Reset,
// as GitHub sends it) a Unix time. A reset far away is a quota, not a
// rate (an hourly allowance): it neither paces nor pauses, and is left to
// Retry-After and the retry budget rather than stalling every request.
func budget(h http.Header, now time.Time) (remaining float64, reset time.Duration, ok bool) {
	for _, prefix := range []string{"RateLimit-", "X-RateLimit-"} {
		left, err := strconv.ParseFloat(strings.TrimSpace(h.Get(prefix+"Remaining")), 64)
		if err != nil || left < 0 || math.IsInf(left, 0) || math.IsNaN(left) {
			continue
		}
		secs, err := strconv.ParseFloat(strings.TrimSpace(h.Get(prefix+"Reset")), 64)
		if err != nil || secs < 0 || math.IsInf(secs, 0) || math.IsNaN(secs) {
			continue
		}
		d := time.Duration(secs * float64(time.Second))
		if secs > 1e9 { // a Unix time
			d = max(time.Unix(int64(secs), 0).Sub(now), 0)
		}
		if d > DefaultLongestRetryWait {
			continue
		}
		return left, d, true
	}
	return 0, 0, false
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
