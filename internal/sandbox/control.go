package sandbox

import (
	"math"
	"net/http"
	"strconv"
	"time"

	"github.com/customerops/terraform-provider-crm/internal/sandbox/axim"
	"github.com/customerops/terraform-provider-crm/internal/sandbox/razorpay"
	"github.com/customerops/terraform-provider-crm/internal/sandbox/xtrakit"

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
		for _, f := range s.faultList() {
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

	x := s.xtrakit
	m.HandleFunc("GET /_sandbox/xtrakit/customers", func(w http.ResponseWriter, _ *http.Request) {
		httpjson.Reply(w, http.StatusOK, x.Customers())
	})
	m.HandleFunc("POST /_sandbox/xtrakit/customers", func(w http.ResponseWriter, r *http.Request) {
		var c xtrakit.Customer
		if httpjson.Decode(w, r, &c) {
			httpjson.Reply(w, http.StatusCreated, x.SeedCustomer(c))
		}
	})
	m.HandleFunc("GET /_sandbox/xtrakit/customers/{id}", withInt(func(w http.ResponseWriter, _ *http.Request, id int64) {
		c, ok := x.Customer(id)
		found(w, ok, c)
	}))
	m.HandleFunc("PATCH /_sandbox/xtrakit/customers/{id}", withInt(func(w http.ResponseWriter, r *http.Request, id int64) {
		patch(w, r, func(p map[string]any) error { return x.MutateCustomer(id, p) }, func() (any, bool) { return x.Customer(id) })
	}))
	m.HandleFunc("DELETE /_sandbox/xtrakit/customers/{id}", withInt(func(w http.ResponseWriter, _ *http.Request, id int64) {
		deleted(w, x.DeleteCustomer(id))
	}))
	m.HandleFunc("GET /_sandbox/xtrakit/customer-groups", func(w http.ResponseWriter, _ *http.Request) {
		httpjson.Reply(w, http.StatusOK, x.Groups())
	})
	m.HandleFunc("POST /_sandbox/xtrakit/customer-groups", func(w http.ResponseWriter, r *http.Request) {
		var g xtrakit.Group
		if httpjson.Decode(w, r, &g) {
			httpjson.Reply(w, http.StatusCreated, x.SeedGroup(g))
		}
	})
	m.HandleFunc("GET /_sandbox/xtrakit/customer-groups/{id}", withInt(func(w http.ResponseWriter, _ *http.Request, id int64) {
		g, ok := x.Group(id)
		found(w, ok, g)
	}))
	m.HandleFunc("PATCH /_sandbox/xtrakit/customer-groups/{id}", withInt(func(w http.ResponseWriter, r *http.Request, id int64) {
		patch(w, r, func(p map[string]any) error { return x.MutateGroup(id, p) }, func() (any, bool) { return x.Group(id) })
	}))
	m.HandleFunc("DELETE /_sandbox/xtrakit/customer-groups/{id}", withInt(func(w http.ResponseWriter, _ *http.Request, id int64) {
		deleted(w, x.DeleteGroup(id))
	}))

	rz := s.razorpay
	m.HandleFunc("GET /_sandbox/razorpay/customers", func(w http.ResponseWriter, _ *http.Request) {
		httpjson.Reply(w, http.StatusOK, rz.All())
	})
	m.HandleFunc("POST /_sandbox/razorpay/customers", func(w http.ResponseWriter, r *http.Request) {
		var c razorpay.Customer
		if httpjson.Decode(w, r, &c) {
			httpjson.Reply(w, http.StatusCreated, rz.Seed(c))
		}
	})
	m.HandleFunc("GET /_sandbox/razorpay/customers/{id}", func(w http.ResponseWriter, r *http.Request) {
		c, ok := rz.Get(r.PathValue("id"))
		found(w, ok, c)
	})
	m.HandleFunc("PATCH /_sandbox/razorpay/customers/{id}", func(w http.ResponseWriter, r *http.Request) {
		id := r.PathValue("id")
		patch(w, r, func(p map[string]any) error { return rz.Mutate(id, p) }, func() (any, bool) { return rz.Get(id) })
	})
	m.HandleFunc("DELETE /_sandbox/razorpay/customers/{id}", func(w http.ResponseWriter, r *http.Request) {
		deleted(w, rz.Remove(r.PathValue("id")))
	})

	ax := s.axim
	m.HandleFunc("GET /_sandbox/axim/customers", func(w http.ResponseWriter, _ *http.Request) {
		httpjson.Reply(w, http.StatusOK, ax.All())
	})
	m.HandleFunc("POST /_sandbox/axim/customers", func(w http.ResponseWriter, r *http.Request) {
		var c axim.Customer
		if httpjson.Decode(w, r, &c) {
			httpjson.Reply(w, http.StatusCreated, ax.Seed(c))
		}
	})
	m.HandleFunc("GET /_sandbox/axim/customers/{id}", func(w http.ResponseWriter, r *http.Request) {
		c, ok := ax.Get(r.PathValue("id"))
		found(w, ok, c)
	})
	m.HandleFunc("PATCH /_sandbox/axim/customers/{id}", func(w http.ResponseWriter, r *http.Request) {
		id := r.PathValue("id")
		patch(w, r, func(p map[string]any) error { return ax.Mutate(id, p) }, func() (any, bool) { return ax.Get(id) })
	})
	m.HandleFunc("DELETE /_sandbox/axim/customers/{id}", func(w http.ResponseWriter, r *http.Request) {
		deleted(w, ax.Delete(r.PathValue("id")))
	})
	s.webcommanderControl(m)
	return m
}

// requestJSON is a logged request for curl: the body as text.
type requestJSON struct {
	Platform string              `json:"platform"`
	Method   string              `json:"method"`
	Path     string              `json:"path"`
	Query    map[string][]string `json:"query"`
	Header   map[string][]string `json:"header"`
	Body     string              `json:"body"`
	Status   int                 `json:"status"`
}

func (s *Server) getRequests(w http.ResponseWriter, r *http.Request) {
	reqs := s.RequestsFor(r.URL.Query().Get("platform"))
	out := make([]requestJSON, len(reqs))
	for i, q := range reqs {
		out[i] = requestJSON{q.Platform, q.Method, q.Path, q.Query, q.Header, string(q.Body), q.Status}
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
type rateLimitJSON struct {
	Platform          string   `json:"platform"`
	RequestsPerSecond *float64 `json:"requests_per_second"`
}

func (s *Server) getRateLimit(w http.ResponseWriter, _ *http.Request) {
	out := make([]rateLimitJSON, len(s.platforms))
	for i, p := range s.platforms {
		rps := s.RateLimit(p.name)
		out[i] = rateLimitJSON{p.name, &rps}
	}
	httpjson.Reply(w, http.StatusOK, out)
}

func (s *Server) putRateLimit(w http.ResponseWriter, r *http.Request) {
	var j rateLimitJSON
	if !httpjson.Decode(w, r, &j) {
		return
	}
	known := j.Platform == ""
	for _, p := range s.platforms {
		known = known || p.name == j.Platform
	}
	if !known || j.RequestsPerSecond == nil || math.IsNaN(*j.RequestsPerSecond) || math.IsInf(*j.RequestsPerSecond, 0) {
		httpjson.Fail(w, http.StatusBadRequest, `send {"platform": "xtrakit", "requests_per_second": N}: a known platform or "" for all, N <= 0 for no limit`)
		return
	}
	s.SetRateLimit(j.Platform, *j.RequestsPerSecond)
	s.getRateLimit(w, r)
}

func withInt(h func(http.ResponseWriter, *http.Request, int64)) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
		if err != nil {
			httpjson.Fail(w, http.StatusNotFound, "not found")
			return
		}
		h(w, r, id)
	}
}

func found(w http.ResponseWriter, ok bool, v any) {
	if !ok {
		httpjson.Fail(w, http.StatusNotFound, "not found")
		return
	}
	httpjson.Reply(w, http.StatusOK, v)
}

// patch applies a JSON object to a stored record and answers the result.
func patch(w http.ResponseWriter, r *http.Request, apply func(map[string]any) error, get func() (any, bool)) {
	if _, ok := get(); !ok {
		httpjson.Fail(w, http.StatusNotFound, "not found")
		return
	}
	var p map[string]any
	if !httpjson.Decode(w, r, &p) {
		return
	}
	if err := apply(p); err != nil {
		httpjson.Fail(w, http.StatusBadRequest, err.Error())
		return
	}
	v, ok := get()
	found(w, ok, v)
}

func deleted(w http.ResponseWriter, ok bool) {
	if !ok {
		httpjson.Fail(w, http.StatusNotFound, "not found")
		return
	}
	w.WriteHeader(http.StatusNoContent)
}
