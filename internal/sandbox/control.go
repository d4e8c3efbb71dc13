package sandbox

import (
	"math"
	"net/http"
	"time"

	"github.com/customerops/terraform-provider-crm/internal/sandbox/httpjson"
)

// controlMux is the /_sandbox/ HTTP surface: the in-process Go API made
// reachable with curl for the standalone server. It needs no credentials.
func (s *Server) controlMux() http.Handler {
	m := http.NewServeMux()
	m.HandleFunc("GET /_sandbox/requests", s.getRequests)
	m.HandleFunc("DELETE /_sandbox/requests", func(w http.ResponseWriter, _ *http.Request) {
		s.ResetRequests()
		w.WriteHeader(http.StatusNoContent)
	})
	m.HandleFunc("GET /_sandbox/faults", func(w http.ResponseWriter, _ *http.Request) {
		out := make([]faultJSON, 0)
		for _, f := range s.Faults() {
			out = append(out, toFaultJSON(f))
		}
		httpjson.Reply(w, http.StatusOK, out)
	})
	m.HandleFunc("POST /_sandbox/faults", s.postFault)
	m.HandleFunc("DELETE /_sandbox/faults", func(w http.ResponseWriter, _ *http.Request) {
		s.ClearFaults()
		w.WriteHeader(http.StatusNoContent)
	})

	m.HandleFunc("GET /_sandbox/rate-limit", s.getRateLimit)
	m.HandleFunc("PUT /_sandbox/rate-limit", s.putRateLimit)

	m.HandleFunc("GET /_sandbox/normalize", func(w http.ResponseWriter, _ *http.Request) {
		httpjson.Reply(w, http.StatusOK, s.Normalize())
	})
	m.HandleFunc("PUT /_sandbox/normalize", s.putNormalize)

	for _, p := range s.mounts {
		p.store.Control(m, controlBase+p.Name)
	}
	return m
}

// requestJSON is a logged request for curl: the body as text, the arrival
// time in RFC 3339 and the latency as a Go duration ("1.5ms", "0s" while in
// flight).
type requestJSON struct {
	Platform    string              `json:"platform"`
	Method      string              `json:"method"`
	Path        string              `json:"path"`
	Query       map[string][]string `json:"query"`
	Header      map[string][]string `json:"header"`
	Body        string              `json:"body"`
	Status      int                 `json:"status"`
	Received    time.Time           `json:"received"`
	Latency     string              `json:"latency"`
	Fault       *faultJSON          `json:"fault,omitempty"`
	RateLimited bool                `json:"rate_limited,omitempty"`
}

func (s *Server) getRequests(w http.ResponseWriter, r *http.Request) {
	reqs := s.RequestsFor(r.URL.Query().Get("platform"))
	out := make([]requestJSON, len(reqs))
	for i, q := range reqs {
		out[i] = requestJSON{
			Platform: q.Platform, Method: q.Method, Path: q.Path, Query: q.Query, Header: q.Header,
			Body: string(q.Body), Status: q.Status, Received: q.Received, Latency: q.Latency.String(),
			RateLimited: q.RateLimited,
		}
		if q.Fault != nil {
			f := toFaultJSON(*q.Fault)
			out[i].Fault = &f
		}
	}
	httpjson.Reply(w, http.StatusOK, out)
}

// faultJSON is a Fault on the wire; latency is a Go duration ("20ms").
type faultJSON struct {
	Platform        string `json:"platform,omitempty"`
	Method          string `json:"method,omitempty"`
	Path            string `json:"path,omitempty"`
	Times           int    `json:"times,omitempty"`
	Percent         int    `json:"percent,omitempty"` // 1..100: that share of matching requests
	Latency         string `json:"latency,omitempty"`
	Status          int    `json:"status,omitempty"`
	RetryAfter      string `json:"retry_after,omitempty"`
	DropAfterCommit bool   `json:"drop_after_commit,omitempty"`
	// StatusAfterCommit: handle the request, then answer this status.
	StatusAfterCommit int `json:"status_after_commit,omitempty"`
	// Body: answer this body instead of handling the request.
	Body string `json:"body,omitempty"`
}

func toFaultJSON(f Fault) faultJSON {
	j := faultJSON{
		Platform: f.Platform, Method: f.Method, Path: f.Path, Times: f.Times, Percent: f.Percent,
		Status: f.Status, RetryAfter: f.RetryAfter, DropAfterCommit: f.DropAfterCommit,
		StatusAfterCommit: f.StatusAfterCommit, Body: f.Body,
	}
	if f.Latency > 0 {
		j.Latency = f.Latency.String()
	}
	return j
}

func (s *Server) postFault(w http.ResponseWriter, r *http.Request) {
	var j faultJSON
	if !httpjson.Decode(w, r, &j) {
		return
	}
	f := Fault{Platform: j.Platform, Method: j.Method, Path: j.Path, Times: j.Times, Percent: j.Percent, Status: j.Status, RetryAfter: j.RetryAfter, DropAfterCommit: j.DropAfterCommit, StatusAfterCommit: j.StatusAfterCommit, Body: j.Body}
	if j.Latency != "" {
		d, err := time.ParseDuration(j.Latency)
		if err != nil || d < 0 {
			httpjson.Fail(w, http.StatusBadRequest, "latency must be a Go duration such as \"20ms\"")
			return
		}
		f.Latency = d
	}
	if f.Times < 0 || f.Percent < 0 || f.Percent > 100 || (f.Status != 0 && (f.Status < 100 || f.Status > 599)) {
		httpjson.Fail(w, http.StatusBadRequest, "times must be >= 0, percent from 0 to 100 and status a valid HTTP status")
		return
	}
	s.InjectFault(f)
	httpjson.Reply(w, http.StatusCreated, toFaultJSON(f))
}

// rateLimitJSON is one platform's rate limit; 0 requests per second = none.
// On PUT an empty platform means every platform.
// rateLimitJSON is a platform's rate limit; headers (SetRateLimitHeaders)
// is shown only when on, and a PUT without it leaves it as it was.
type rateLimitJSON struct {
	Platform          string   `json:"platform"`
	RequestsPerSecond *float64 `json:"requests_per_second"`
	Headers           *bool    `json:"headers,omitempty"`
}

func (s *Server) getRateLimit(w http.ResponseWriter, _ *http.Request) {
	out := make([]rateLimitJSON, len(s.mounts))
	for i, p := range s.mounts {
		rps := s.RateLimit(p.Name)
		out[i] = rateLimitJSON{Platform: p.Name, RequestsPerSecond: &rps}
		if on := s.RateLimitHeaders(p.Name); on {
			out[i].Headers = &on
		}
	}
	httpjson.Reply(w, http.StatusOK, out)
}

func (s *Server) putRateLimit(w http.ResponseWriter, r *http.Request) {
	var j rateLimitJSON
	if !httpjson.Decode(w, r, &j) {
		return
	}
	known, example := j.Platform == "", "name"
	for i, p := range s.mounts {
		known = known || p.Name == j.Platform
		if i == 0 {
			example = p.Name // the error message's example
		}
	}
	if !known || j.RequestsPerSecond == nil || math.IsNaN(*j.RequestsPerSecond) || math.IsInf(*j.RequestsPerSecond, 0) {
		httpjson.Fail(w, http.StatusBadRequest, `send {"platform": "`+example+`", "requests_per_second": N}: a known platform or "" for all, N <= 0 for no limit`+
			` (and "headers": true to advertise it in RateLimit-* headers)`)
		return
	}
	s.SetRateLimit(j.Platform, *j.RequestsPerSecond)
	if j.Headers != nil {
		s.SetRateLimitHeaders(j.Platform, *j.Headers)
	}
	s.getRateLimit(w, r)
}
