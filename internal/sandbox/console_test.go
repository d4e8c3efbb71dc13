package sandbox_test

import (
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/customerops/terraform-provider-crm/internal/sandbox"
	sbaxim "github.com/customerops/terraform-provider-crm/internal/sandbox/axim"
	"github.com/customerops/terraform-provider-crm/internal/sandbox/emulators"
	sbrazorpay "github.com/customerops/terraform-provider-crm/internal/sandbox/razorpay"
	sbstripe "github.com/customerops/terraform-provider-crm/internal/sandbox/stripe"
	sbwebcommander "github.com/customerops/terraform-provider-crm/internal/sandbox/webcommander"
	sbxtrakit "github.com/customerops/terraform-provider-crm/internal/sandbox/xtrakit"
)

// consolePage serves s with httptest and GETs the console page.
func consolePage(t *testing.T, s *sandbox.Server) (*http.Response, string) {
	t.Helper()
	ts := httptest.NewServer(s.Handler())
	t.Cleanup(ts.Close)
	resp, err := http.Get(ts.URL + "/")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp, string(b)
}

func ptr[T any](v T) *T { return &v }

// The page shows every platform's records, the requests with their status,
// latency and fault, the live faults and the rate limits.
func TestConsoleShowsRecordsRequestsAndFaults(t *testing.T) {
	s := started(t)
	sbxtrakit.StoreOf(s).Customers.Seed(sbxtrakit.Customer{CustomerName: "Kofi Mensah", CustomerEmail: ptr("kofi@example.com")})
	sbxtrakit.StoreOf(s).Groups.Seed(sbxtrakit.Group{GroupName: "VIP group"})
	sbaxim.StoreOf(s).Customers.Seed(sbaxim.Customer{FirstName: "John", LastName: "Doe", Email: "john@aximcommerce.com", Status: "pending"})
	sbwebcommander.StoreOf(s).Customers.Seed(sbwebcommander.Customer{FirstName: "Ada", LastName: "Lovelace", Email: "ada@example.com", Status: "active"})
	sbstripe.StoreOf(s).Customers.Seed(sbstripe.Customer{Name: ptr("Jenny Rosen"), Email: ptr("jenny.rosen@example.com")})
	if status, body, _ := call(t, "POST", sbrazorpay.URL(s)+"/customers", sbrazorpay.Name, razorpayCustomer); status != 200 {
		t.Fatalf("razorpay create: %d %s", status, body)
	}
	rzp := sbrazorpay.StoreOf(s).Customers.List()[0]
	s.InjectFault(sandbox.Fault{Platform: sbxtrakit.Name, Method: "GET", Times: 1, Status: 503, RetryAfter: "1"})
	call(t, "GET", sbxtrakit.URL(s)+"/customers?page=2", sbxtrakit.Name, "")
	s.InjectFault(sandbox.Fault{Platform: sbaxim.Name, Method: "POST", Path: "/customers", Percent: 30, Times: 4, DropAfterCommit: true})
	s.SetRateLimit(sbstripe.Name, 2.5)

	resp, page := consolePage(t, s)
	if resp.StatusCode != 200 || resp.Header.Get("Content-Type") != "text/html; charset=utf-8" {
		t.Fatalf("GET /: %d %s", resp.StatusCode, resp.Header.Get("Content-Type"))
	}
	for _, want := range []string{
		// Records, a row each, in every platform's section.
		"<tr><td>Kofi Mensah</td><td>kofi@example.com</td><td>1</td>",
		"<tr><td>VIP group</td><td>1</td>",
		"<td>John Doe</td><td>john@aximcommerce.com</td>", "<td>pending</td>",
		"<tr><td>Ada Lovelace</td><td>ada@example.com</td><td>1</td><td>active</td>",
		"<tr><td>Jenny Rosen</td><td>jenny.rosen@example.com</td><td>cus_",
		"<tr><td>Gaurav Kumar</td><td>gaurav.kumar@example.com</td><td>" + rzp.ID + "</td><td>" + sandbox.UnixTime(rzp.CreatedAt) + "</td></tr>",
		`<th scope="col">name</th><th scope="col">e-mail</th><th scope="col">id</th>`,
		// The requests, newest first, with the fault that answered.
		"<td>xtrakit</td><td>GET</td><td class=\"path\">/customers?page=2</td><td>503</td>",
		"answer 503 (Retry-After 1)",
		"<td>razorpay</td><td>POST</td><td class=\"path\">/customers</td><td>200</td>",
		"2 of 2, newest first",
		// The live fault, and the rate limits.
		"<tr><td>axim</td><td>POST</td><td class=\"path\">/customers</td><td>handle, then drop the connection</td><td>30%</td><td>4</td></tr>",
		"<tr><td>stripe</td><td>2.5 requests per second (429 with Retry-After beyond)</td></tr>",
		"<tr><td>xtrakit</td><td>off</td></tr>",
		"normalisation: off",
	} {
		if !strings.Contains(page, want) {
			t.Errorf("the page lacks %q", want)
		}
	}
	if strings.Index(page, "/customers?page=2") > strings.Index(page, "<td>razorpay</td><td>POST</td>") {
		t.Error("the requests are not newest first")
	}
	for _, e := range emulators.All {
		if !strings.Contains(page, `<section class="platform" id="platform-`+e.Name+`"`) {
			t.Errorf("the page has no section for %s", e.Name)
		}
	}
	// Reading the page is not an API request.
	if n := len(s.Requests()); n != 2 {
		t.Errorf("%d requests logged, want 2", n)
	}
}

// Everything a record or a request carries is text on the page, never
// markup: html/template escapes it, and the page's policy runs no inline
// script anyway.
func TestConsoleEscapes(t *testing.T) {
	s := emulators.New()
	evil := `Mallory <script>alert(1)</script><img src=x onerror="window.pwned=1">`
	sbxtrakit.StoreOf(s).Customers.Seed(sbxtrakit.Customer{CustomerName: evil, CustomerEmail: ptr(`"><b>bold</b>@example.com`)})
	ts := httptest.NewServer(s.Handler())
	defer ts.Close()
	req, _ := http.NewRequest("GET", ts.URL+sbxtrakit.Prefix+"/customers/<script>x</script>?q=<i>", nil)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if reqs := s.Requests(); len(reqs) != 1 || reqs[0].Path != "/customers/<script>x</script>" {
		t.Fatalf("logged %+v", reqs)
	}

	resp, page := consolePage(t, s)
	for _, want := range []string{
		"Mallory &lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=&#34;window.pwned=1&#34;&gt;",
		"&#34;&gt;&lt;b&gt;bold&lt;/b&gt;@example.com",
		"/customers/&lt;script&gt;x&lt;/script&gt;?q=%3Ci%3E",
	} {
		if !strings.Contains(page, want) {
			t.Errorf("the page lacks %q", want)
		}
	}
	if n := strings.Count(page, "<script"); n != 1 || !strings.Contains(page, `<script src="/_console/console.js" defer></script>`) {
		t.Errorf("the page has %d script elements, want only its own", n)
	}
	for _, bad := range []string{"<img", "<b>", "<i>"} {
		if strings.Contains(page, bad) {
			t.Errorf("the page has %q from the data", bad)
		}
	}
	csp := resp.Header.Get("Content-Security-Policy")
	if !strings.Contains(csp, "default-src 'none'") || !strings.Contains(csp, "script-src 'self';") || strings.Contains(csp, "unsafe") {
		t.Errorf("Content-Security-Policy %q", csp)
	}
	if resp.Header.Get("X-Content-Type-Options") != "nosniff" {
		t.Errorf("X-Content-Type-Options %q", resp.Header.Get("X-Content-Type-Options"))
	}
}

// The page only reads: any other method than GET and HEAD is refused, and
// changes nothing.
func TestConsoleIsReadOnly(t *testing.T) {
	s := emulators.New()
	sbxtrakit.StoreOf(s).Customers.Seed(sbxtrakit.Customer{CustomerName: "Kofi"})
	ts := httptest.NewServer(s.Handler())
	defer ts.Close()
	for _, path := range []string{"/", "/_console/console.js", "/_console/console.css", "/_console/console.svg"} {
		for _, method := range []string{"POST", "PUT", "PATCH", "DELETE"} {
			req, _ := http.NewRequest(method, ts.URL+path, strings.NewReader(`{"customer_name":"Changed"}`))
			req.Header.Set("Content-Type", "application/json")
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			if resp.StatusCode != http.StatusMethodNotAllowed || !strings.Contains(resp.Header.Get("Allow"), "GET") {
				t.Errorf("%s %s: %d, Allow %q", method, path, resp.StatusCode, resp.Header.Get("Allow"))
			}
		}
	}
	req, _ := http.NewRequest("HEAD", ts.URL+"/", nil)
	if resp, err := http.DefaultClient.Do(req); err != nil || resp.StatusCode != 200 {
		t.Errorf("HEAD /: %v %v", resp, err)
	} else {
		resp.Body.Close()
	}
	if c := sbxtrakit.StoreOf(s).Customers.List(); len(c) != 1 || c[0].CustomerName != "Kofi" {
		t.Errorf("customers: %+v", c)
	}
	if n := len(s.Requests()); n != 0 {
		t.Errorf("%d requests logged", n)
	}
	if _, page := consolePage(t, s); strings.Contains(page, "<form") || strings.Contains(page, "<button") {
		t.Error("the page has a form or a button")
	}
}

// The page's own style sheet and script are served by the sandbox, under
// the same policy; the page loads nothing from anywhere else.
func TestConsoleFiles(t *testing.T) {
	s := emulators.New()
	ts := httptest.NewServer(s.Handler())
	defer ts.Close()
	for path, ctype := range map[string]string{
		"/_console/console.js": "text/javascript", "/_console/console.css": "text/css", "/_console/console.svg": "image/svg+xml",
	} {
		resp, err := http.Get(ts.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != 200 || !strings.HasPrefix(resp.Header.Get("Content-Type"), ctype) || len(b) == 0 ||
			resp.Header.Get("Content-Security-Policy") == "" {
			t.Errorf("GET %s: %d %q, %d bytes", path, resp.StatusCode, resp.Header.Get("Content-Type"), len(b))
		}
		// An SVG namespace is a name, not an address.
		if text := strings.ReplaceAll(string(b), `xmlns="http://www.w3.org/2000/svg"`, ""); strings.Contains(text, "http://") || strings.Contains(text, "https://") {
			t.Errorf("%s names another site", path)
		}
	}
	_, page := consolePage(t, s)
	for _, attr := range []string{`src="`, `href="`} {
		for _, rest := range strings.Split(page, attr)[1:] {
			if !strings.HasPrefix(rest, "/_console/") {
				t.Errorf("the page loads %s%s", attr, rest[:min(len(rest), 40)])
			}
		}
	}
}

// A table shows at most ConsoleRows records, and says how many there are.
func TestConsoleRowLimit(t *testing.T) {
	s := emulators.New()
	for range sandbox.ConsoleRows + 5 {
		sbwebcommander.StoreOf(s).Customers.Seed(sbwebcommander.Customer{FirstName: "Ada", LastName: "L", Email: "ada@example.com"})
	}
	tables := sbwebcommander.StoreOf(s).Console()
	if len(tables) != 1 || len(tables[0].Rows) != sandbox.ConsoleRows || tables[0].Total != sandbox.ConsoleRows+5 {
		t.Fatalf("tables: %d, rows %d, total %d", len(tables), len(tables[0].Rows), tables[0].Total)
	}
	if _, page := consolePage(t, s); !strings.Contains(page, "the first 200 of 205 stored") {
		t.Error("the page does not say it shows 200 of 205 stored")
	}
}

// An emulator cannot be mounted where it would hide the console or the
// control surface.
func TestNewRefusesReservedPrefixes(t *testing.T) {
	for _, prefix := range []string{"", "/", "x", "/x/", "/_sandbox", "/_sandbox/x", "/_console", "/_console/x"} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("New mounted an emulator at %q", prefix)
				}
			}()
			e := sbxtrakit.Emulator
			e.Prefix = prefix
			sandbox.New(e)
		}()
	}
}
