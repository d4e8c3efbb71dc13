package sandbox

import (
	"math"
	"net/http"
	"strconv"
	"time"

	"golang.org/x/time/rate"
)

// SetRateLimit limits one platform ("" = every platform) to rps requests per
// second, with a burst of one second's worth (at least 1); rps <= 0 turns the
// limit off. A request over the limit is answered 429 with the platform's own
// error body and a Retry-After of the whole seconds until a token is free
// (at least 1), without being handled or consuming a fault. Every request
// under the platform's prefix counts, WebCommander's token endpoint
// included. An unknown platform is ignored.
func (s *Server) SetRateLimit(platform string, rps float64) {
	s.rateMu.Lock()
	defer s.rateMu.Unlock()
	for _, m := range s.mounts {
		name := m.Name
		if platform != "" && platform != name {
			continue
		}
		if rps <= 0 || math.IsNaN(rps) {
			delete(s.limits, name)
			continue
		}
		if s.limits == nil {
			s.limits = map[string]*rate.Limiter{}
		}
		burst := 1
		if rps >= 1 {
			burst = int(min(rps, math.MaxInt32))
		}
		s.limits[name] = rate.NewLimiter(rate.Limit(rps), burst)
	}
}

// SetRateLimitHeaders makes a platform ("" = every platform) advertise its
// rate limit on every answer while it has one, as many APIs do (the IETF
// draft's fields): RateLimit-Limit (the burst: requests a full budget
// allows at once), RateLimit-Remaining (requests left after this one, whole)
// and RateLimit-Reset (whole seconds until the budget is full again,
// rounded up; 0 when full). A 429 carries them too (Remaining 0). Off by
// default: the platforms' contracts promise no such headers, so a client
// must cope with 429 and Retry-After alone.
func (s *Server) SetRateLimitHeaders(platform string, on bool) {
	s.rateMu.Lock()
	defer s.rateMu.Unlock()
	for _, m := range s.mounts {
		if platform != "" && platform != m.Name {
			continue
		}
		if s.rateHeaders == nil {
			s.rateHeaders = map[string]bool{}
		}
		s.rateHeaders[m.Name] = on
	}
}

// RateLimitHeaders says whether a platform advertises its rate limit.
func (s *Server) RateLimitHeaders(platform string) bool {
	s.rateMu.Lock()
	defer s.rateMu.Unlock()
	return s.rateHeaders[platform]
}

// RateLimit is the requests per second a platform is limited to; 0 = none.
func (s *Server) RateLimit(platform string) float64 {
	s.rateMu.Lock()
	defer s.rateMu.Unlock()
	if l, ok := s.limits[platform]; ok {
		return float64(l.Limit())
	}
	return 0
}

// overRate takes a token for one request of the platform, and, when none is
// free, says how long until one is. When the platform advertises its limit,
// it sets the answer's RateLimit-* headers.
func (s *Server) overRate(platform string, h http.Header) (time.Duration, bool) {
	s.rateMu.Lock()
	defer s.rateMu.Unlock()
	l, ok := s.limits[platform]
	if !ok {
		return 0, false
	}
	now := time.Now()
	r := l.ReserveN(now, 1)
	wait := r.DelayFrom(now)
	if wait > 0 {
		r.CancelAt(now)
	}
	if s.rateHeaders[platform] {
		tokens := max(l.TokensAt(now), 0)
		burst := float64(l.Burst())
		h.Set("RateLimit-Limit", strconv.Itoa(l.Burst()))
		h.Set("RateLimit-Remaining", strconv.FormatInt(int64(math.Floor(tokens)), 10))
		h.Set("RateLimit-Reset", strconv.FormatInt(int64(math.Ceil(max(burst-tokens, 0)/float64(l.Limit()))), 10))
	}
	return wait, wait > 0
}

// retryAfterSeconds is d as a Retry-After value: whole seconds, rounded up,
// at least 1.
func retryAfterSeconds(d time.Duration) string {
	return strconv.FormatInt(max(1, int64(math.Ceil(d.Seconds()))), 10)
}

// answerRateLimited writes the platform's 429 for a request over its limit.
func answerRateLimited(p *mount, w http.ResponseWriter, wait time.Duration) {
	w.Header().Set("Retry-After", retryAfterSeconds(wait))
	answerFault(p, w, http.StatusTooManyRequests)
}
