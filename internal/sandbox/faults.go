package sandbox

import (
	"bytes"
	"cmp"
	"io"
	"net/http"
	"strings"
	"time"

	"github.com/customerops/terraform-provider-crm/internal/sandbox/httpjson"
)

// Fault changes how matching platform requests are answered. Faults are
// matched in the order injected; the first live one that matches and takes
// the request (see Percent) applies.
type Fault struct {
	Platform string // "" = any
	Method   string // "" = any
	Path     string // prefix of the platform-relative path; "" = any
	Times    int    // requests it applies to (faulted ones, with Percent); 0 = forever
	// Percent, from 1 to 100, applies the fault to that share of the
	// matching requests, spread evenly and deterministically: matching
	// request k (from 1) is faulted when floor(k*P/100) > floor((k-1)*P/100),
	// so 30 faults 3 of every 10. A matching request it does not take goes on
	// to the faults injected after it. 0 = every matching request.
	Percent int

	// Latency is slept before anything else; a request whose context ends
	// meanwhile is abandoned (logged with status 0).
	Latency time.Duration
	// Status, if non-zero, is answered without handling, with the platform's
	// own error body. It takes precedence over DropAfterCommit.
	Status     int
	RetryAfter string // Retry-After header sent with Status or Body
	// Body, if set, is answered instead of the platform's error body, with
	// Status (200 when Status is 0), and no handling: a broken answer
	// (truncated JSON, wrong types, an HTML page) from a proxy or a bug.
	Body string
	// DropAfterCommit handles the request fully, so its write is committed,
	// then closes the connection without writing any response.
	DropAfterCommit bool
	// StatusAfterCommit, if non-zero, handles the request fully, so its
	// write is committed, then answers this status with the platform's own
	// error body: a gateway that gave up while the origin committed.
	StatusAfterCommit int
}

type activeFault struct {
	Fault
	used    int // requests faulted
	matched int // matching requests seen, for Percent
}

// takes says whether matching request k (from 1) falls in a share of
// percent: floor(k*P/100) > floor((k-1)*P/100).
func takes(percent, k int) bool {
	if percent <= 0 || percent >= 100 {
		return true
	}
	return k*percent/100 > (k-1)*percent/100
}

// InjectFault adds f after the faults already injected.
func (s *Server) InjectFault(f Fault) {
	s.faultMu.Lock()
	s.faults = append(s.faults, &activeFault{Fault: f})
	s.faultMu.Unlock()
}

// ClearFaults removes every fault.
func (s *Server) ClearFaults() {
	s.faultMu.Lock()
	s.faults = nil
	s.faultMu.Unlock()
}

// Faults returns the faults still live, in order.
func (s *Server) Faults() []Fault {
	s.faultMu.Lock()
	defer s.faultMu.Unlock()
	out := make([]Fault, 0, len(s.faults))
	for _, f := range s.faults {
		out = append(out, f.Fault)
	}
	return out
}

// takeFault returns the fault for one request and uses it up once; spent
// faults are dropped.
func (s *Server) takeFault(platform, method, path string) (Fault, bool) {
	s.faultMu.Lock()
	defer s.faultMu.Unlock()
	for i, f := range s.faults {
		if (f.Platform != "" && f.Platform != platform) ||
			(f.Method != "" && !strings.EqualFold(f.Method, method)) ||
			!strings.HasPrefix(path, f.Path) {
			continue
		}
		f.matched++
		if !takes(f.Percent, f.matched) {
			continue
		}
		f.used++
		if f.Times > 0 && f.used >= f.Times {
			s.faults = append(s.faults[:i:i], s.faults[i+1:]...)
		}
		return f.Fault, true
	}
	return Fault{}, false
}

// serve logs one platform request, applies any fault, and hands the request
// to the platform with its path made relative to the platform base.
func (s *Server) serve(p *mount, rel string, w http.ResponseWriter, r *http.Request) {
	received := time.Now()
	var body []byte
	if r.Body != nil {
		body, _ = io.ReadAll(io.LimitReader(r.Body, httpjson.MaxBody+1))
	}
	entry := &Request{
		Platform: p.Name, Method: r.Method, Path: rel,
		Query: r.URL.Query(), Header: r.Header.Clone(), Body: body, Received: received,
	}
	s.record(entry)
	// The status the client got, logged with the latency as serve returns
	// (before the response is flushed); 0 if dropped or abandoned.
	status := 0
	defer func() { s.finish(entry, status) }()

	if wait, over := s.overRate(p.Name, w.Header()); over {
		s.update(entry, func(r *Request) { r.RateLimited = true })
		answerRateLimited(p, w, wait)
		status = http.StatusTooManyRequests
		return
	}
	f, faulty := s.takeFault(p.Name, r.Method, rel)
	if faulty {
		s.update(entry, func(r *Request) { r.Fault = &f })
	}
	if faulty && f.Latency > 0 {
		t := time.NewTimer(f.Latency)
		select {
		case <-t.C:
		case <-r.Context().Done():
			t.Stop()
			return
		}
	}
	if faulty && f.Body != "" {
		if f.RetryAfter != "" {
			w.Header().Set("Retry-After", f.RetryAfter)
		}
		status = cmp.Or(f.Status, http.StatusOK)
		w.WriteHeader(status)
		_, _ = io.WriteString(w, f.Body)
		return
	}
	if faulty && f.Status != 0 {
		if f.RetryAfter != "" {
			w.Header().Set("Retry-After", f.RetryAfter)
		}
		answerFault(p, w, f.Status)
		status = f.Status
		return
	}

	r2 := new(http.Request)
	*r2 = *r
	u := *r.URL
	u.Path, u.RawPath = rel, ""
	r2.URL = &u
	r2.Body = io.NopCloser(bytes.NewReader(body))

	if faulty && f.DropAfterCommit {
		p.handler.ServeHTTP(discard{h: http.Header{}}, r2)
		dropConnection(w)
		return
	}
	if faulty && f.StatusAfterCommit != 0 {
		p.handler.ServeHTTP(discard{h: http.Header{}}, r2)
		answerFault(p, w, f.StatusAfterCommit)
		status = f.StatusAfterCommit
		return
	}
	sw := &statusWriter{ResponseWriter: w}
	p.handler.ServeHTTP(sw, r2)
	status = cmp.Or(sw.status, http.StatusOK)
}

// answerFault answers status as the platform would: its own error body
// and headers.
func answerFault(p *mount, w http.ResponseWriter, status int) {
	if p.FaultHeader != nil {
		p.FaultHeader(status, w.Header())
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_, _ = w.Write(p.FaultBody(status))
}

// dropConnection closes the client connection with nothing written. Without
// a hijackable connection (HTTP/2), aborting the handler resets the stream.
func dropConnection(w http.ResponseWriter) {
	conn, _, err := http.NewResponseController(w).Hijack()
	if err != nil {
		panic(http.ErrAbortHandler)
	}
	_ = conn.Close()
}

// statusWriter remembers the status the platform wrote.
type statusWriter struct {
	http.ResponseWriter
	status int
}

func (w *statusWriter) WriteHeader(code int) {
	if w.status == 0 {
		w.status = code
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusWriter) Write(b []byte) (int, error) {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	return w.ResponseWriter.Write(b)
}

func (w *statusWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// discard swallows the response of a request whose connection is dropped.
type discard struct{ h http.Header }

func (d discard) Header() http.Header       { return d.h }
func (discard) Write(b []byte) (int, error) { return len(b), nil }
func (discard) WriteHeader(int)             {}
