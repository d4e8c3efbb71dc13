package sandbox

import (
	"net/http"
	"net/url"
	"slices"
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
}

// record appends r at arrival, so the log keeps arrival order even when a
// later request finishes first.
func (s *Server) record(r *Request) {
	s.logMu.Lock()
	s.log = append(s.log, r)
	s.logMu.Unlock()
}

func (s *Server) setStatus(r *Request, status int) {
	s.logMu.Lock()
	r.Status = status
	s.logMu.Unlock()
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
