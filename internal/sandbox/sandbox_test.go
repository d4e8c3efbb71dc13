package sandbox_test

import (
	"context"
	"errors"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/customerops/terraform-provider-crm/internal/sandbox"
	sbaxim "github.com/customerops/terraform-provider-crm/internal/sandbox/axim"
	"github.com/customerops/terraform-provider-crm/internal/sandbox/emulators"
	sbrazorpay "github.com/customerops/terraform-provider-crm/internal/sandbox/razorpay"
	sbwebcommander "github.com/customerops/terraform-provider-crm/internal/sandbox/webcommander"
	sbxtrakit "github.com/customerops/terraform-provider-crm/internal/sandbox/xtrakit"
)

func TestPlatformsAreMounted(t *testing.T) {
	s := started(t)
	if !strings.HasPrefix(s.URL(), "http://127.0.0.1:") || sbxtrakit.URL(s) != s.URL()+"/xtrakit/api/v1" || sbrazorpay.URL(s) != s.URL()+"/razorpay/v1" {
		t.Fatalf("URLs: %s %s %s", s.URL(), sbxtrakit.URL(s), sbrazorpay.URL(s))
	}
	if status, body, _ := call(t, "POST", sbxtrakit.URL(s)+"/customer-groups/add", sbxtrakit.Name, xtrakitGroup); status != 200 ||
		!strings.Contains(body, `"message":"Group created successfully"`) {
		t.Errorf("xtrakit create group: %d %s", status, body)
	}
	if g, ok := sbxtrakit.StoreOf(s).Groups.Get(1); !ok || g.GroupName != "VIP" {
		t.Errorf("xtrakit store: %+v %v", g, ok)
	}
	if status, body, _ := call(t, "POST", sbrazorpay.URL(s)+"/customers", sbrazorpay.Name, razorpayCustomer); status != 200 ||
		!strings.Contains(body, `"entity":"customer"`) {
		t.Errorf("razorpay create: %d %s", status, body)
	}
	if n := len(sbrazorpay.StoreOf(s).Customers.List()); n != 1 {
		t.Errorf("razorpay store has %d customers", n)
	}
	// Each platform's 401 body, and nothing outside the platforms, the
	// control surface and the console (/ and its own files, console_test.go).
	if status, body, _ := call(t, "GET", sbxtrakit.URL(s)+"/customers", "", ""); status != 401 ||
		body != `{"status":401,"error":"Unauthorized: Missing Bearer Token"}` {
		t.Errorf("xtrakit 401: %d %s", status, body)
	}
	if status, body, _ := call(t, "GET", sbrazorpay.URL(s)+"/customers", sbxtrakit.Name, ""); status != 401 ||
		body != `{"error":{"code":"BAD_REQUEST_ERROR","description":"The api key provided is invalid","source":"NA","step":"NA","reason":"NA","metadata":{}}}` {
		t.Errorf("razorpay 401: %d %s", status, body)
	}
	for _, p := range []string{"/nope", "/xtrakit", "/xtrakit/api/v1x/customers", "/razorpay/v2/customers", "/_console/", "/_console/nope"} {
		if status, _, _ := call(t, "GET", s.URL()+p, sbxtrakit.Name, ""); status != 404 {
			t.Errorf("GET %s: %d", p, status)
		}
	}
}

// TestPlatformsRefuseEachOthersCredentials: each platform answers its own
// 401 to the credentials the sandbox gives the other platforms.
func TestPlatformsRefuseEachOthersCredentials(t *testing.T) {
	s := started(t)
	for _, auth := range []string{sbxtrakit.Name, sbrazorpay.Name} {
		if status, body, _ := call(t, "GET", sbaxim.URL(s)+"/customers", auth, ""); status != 401 ||
			body != `{"success":false,"message":"Unauthorized"}` {
			t.Errorf("axim 401 with %q credentials: %d %s", auth, status, body)
		}
	}
	for _, auth := range []string{sbxtrakit.Name, sbrazorpay.Name, sbaxim.Name} {
		if status, body, _ := call(t, "GET", sbwebcommander.URL(s)+"/api/v4/admin/customers", auth, ""); status != 401 ||
			body != `{"status":"error","code":401,"message":"Invalid or expired access token","error":"unauthorized"}` {
			t.Errorf("webcommander 401 with %q credentials: %d %s", auth, status, body)
		}
	}
}

func TestRequestLog(t *testing.T) {
	s := started(t)
	call(t, "POST", sbxtrakit.URL(s)+"/customer-groups/add?trace=1", sbxtrakit.Name, xtrakitGroup)
	call(t, "GET", sbrazorpay.URL(s)+"/customers?count=5&skip=0", sbrazorpay.Name, "")
	call(t, "DELETE", sbrazorpay.URL(s)+"/customers/cust_AAAAAAAAAAAAAA", sbrazorpay.Name, "")
	call(t, "GET", sbxtrakit.URL(s)+"/customers/9", "", "")
	call(t, "GET", s.URL()+"/_sandbox/requests", "", "") // the control surface is not logged

	reqs := s.Requests()
	if len(reqs) != 4 {
		t.Fatalf("logged %d requests: %+v", len(reqs), reqs)
	}
	want := []struct {
		platform, method, path string
		status                 int
	}{
		{"xtrakit", "POST", "/customer-groups/add", 200},
		{"razorpay", "GET", "/customers", 200},
		{"razorpay", "DELETE", "/customers/cust_AAAAAAAAAAAAAA", 400},
		{"xtrakit", "GET", "/customers/9", 401},
	}
	for i, w := range want {
		r := reqs[i]
		if r.Platform != w.platform || r.Method != w.method || r.Path != w.path || r.Status != w.status {
			t.Errorf("request %d: %s %s %s %d, want %+v", i, r.Platform, r.Method, r.Path, r.Status, w)
		}
	}
	if string(reqs[0].Body) != xtrakitGroup || reqs[0].Query.Get("trace") != "1" ||
		reqs[0].Header.Get("Authorization") != "Bearer "+sbxtrakit.APIKey || reqs[0].Header.Get("Content-Type") != "application/json" {
		t.Errorf("request 0 details: %+v", reqs[0])
	}
	if q := reqs[1].Query; q.Get("count") != "5" || q.Get("skip") != "0" || len(reqs[1].Body) != 0 {
		t.Errorf("request 1 details: %+v", reqs[1])
	}
	if got := s.RequestsFor(sbrazorpay.Name); len(got) != 2 || got[0].Path != "/customers" {
		t.Errorf("RequestsFor(razorpay): %+v", got)
	}
	// Copies: changing one does not change the log.
	reqs[0].Body[0] = 'X'
	reqs[0].Header.Set("Authorization", "changed")
	reqs[0].Query.Set("trace", "2")
	again := s.Requests()[0]
	if again.Body[0] != '{' || again.Header.Get("Authorization") == "changed" || again.Query.Get("trace") != "1" {
		t.Error("Requests shares storage with the log")
	}
	s.ResetRequests()
	if n := len(s.Requests()); n != 0 {
		t.Errorf("%d requests after reset", n)
	}
}

func TestFaultStatusWithRetryAfter(t *testing.T) {
	s := started(t)
	s.InjectFault(sandbox.Fault{Platform: sbxtrakit.Name, Method: "POST", Path: "/customer-groups", Times: 2, Status: 429, RetryAfter: "1"})
	for i := range 2 {
		status, body, h := call(t, "POST", sbxtrakit.URL(s)+"/customer-groups/add", sbxtrakit.Name, xtrakitGroup)
		if status != 429 || h.Get("Retry-After") != "1" || body != `{"status":429,"error":"Too Many Requests"}` {
			t.Errorf("attempt %d: %d %q %s", i, status, h.Get("Retry-After"), body)
		}
	}
	if status, _, h := call(t, "POST", sbxtrakit.URL(s)+"/customer-groups/add", sbxtrakit.Name, xtrakitGroup); status != 200 || h.Get("Retry-After") != "" {
		t.Errorf("third attempt: %d", status)
	}
	// The faulted requests were not handled: one group exists, and the log says 429.
	if n := len(sbxtrakit.StoreOf(s).Groups.List()); n != 1 {
		t.Errorf("%d groups, want 1", n)
	}
	var statuses []int
	for _, r := range s.Requests() {
		statuses = append(statuses, r.Status)
	}
	if len(statuses) != 3 || statuses[0] != 429 || statuses[1] != 429 || statuses[2] != 200 {
		t.Errorf("logged statuses %v", statuses)
	}

	s.InjectFault(sandbox.Fault{Platform: sbrazorpay.Name, Times: 1, Status: 429, RetryAfter: "2"})
	status, body, h := call(t, "GET", sbrazorpay.URL(s)+"/customers", sbrazorpay.Name, "")
	if status != 429 || h.Get("Retry-After") != "2" ||
		body != `{"error":{"code":"BAD_REQUEST_ERROR","description":"Too many requests","source":"NA","step":"NA","reason":"NA","metadata":{}}}` {
		t.Errorf("razorpay 429: %d %s", status, body)
	}
}

func TestFaultServerErrors(t *testing.T) {
	s := started(t)
	for _, code := range []int{500, 502, 503, 504} {
		s.InjectFault(sandbox.Fault{Times: 2, Status: code})
		status, body, _ := call(t, "GET", sbxtrakit.URL(s)+"/customers", sbxtrakit.Name, "")
		if want := `{"status":` + strconv.Itoa(code) + `,"error":"` + http.StatusText(code) + `"}`; status != code || body != want {
			t.Errorf("xtrakit %d: %d %s", code, status, body)
		}
		status, body, _ = call(t, "GET", sbrazorpay.URL(s)+"/customers", sbrazorpay.Name, "")
		if want := `{"error":{"code":"SERVER_ERROR","description":"The server encountered an error. The incident has been reported to admins.","source":"NA","step":"NA","reason":"NA","metadata":{}}}`; status != code || body != want {
			t.Errorf("razorpay %d: %d %s", code, status, body)
		}
	}
}

func TestFaultMatching(t *testing.T) {
	s := started(t)
	s.InjectFault(sandbox.Fault{Platform: sbrazorpay.Name, Status: 503})                     // other platform
	s.InjectFault(sandbox.Fault{Platform: sbxtrakit.Name, Method: "DELETE", Status: 500})    // other method
	s.InjectFault(sandbox.Fault{Platform: sbxtrakit.Name, Path: "/customers/", Status: 502}) // prefix
	s.InjectFault(sandbox.Fault{Platform: sbxtrakit.Name, Status: 504, Times: 1})            // catch-all, once
	for _, tc := range []struct {
		method, path string
		want         int
	}{
		{"GET", "/customers/1", 502},
		{"DELETE", "/customers/1", 500},
		{"GET", "/customers", 504}, // "/customers" lacks the "/customers/" prefix
		{"GET", "/customers", 200}, // the once-only fault is spent
		{"GET", "/customer-groups", 200},
	} {
		if status, _, _ := call(t, tc.method, sbxtrakit.URL(s)+tc.path, sbxtrakit.Name, ""); status != tc.want {
			t.Errorf("%s %s: %d, want %d", tc.method, tc.path, status, tc.want)
		}
	}
	s.ClearFaults()
	if status, _, _ := call(t, "GET", sbrazorpay.URL(s)+"/customers", sbrazorpay.Name, ""); status != 200 {
		t.Errorf("after ClearFaults: %d", status)
	}
}

// TestFaultsStayOnTheirPlatform: a fault injected for one platform, on
// every request, leaves the other platforms' APIs alone.
func TestFaultsStayOnTheirPlatform(t *testing.T) {
	s := started(t)
	s.InjectFault(sandbox.Fault{Platform: sbwebcommander.Name, Status: 500})
	if status, _, _ := call(t, "GET", sbaxim.URL(s)+"/customers", sbaxim.Name, ""); status != 200 {
		t.Errorf("axim under a webcommander fault: %d", status)
	}
	s.InjectFault(sandbox.Fault{Platform: sbaxim.Name, Status: 503})
	if status, _, _ := call(t, "GET", sbxtrakit.URL(s)+"/customers", sbxtrakit.Name, ""); status != 200 {
		t.Errorf("xtrakit under an axim fault: %d", status)
	}
}

func TestFaultLatency(t *testing.T) {
	s := started(t)
	s.InjectFault(sandbox.Fault{Platform: sbxtrakit.Name, Latency: 100 * time.Millisecond, Times: 1})
	start := time.Now()
	if status, _, _ := call(t, "GET", sbxtrakit.URL(s)+"/customers", sbxtrakit.Name, ""); status != 200 {
		t.Errorf("status %d", status)
	}
	if d := time.Since(start); d < 100*time.Millisecond {
		t.Errorf("answered after %v", d)
	}

	// A client that gives up is not kept waiting, and its request is logged with status 0.
	s.ResetRequests()
	s.InjectFault(sandbox.Fault{Platform: sbxtrakit.Name, Method: "POST", Latency: time.Hour})
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	req, _ := http.NewRequestWithContext(ctx, "POST", sbxtrakit.URL(s)+"/customer-groups/add", strings.NewReader(xtrakitGroup))
	req.Header.Set("Authorization", "Bearer "+sbxtrakit.APIKey)
	if _, err := http.DefaultClient.Do(req); !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("err = %v", err)
	}
	deadline := time.Now().Add(2 * time.Second)
	for {
		reqs := s.Requests()
		if len(reqs) == 1 && reqs[0].Status == 0 && len(sbxtrakit.StoreOf(s).Groups.List()) == 0 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("log %+v, groups %d", reqs, len(sbxtrakit.StoreOf(s).Groups.List()))
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// DropAfterCommit: the record is created, then the client gets no response.
func TestFaultDropAfterCommit(t *testing.T) {
	for _, tc := range []struct {
		platform, url, body string
		count               func(*sandbox.Server) int
	}{
		{sbxtrakit.Name, "/xtrakit/api/v1/customers/add", xtrakitCustomer, func(s *sandbox.Server) int { return len(sbxtrakit.StoreOf(s).Customers.List()) }},
		{sbrazorpay.Name, "/razorpay/v1/customers", razorpayCustomer, func(s *sandbox.Server) int { return len(sbrazorpay.StoreOf(s).Customers.List()) }},
		{sbaxim.Name, "/axim/api/customers", aximCustomer, func(s *sandbox.Server) int { return len(sbaxim.StoreOf(s).Customers.List()) }},
	} {
		t.Run(tc.platform, func(t *testing.T) {
			s := started(t)
			s.InjectFault(sandbox.Fault{Platform: tc.platform, Method: "POST", Times: 1, DropAfterCommit: true})
			resp, err := send("POST", s.URL()+tc.url, tc.platform, tc.body)
			if err == nil {
				resp.Body.Close()
				t.Fatalf("got a response %d, want a connection error", resp.StatusCode)
			}
			var uerr *url.Error
			if !errors.As(err, &uerr) {
				t.Errorf("error %T %v", err, err)
			}
			if n := tc.count(s); n != 1 {
				t.Fatalf("%d records committed, want 1", n)
			}
			reqs := s.Requests()
			if len(reqs) != 1 || reqs[0].Status != 0 || string(reqs[0].Body) != tc.body {
				t.Errorf("log: %+v", reqs)
			}
			// The fault is spent: the server answers normally again.
			if status, _, _ := call(t, "GET", s.URL()+strings.TrimSuffix(tc.url, "/add"), tc.platform, ""); status != 200 {
				t.Errorf("after the drop: %d", status)
			}
		})
	}
}

// Via Handler() without a real connection the drop aborts the handler, as
// net/http expects, so the fault also works under httptest servers.
func TestDropWithoutHijacker(t *testing.T) {
	s := emulators.New()
	s.InjectFault(sandbox.Fault{DropAfterCommit: true})
	defer func() {
		if r, _ := recover().(error); !errors.Is(r, http.ErrAbortHandler) {
			t.Errorf("recovered %v, want http.ErrAbortHandler", r)
		}
		if len(sbxtrakit.StoreOf(s).Groups.List()) != 1 {
			t.Error("not committed")
		}
	}()
	req, _ := http.NewRequest("POST", "/xtrakit/api/v1/customer-groups/add", strings.NewReader(xtrakitGroup))
	req.Header.Set("Authorization", "Bearer "+sbxtrakit.APIKey)
	s.Handler().ServeHTTP(noHijack{http.Header{}}, req)
}

type noHijack struct{ h http.Header }

func (n noHijack) Header() http.Header       { return n.h }
func (noHijack) Write(b []byte) (int, error) { return len(b), nil }
func (noHijack) WriteHeader(int)             {}

func TestConcurrentRequests(t *testing.T) {
	s := started(t)
	s.InjectFault(sandbox.Fault{Platform: sbrazorpay.Name, Times: 10, Status: 503})
	var wg sync.WaitGroup
	for i := range 40 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var resp *http.Response
			var err error
			if i%2 == 0 {
				resp, err = send("POST", sbxtrakit.URL(s)+"/customer-groups/add", sbxtrakit.Name, xtrakitGroup)
			} else {
				resp, err = send("GET", sbrazorpay.URL(s)+"/customers", sbrazorpay.Name, "")
			}
			if err != nil {
				t.Error(err)
				return
			}
			resp.Body.Close()
			s.Requests()
		}()
	}
	wg.Wait()
	var n503 int
	for _, r := range s.RequestsFor(sbrazorpay.Name) {
		if r.Status == 503 {
			n503++
		}
	}
	if len(s.Requests()) != 40 || n503 != 10 || len(sbxtrakit.StoreOf(s).Groups.List()) != 20 {
		t.Errorf("requests %d, 503s %d, groups %d", len(s.Requests()), n503, len(sbxtrakit.StoreOf(s).Groups.List()))
	}
}

// StatusAfterCommit: the record is created, then the client gets the
// platform's error body with the fault's status, as from a gateway.
func TestFaultStatusAfterCommit(t *testing.T) {
	for _, tc := range []struct {
		platform, url, body, want string
		count                     func(*sandbox.Server) int
	}{
		{sbxtrakit.Name, "/xtrakit/api/v1/customers/add", xtrakitCustomer, `"status":502`, func(s *sandbox.Server) int { return len(sbxtrakit.StoreOf(s).Customers.List()) }},
		{sbrazorpay.Name, "/razorpay/v1/customers", razorpayCustomer, `"error"`, func(s *sandbox.Server) int { return len(sbrazorpay.StoreOf(s).Customers.List()) }},
		{sbaxim.Name, "/axim/api/customers", aximCustomer, `"success":false`, func(s *sandbox.Server) int { return len(sbaxim.StoreOf(s).Customers.List()) }},
	} {
		t.Run(tc.platform, func(t *testing.T) {
			s := started(t)
			s.InjectFault(sandbox.Fault{Platform: tc.platform, Method: "POST", Times: 1, StatusAfterCommit: 502})
			status, body, _ := call(t, "POST", s.URL()+tc.url, tc.platform, tc.body)
			if status != 502 || !strings.Contains(body, tc.want) {
				t.Errorf("got %d %s, want 502 with the platform's error body", status, body)
			}
			if n := tc.count(s); n != 1 {
				t.Errorf("%d records committed, want 1", n)
			}
			if reqs := s.Requests(); len(reqs) != 1 || reqs[0].Status != 502 {
				t.Errorf("log: %+v", reqs)
			}
		})
	}
}

// Body: the request is not handled; the client gets exactly that body,
// with the fault's status or 200.
func TestFaultBody(t *testing.T) {
	s := started(t)
	s.InjectFault(sandbox.Fault{Platform: sbxtrakit.Name, Method: "POST", Times: 1, Body: `{"data":{"customer":`})
	s.InjectFault(sandbox.Fault{Platform: sbxtrakit.Name, Method: "GET", Times: 1, Status: 502, Body: "<html>Bad Gateway</html>"})
	status, body, _ := call(t, "POST", s.URL()+"/xtrakit/api/v1/customers/add", sbxtrakit.Name, xtrakitCustomer)
	if status != 200 || body != `{"data":{"customer":` {
		t.Errorf("POST: %d %q", status, body)
	}
	if n := len(sbxtrakit.StoreOf(s).Customers.List()); n != 0 {
		t.Errorf("%d customers committed, want none", n)
	}
	status, body, _ = call(t, "GET", s.URL()+"/xtrakit/api/v1/customers", sbxtrakit.Name, "")
	if status != 502 || body != "<html>Bad Gateway</html>" {
		t.Errorf("GET: %d %q", status, body)
	}
}
