package sandbox_test

import (
	"context"
	"io"
	"net/http"
	"regexp"
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

// syncBuffer is written by run's goroutine and read by the test.
type syncBuffer struct {
	mu sync.Mutex
	b  strings.Builder
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// runSandbox runs the standalone command with args (and -listen
// 127.0.0.1:0) until the test ends, which checks that it stops cleanly.
// It returns the server's URL once the banner is complete, and the output.
func runSandbox(t *testing.T, args ...string) (string, *syncBuffer) {
	t.Helper()
	return runSandboxOf(t, emulators.All, args...)
}

// runSandboxOf is runSandbox serving list.
func runSandboxOf(t *testing.T, list []sandbox.Emulator, args ...string) (string, *syncBuffer) {
	t.Helper()
	return runCommand(t, nil, list, args...)
}

// runCommand is runSandboxOf as cmd runs it (nil: the package's RunContext).
func runCommand(t *testing.T, cmd *sandbox.Command, list []sandbox.Emulator, args ...string) (string, *syncBuffer) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	out := &syncBuffer{}
	done := make(chan error, 1)
	go func() {
		args := append([]string{"-listen", "127.0.0.1:0"}, args...)
		if cmd == nil {
			done <- sandbox.RunContext(ctx, args, out, list...)
		} else {
			done <- cmd.RunContext(ctx, args, out, list...)
		}
	}()
	t.Cleanup(func() {
		cancel()
		select {
		case err := <-done:
			if err != nil {
				t.Errorf("run: %v", err)
			}
		case <-time.After(5 * time.Second):
			t.Error("run did not stop")
		}
	})
	re := regexp.MustCompile(`listening on (http://127\.0\.0\.1:\d+)`)
	for deadline := time.Now().Add(5 * time.Second); ; time.Sleep(10 * time.Millisecond) {
		if m := re.FindStringSubmatch(out.String()); m != nil && strings.Contains(out.String(), "Press Ctrl-C") {
			return m[1], out
		} else if time.Now().After(deadline) {
			t.Fatalf("no banner in output:\n%s", out.String())
		}
	}
}

func TestRunPrintsEnvAndServes(t *testing.T) {
	url, out := runSandbox(t)
	base := url + "/xtrakit/api/v1"
	if !strings.Contains(out.String(), "export XTRAKIT_BASE_URL="+base+"\n") {
		t.Fatalf("no XTRAKIT_BASE_URL in output:\n%s", out.String())
	}
	for _, want := range []string{
		"export XTRAKIT_API_KEY=" + sbxtrakit.APIKey, "export RAZORPAY_BASE_URL=http://127.0.0.1:",
		"export RAZORPAY_KEY_ID=" + sbrazorpay.KeyID, "export RAZORPAY_KEY_SECRET=" + sbrazorpay.KeySecret, "/_sandbox/",
		"export AXIM_ACCESS_TOKEN=" + sbaxim.AccessToken, "axim/...",
		"export WEBCOMMANDER_CLIENT_ID=" + sbwebcommander.ClientID, "export WEBCOMMANDER_CLIENT_SECRET=" + sbwebcommander.ClientSecret,
		"export WEBCOMMANDER_USERNAME=" + sbwebcommander.Username, "export WEBCOMMANDER_PASSWORD=" + sbwebcommander.Password,
		"export WEBCOMMANDER_REDIRECT_URI=" + sbwebcommander.RedirectURI, "webcommander/...",
		"trimmed strings): off", "Console (open in a browser; records, requests, faults, rate limits): " + url + "/\n",
	} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, out.String())
		}
	}
	req, _ := http.NewRequest("GET", base+"/customers", nil)
	req.Header.Set("Authorization", "Bearer "+sbxtrakit.APIKey)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	_, _ = io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 {
		t.Errorf("GET customers: %d", resp.StatusCode)
	}
	// The Axim base URL printed is on the same server and takes the token.
	m := regexp.MustCompile(`export AXIM_BASE_URL=(\S+)\n`).FindStringSubmatch(out.String())
	if m == nil || m[1] != strings.TrimSuffix(base, "/xtrakit/api/v1")+"/axim/api" {
		t.Fatalf("AXIM_BASE_URL %v, server %s", m, base)
	}
	if status, body, _ := call(t, "GET", m[1]+"/customers", sbaxim.Name, ""); status != 200 {
		t.Errorf("GET axim customers: %d %s", status, body)
	}
	// So is the WebCommander store URL, whose token endpoint takes the
	// printed credentials.
	m = regexp.MustCompile(`export WEBCOMMANDER_STORE_URL=(\S+)\n`).FindStringSubmatch(out.String())
	if m == nil || m[1] != strings.TrimSuffix(base, "/xtrakit/api/v1")+"/webcommander" {
		t.Fatalf("WEBCOMMANDER_STORE_URL %v, server %s", m, base)
	}
	if status, body, _ := call(t, "POST", m[1]+"/api/v4/oauth2/token", "", wcTokenBody()); status != 201 {
		t.Errorf("webcommander token: %d %s", status, body)
	}
	// The console printed is the page, with the requests just sent.
	m = regexp.MustCompile(`Console \(.*\): (\S+)\n`).FindStringSubmatch(out.String())
	if m == nil || m[1] != url+"/" {
		t.Fatalf("console address %v, server %s", m, url)
	}
	if status, body, h := call(t, "GET", m[1], "", ""); status != 200 || !strings.HasPrefix(h.Get("Content-Type"), "text/html") ||
		!strings.Contains(body, "<td>axim</td><td>GET</td>") {
		t.Errorf("GET console: %d %s", status, body)
	}
}

func TestRunNormalizeFlag(t *testing.T) {
	base, out := runSandbox(t, "-normalize")
	if !strings.Contains(out.String(), "trimmed strings): on") {
		t.Errorf("output does not say normalisation is on:\n%s", out.String())
	}
	if status, body, _ := call(t, "GET", base+"/_sandbox/normalize", "", ""); status != 200 ||
		body != `{"lower_emails":true,"upper_gstin":true,"trim_space":true}` {
		t.Errorf("GET normalize: %d %s", status, body)
	}
}

func TestRunRejectsBadArgs(t *testing.T) {
	for _, args := range [][]string{{"-nope"}, {"extra"}, {"-listen", "256.0.0.1:0"}} {
		if err := sandbox.RunContext(context.Background(), args, io.Discard, emulators.All...); err == nil {
			t.Errorf("run(%q): no error", args)
		}
	}
}

// The banner is read by people and by scripts/demo.sh (its export lines):
// it says exactly this for the four platforms.
// TestRunBanner pins the banner to the byte for four platforms (people and
// scripts/demo.sh read it); TestRunBannerListsEveryEmulator covers the rest.
func TestRunBanner(t *testing.T) {
	four := []sandbox.Emulator{sbxtrakit.Emulator, sbrazorpay.Emulator, sbaxim.Emulator, sbwebcommander.Emulator}
	url, out := runSandboxOf(t, four, "-rate-limit", "2.5")
	want := strings.ReplaceAll(`CRM API sandbox listening on {url}

Xtrakit (Bearer API key):
  export XTRAKIT_BASE_URL={url}/xtrakit/api/v1
  export XTRAKIT_API_KEY=xtk_sandbox_key

Razorpay (Basic auth key id / secret):
  export RAZORPAY_BASE_URL={url}/razorpay/v1
  export RAZORPAY_KEY_ID=rzp_test_sandbox
  export RAZORPAY_KEY_SECRET=rzp_sandbox_secret

AximCommerce (accessToken header):
  export AXIM_BASE_URL={url}/axim/api
  export AXIM_ACCESS_TOKEN=axim_sandbox_token

WebCommander (OAuth 2.0 token at $WEBCOMMANDER_STORE_URL/api/v4/oauth2/token):
  export WEBCOMMANDER_STORE_URL={url}/webcommander
  export WEBCOMMANDER_CLIENT_ID=wc_client
  export WEBCOMMANDER_CLIENT_SECRET=wc_client_secret
  export WEBCOMMANDER_USERNAME=admin@example.com
  export WEBCOMMANDER_PASSWORD=wc_admin_password
  export WEBCOMMANDER_REDIRECT_URI=https://localhost/callback

Console (open in a browser; records, requests, faults, rate limits): {url}/
Control surface: {url}/_sandbox/ (requests, faults, rate-limit, normalize, xtrakit/..., razorpay/..., axim/..., webcommander/...)
Normalisation (lower-case e-mails, upper-case GSTINs, trimmed strings): off
Rate limit per platform: 2.5 requests per second (429 with Retry-After beyond)
Press Ctrl-C to stop.
`, "{url}", url)
	if got := out.String(); got != want {
		t.Errorf("banner:\n%s\nwant:\n%s", got, want)
	}
}

// TestRunBannerShowsVersion: a program that embeds the command (the
// provider, with its stamped version) has the banner's first line name its
// version; the rest of the banner is the same.
func TestRunBannerShowsVersion(t *testing.T) {
	one := []sandbox.Emulator{sbxtrakit.Emulator}
	url, out := runCommand(t, &sandbox.Command{Version: "1.2.3"}, one)
	first, rest, _ := strings.Cut(out.String(), "\n")
	if want := "CRM API sandbox listening on " + url + " (terraform-provider-crm 1.2.3)"; first != want {
		t.Errorf("first line %q, want %q", first, want)
	}
	_, plain := runSandboxOf(t, one)
	_, plainRest, _ := strings.Cut(plain.String(), "\n")
	re := regexp.MustCompile(`http://127\.0\.0\.1:\d+`)
	if re.ReplaceAllString(rest, "{url}") != re.ReplaceAllString(plainRest, "{url}") {
		t.Errorf("with a version the banner goes on:\n%s\nwithout:\n%s", rest, plainRest)
	}
}

// TestRunBannerListsEveryEmulator: every registered platform is in the
// banner, with its title and one export line per setting.
func TestRunBannerListsEveryEmulator(t *testing.T) {
	url, out := runSandbox(t)
	for _, e := range emulators.All {
		if !strings.Contains(out.String(), "\n"+e.Title+"\n") {
			t.Errorf("the banner lacks %s's title %q", e.Name, e.Title)
		}
		for _, st := range e.Settings(url + e.Prefix) {
			if line := "  export " + st.Env + "=" + st.Value + "\n"; !strings.Contains(out.String(), line) {
				t.Errorf("the banner lacks %q", line)
			}
		}
		if !strings.Contains(out.String(), " "+e.Name+"/...") {
			t.Errorf("the banner's control surface line lacks %s", e.Name)
		}
	}
}
