package sandbox_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/customerops/terraform-provider-crm/internal/sandbox"
	sbaxim "github.com/customerops/terraform-provider-crm/internal/sandbox/axim"
	sbrazorpay "github.com/customerops/terraform-provider-crm/internal/sandbox/razorpay"
	sbxtrakit "github.com/customerops/terraform-provider-crm/internal/sandbox/xtrakit"
)

// A Percent fault takes that share of matching requests, spread evenly:
// request k when floor(k*P/100) > floor((k-1)*P/100).
func TestFaultPercent(t *testing.T) {
	s := started(t)
	s.InjectFault(sandbox.Fault{Platform: sbxtrakit.Name, Method: "GET", Percent: 30, Status: 503})
	var faulted []int
	for k := 1; k <= 20; k++ {
		status, _, _ := call(t, "GET", sbxtrakit.URL(s)+"/customers", sbxtrakit.Name, "")
		if status == 503 {
			faulted = append(faulted, k)
		} else if status != 200 {
			t.Fatalf("request %d: %d", k, status)
		}
	}
	if want := []int{4, 7, 10, 14, 17, 20}; !slices.Equal(faulted, want) {
		t.Errorf("faulted requests %v, want %v", faulted, want)
	}
	// Requests it does not match do not count.
	call(t, "POST", sbxtrakit.URL(s)+"/customer-groups/add", sbxtrakit.Name, xtrakitGroup)
	if status, _, _ := call(t, "GET", sbxtrakit.URL(s)+"/customers", sbxtrakit.Name, ""); status != 200 { // k = 21
		t.Errorf("request 21: %d", status)
	}
}

// Times counts faulted requests; a request outside a fault's share goes on
// to the faults after it.
func TestFaultPercentTimesAndChain(t *testing.T) {
	s := started(t)
	s.InjectFault(sandbox.Fault{Platform: sbaxim.Name, Percent: 50, Times: 2, Status: 503})
	s.InjectFault(sandbox.Fault{Platform: sbaxim.Name, Status: 502})
	var got []int
	for range 7 {
		status, _, _ := call(t, "GET", sbaxim.URL(s)+"/customers", sbaxim.Name, "")
		got = append(got, status)
	}
	if want := []int{502, 503, 502, 503, 502, 502, 502}; !slices.Equal(got, want) {
		t.Errorf("statuses %v, want %v", got, want)
	}
	if f := s.Faults(); len(f) != 1 || f[0].Status != 502 {
		t.Errorf("live faults %+v, want only the 502", f)
	}
}

// A Body fault carries Retry-After too: a 503 HTML page from a proxy.
func TestFaultBodyRetryAfter(t *testing.T) {
	s := started(t)
	s.InjectFault(sandbox.Fault{Platform: sbrazorpay.Name, Times: 1, Status: 503, RetryAfter: "1", Body: "<html>Service Unavailable</html>"})
	status, body, h := call(t, "GET", sbrazorpay.URL(s)+"/customers", sbrazorpay.Name, "")
	if status != 503 || body != "<html>Service Unavailable</html>" || h.Get("Retry-After") != "1" {
		t.Errorf("%d %q Retry-After %q", status, body, h.Get("Retry-After"))
	}
}

func TestControlFaultPercent(t *testing.T) {
	s := started(t)
	status, body, _ := call(t, "POST", s.URL()+"/_sandbox/faults", "",
		`{"platform":"axim","percent":30,"status":503,"retry_after":"1","body":"<html>x</html>"}`)
	if status != 201 || !strings.Contains(body, `"percent":30`) {
		t.Fatalf("POST: %d %s", status, body)
	}
	if f := s.Faults(); len(f) != 1 || f[0].Percent != 30 || f[0].Body != "<html>x</html>" || f[0].RetryAfter != "1" {
		t.Errorf("fault %+v", f)
	}
	if _, body, _ := call(t, "GET", s.URL()+"/_sandbox/faults", "", ""); !strings.Contains(body, `"percent":30`) {
		t.Errorf("GET: %s", body)
	}
	for _, bad := range []string{`{"percent":101}`, `{"percent":-1}`} {
		if status, _, _ := call(t, "POST", s.URL()+"/_sandbox/faults", "", bad); status != 400 {
			t.Errorf("POST %s: %d", bad, status)
		}
	}
}
