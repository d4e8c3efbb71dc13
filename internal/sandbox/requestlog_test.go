package sandbox_test

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/customerops/terraform-provider-crm/internal/sandbox"
	sbrazorpay "github.com/customerops/terraform-provider-crm/internal/sandbox/razorpay"
	sbxtrakit "github.com/customerops/terraform-provider-crm/internal/sandbox/xtrakit"
)

// The log says when each request arrived, how long it took, and what
// answered it: an injected fault (with its latency counted), the rate limit,
// or the platform.
func TestRequestLogTimingAndFault(t *testing.T) {
	s := started(t)
	before := time.Now()
	s.InjectFault(sandbox.Fault{Platform: sbxtrakit.Name, Method: "GET", Times: 1, Latency: 30 * time.Millisecond, Status: 503})
	call(t, "GET", sbxtrakit.URL(s)+"/customers", sbxtrakit.Name, "")
	call(t, "GET", sbxtrakit.URL(s)+"/customers", sbxtrakit.Name, "")
	s.SetRateLimit(sbrazorpay.Name, 0.001) // a burst of one, then 429s
	call(t, "GET", sbrazorpay.URL(s)+"/customers", sbrazorpay.Name, "")
	call(t, "GET", sbrazorpay.URL(s)+"/customers", sbrazorpay.Name, "")
	after := time.Now()

	reqs := s.Requests()
	if len(reqs) != 4 {
		t.Fatalf("logged %d requests", len(reqs))
	}
	for i, r := range reqs {
		if r.Received.Before(before) || r.Received.After(after) || r.Latency <= 0 || r.Latency > after.Sub(before) {
			t.Errorf("request %d: received %v, latency %v, outside the test's %v..%v", i, r.Received, r.Latency, before, after)
		}
		if i > 0 && r.Received.Before(reqs[i-1].Received) {
			t.Errorf("request %d arrived before request %d", i, i-1)
		}
	}
	if r := reqs[0]; r.Status != 503 || r.Fault == nil || r.Fault.Status != 503 || r.Fault.Latency != 30*time.Millisecond ||
		r.Latency < 30*time.Millisecond || r.RateLimited {
		t.Errorf("faulted request: %+v", r)
	}
	if r := reqs[1]; r.Status != 200 || r.Fault != nil || r.RateLimited {
		t.Errorf("plain request: %+v", r)
	}
	if r := reqs[2]; r.Status != 200 || r.RateLimited {
		t.Errorf("first razorpay request: %+v", r)
	}
	if r := reqs[3]; r.Status != 429 || !r.RateLimited || r.Fault != nil {
		t.Errorf("rate-limited request: %+v", r)
	}
	// A copy: changing it leaves the log as it was.
	reqs[0].Fault.Status = 200
	if s.Requests()[0].Fault.Status != 503 {
		t.Error("Requests shares the fault with the log")
	}

	// The control surface has them too.
	status, body, _ := call(t, "GET", s.URL()+"/_sandbox/requests", "", "")
	var log []struct {
		Status      int       `json:"status"`
		Received    time.Time `json:"received"`
		Latency     string    `json:"latency"`
		RateLimited bool      `json:"rate_limited"`
		Fault       *struct {
			Status  int    `json:"status"`
			Latency string `json:"latency"`
		} `json:"fault"`
	}
	if err := json.Unmarshal([]byte(body), &log); status != 200 || err != nil || len(log) != 4 {
		t.Fatalf("GET requests: %d %v %s", status, err, body)
	}
	if d, err := time.ParseDuration(log[0].Latency); err != nil || d < 30*time.Millisecond ||
		log[0].Fault == nil || log[0].Fault.Status != 503 || log[0].Fault.Latency != "30ms" || !log[0].Received.Equal(reqs[0].Received) {
		t.Errorf("logged fault over HTTP: %+v (%s)", log[0], body)
	}
	if log[1].Fault != nil || log[1].RateLimited || !log[3].RateLimited {
		t.Errorf("logged requests over HTTP: %s", body)
	}
}
