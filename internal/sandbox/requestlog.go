package sandbox

import (
	"net/http"
	"net/url"
	"slices"
	"time"
)

// Request is one request a platform received, as the client sent it.
type Request struct {
	Platform string // the Emulator's Name, e.g. "xtrakit"
	Method   string
	Path     string // relative to the platform base, e.g. "/customers/3"
	Query    url.Values
	Header   http.Header
	Body     []byte
	Status   int // status written; 0 if the connection was dropped or abandoned
	// Received is when the request arrived; Latency how long the sandbox
	// took from then to answer it (or to drop or abandon it), injected
	// latency included. Latency is 0 while the request is in flight.
	Received time.Time
	Latency  time.Duration
	// Fault is the injected fault that applied to the request, nil if none;
	// RateLimited says the platform's rate limit answered it (429) instead.
	Fault       *Fault
	RateLimited bool

	done bool // answered, dropped or abandoned: no longer in flight
}

// record appends r at arrival, so the log keeps arrival order even when a
// later request finishes first.
func (s *Server) record(r *Request) {
	s.logMu.Lock()
	s.log = append(s.log, r)
	s.logMu.Unlock()
}

// update changes a logged request under the log's lock: readers copy it
// while it is in flight.
func (s *Server) update(r *Request, change func(*Request)) {
	s.logMu.Lock()
	change(r)
	s.logMu.Unlock()
}

// finish records how a request ended: the status written (0 when dropped
// or abandoned) and the time it took.
func (s *Server) finish(r *Request, status int) {
	s.update(r, func(r *Request) {
		r.Status, r.Latency, r.done = status, time.Since(r.Received), true
	})
}

// Requests returns a copy of the log, in arrival order.
func (s *Server) Requests() []Request { return s.RequestsFor("") }

// RequestsFor returns the logged requests of one platform ("" = all).
func (s *Server) RequestsFor(platform string) []Request {
	s.logMu.Lock()
	defer s.logMu.Unlock()
	out := make([]Request, 0, len(s.log))
	for _, r := range s.log {
		if platform == "" || r.Platform == platform {
			c := *r
			c.Query = cloneValues(r.Query)
			c.Header = r.Header.Clone()
			c.Body = slices.Clone(r.Body)
			if r.Fault != nil {
				f := *r.Fault
				c.Fault = &f
			}
			out = append(out, c)
		}
	}
	return out
}

// ResetRequests empties the log. Requests still in flight are not re-added.
func (s *Server) ResetRequests() {
	s.logMu.Lock()
	s.log = nil
	s.logMu.Unlock()
}

func cloneValues(v url.Values) url.Values {
	return url.Values(http.Header(v).Clone())
}
