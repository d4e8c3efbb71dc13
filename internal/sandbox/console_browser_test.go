package sandbox_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/customerops/terraform-provider-crm/internal/acctest"
	"github.com/customerops/terraform-provider-crm/internal/sandbox"
	sbstripe "github.com/customerops/terraform-provider-crm/internal/sandbox/stripe"
	sbxtrakit "github.com/customerops/terraform-provider-crm/internal/sandbox/xtrakit"
)

// EnvChromium names the browser the console test drives, if not the
// `chromium` on PATH (scripts/install-tools.sh installs Debian's; `make
// unit`, hence `make test`, runs it first). Without a browser the test is
// skipped, except in CI (CI=true), where it fails.
const EnvChromium = "CHROMIUM_PATH"

// chromium is the browser to drive.
func chromium(t *testing.T) string {
	t.Helper()
	bin := os.Getenv(EnvChromium)
	if bin == "" {
		bin = "chromium"
	}
	found, err := exec.LookPath(bin)
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("no browser for the console test: %v (%s; run scripts/install-tools.sh chromium)", err, EnvChromium)
		}
		t.Skipf("no browser for the console test: %v (set %s or run scripts/install-tools.sh chromium)", err, EnvChromium)
	}
	return found
}

// consoleCustomers are applied by the browser test; each shows in its
// platform's table by name and e-mail.
var consoleCustomers = []struct{ address, platform, name, email string }{
	{"crm_xtrakit_customer.ama", "xtrakit", "Ama Console", "ama.console@example.com"},
	{"crm_xtrakit_customer.kwame", "xtrakit", "Kwame Console", "kwame.console@example.com"},
	{"crm_razorpay_customer.priya", "razorpay", "Priya Console", "priya.console@example.com"},
	{"crm_stripe_customer.jenny", "stripe", "Jenny Console", "jenny.console@example.com"},
}

const consoleConfig = `
resource "crm_xtrakit_customer" "ama" {
  name       = "Ama Console"
  email      = "ama.console@example.com"
  phone      = "+233244000001"
  country    = "Ghana"
  state      = "Ashanti"
  city       = "Kumasi"
  address1   = "1 Console Road"
  created_by = "console-test"
}

resource "crm_xtrakit_customer" "kwame" {
  name       = "Kwame Console"
  email      = "kwame.console@example.com"
  phone      = "+233244000002"
  country    = "Ghana"
  state      = "Greater Accra"
  city       = "Accra"
  address1   = "2 Console Road"
  created_by = "console-test"
}

resource "crm_razorpay_customer" "priya" {
  name    = "Priya Console"
  contact = "+919876500001"
  email   = "priya.console@example.com"
}

resource "crm_stripe_customer" "jenny" {
  name  = "Jenny Console"
  email = "jenny.console@example.com"
}
`

// The markup a record carries must reach the page as text: were it
// markup, it would set window.pwned or open a dialog.
const (
	consoleXSS      = `Mallory <script>alert(1)</script><script>window.pwned = 1</script><img src=x onerror="window.pwned = 2">`
	consoleXSSLater = `Eve <script>window.pwned = 3</script><svg onload="window.pwned = 4">`
)

// TestAccSandboxConsole_browserOnce uses the console as a person does:
// after a real apply of a few customers, the page in a headless Chromium
// shows them (by name and e-mail, with the ids in the state) and the
// apply's POSTs (status and latency), renders records holding markup as
// text without running any of it, on the first load and after the page
// refreshed itself, and logs no error; a screenshot is kept.
//
// It tests the sandbox's page, not the CLI, and starts a browser: it runs
// once, on Terraform 1.16.4 (scripts/acc.sh, ONCE_RE).
func TestAccSandboxConsole_browserOnce(t *testing.T) {
	s := acctest.Sandbox(t)
	var browser string
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { browser = chromium(t) },
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{{
			Config: acctest.Config(s, consoleConfig),
			Check: func(st *terraform.State) error {
				ids := map[string]string{}
				for _, c := range consoleCustomers {
					r, ok := st.RootModule().Resources[c.address]
					if !ok {
						return fmt.Errorf("%s is not in the state", c.address)
					}
					ids[c.address] = r.Primary.ID
				}
				return checkConsoleInBrowser(t, s, browser, ids)
			},
		}},
	})
}

// consoleRow is a row of one of the page's tables, by column heading.
type consoleRow map[string]string

// consoleTablesJS reads every table of the page's <main> into rows by
// heading, with the table's platform (data-platform) under "table-platform".
const consoleTablesJS = `(() => {
  const out = {};
  for (const t of document.querySelectorAll("main table")) {
    const heads = Array.from(t.querySelectorAll("thead th"), th => th.textContent);
    const rows = Array.from(t.querySelectorAll("tbody tr:not(.empty)"), tr => {
      const row = {"table-platform": t.dataset.platform || ""};
      tr.querySelectorAll("td").forEach((td, i) => { row[heads[i]] = td.textContent; });
      return row;
    });
    const kind = t.classList.contains("records") ? "records" : t.className;
    out[kind] = (out[kind] || []).concat(rows);
  }
  return out;
})()`

// consoleSafeJS is what markup from the data would have changed, had it run
// or been parsed as markup.
const consoleSafeJS = `({
  pwned: typeof window.pwned === "undefined" ? "" : String(window.pwned),
  foreign: document.querySelectorAll("main script, main img, main svg").length,
  scripts: Array.from(document.scripts, s => s.getAttribute("src") || "inline").join(" ")
})`

type consoleSafety struct {
	Pwned   string `json:"pwned"`
	Foreign int    `json:"foreign"`
	Scripts string `json:"scripts"`
}

func checkConsoleInBrowser(t *testing.T, s *sandbox.Server, browser string, ids map[string]string) error {
	t.Helper()
	sbxtrakit.StoreOf(s).Customers.Seed(sbxtrakit.Customer{CustomerName: consoleXSS, CustomerEmail: new("mallory@example.com")})

	ctx, cancel := context.WithTimeout(t.Context(), 2*time.Minute)
	defer cancel()
	alloc, cancelAlloc := chromedp.NewExecAllocator(ctx, append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(browser), chromedp.NoSandbox, chromedp.WindowSize(1600, 1200))...)
	defer cancelAlloc()
	ctx, cancelTab := chromedp.NewContext(alloc)
	defer cancelTab()

	// Whatever the page logs (a script error, a blocked resource) and any
	// dialog it opens (closed at once) is a failure.
	var (
		mu       sync.Mutex
		problems []string
	)
	fail := func(format string, args ...any) {
		mu.Lock()
		defer mu.Unlock()
		problems = append(problems, fmt.Sprintf(format, args...))
	}
	messages := chromedp.Console(ctx)
	dialogs := chromedp.Events(ctx, page.JavascriptDialogOpening)
	go func() {
		for m, err := range messages {
			if err != nil {
				return
			}
			if m.IsException() || m.Type == "error" || m.Type == "warning" {
				fail("the page logged %s (%s:%d)", m, m.URL, m.Line+1)
			}
		}
	}()
	go func() {
		for ev, err := range dialogs {
			if err != nil {
				return
			}
			fail("the page opened a %s dialog: %q", ev.Type, ev.Message)
			_, _ = chromedp.Call(ctx, page.HandleJavaScriptDialog, page.HandleJavaScriptDialogParams{Accept: true})
		}
	}()

	if err := chromedp.Do(ctx,
		chromedp.Navigate(s.URL()+"/"),
		chromedp.WaitVisible(chromedp.CSS(`table.records[data-platform="xtrakit"]`)),
	); err != nil {
		return fmt.Errorf("loading the console: %w", err)
	}
	tables, err := chromedp.Run(ctx, chromedp.Evaluate[map[string][]consoleRow](consoleTablesJS))
	if err != nil {
		return fmt.Errorf("reading the console's tables: %w", err)
	}

	// The applied customers, in their platform's table, with the ids the
	// state holds.
	for _, c := range consoleCustomers {
		found := false
		for _, r := range tables["records"] {
			if r["table-platform"] == c.platform && r["name"] == c.name && r["e-mail"] == c.email {
				found = true
				if r["id"] != ids[c.address] {
					fail("%s shows id %q, the state has %q", c.name, r["id"], ids[c.address])
				}
			}
		}
		if !found {
			fail("no %s row with name %q and e-mail %q; the records: %v", c.platform, c.name, c.email, tables["records"])
		}
	}
	// The apply's POSTs, each with the status and a latency.
	posts := acctest.Requests(s, "", "POST")
	if len(posts) < len(consoleCustomers) {
		fail("the sandbox logged %d POSTs for %d customers", len(posts), len(consoleCustomers))
	}
	for _, p := range posts {
		found := false
		for _, r := range tables["requests"] {
			if r["platform"] == p.Platform && r["method"] == "POST" && r["path"] == p.Path && r["status"] == fmt.Sprint(p.Status) {
				found = true
				if !strings.HasSuffix(r["latency"], " ms") || len(r["time"]) != len("15:04:05.000") {
					fail("the request row %v has no latency or time", r)
				}
			}
		}
		if !found {
			fail("no request row for %s POST %s %d; the requests: %v", p.Platform, p.Path, p.Status, tables["requests"])
		}
	}
	checkSafe := func(when string, names ...string) {
		for _, name := range names {
			found := false
			for _, r := range tables["records"] {
				found = found || r["name"] == name
			}
			if !found {
				fail("%s: no record named %q (as text)", when, name)
			}
		}
		safety, err := chromedp.Run(ctx, chromedp.Evaluate[consoleSafety](consoleSafeJS))
		if err != nil {
			fail("%s: %v", when, err)
			return
		}
		if safety.Pwned != "" || safety.Foreign != 0 || safety.Scripts != "/_console/console.js" {
			fail("%s: markup from the data ran or was parsed: window.pwned %q, %d elements from the data, scripts %q",
				when, safety.Pwned, safety.Foreign, safety.Scripts)
		}
	}
	checkSafe("first load", consoleXSS)

	// The page refreshes itself: a record stored now appears without a
	// reload, as text too.
	generated, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.getElementById("console").dataset.generated`))
	if err != nil {
		return fmt.Errorf("reading data-generated: %w", err)
	}
	sbstripe.StoreOf(s).Customers.Seed(sbstripe.Customer{Name: new(consoleXSSLater), Email: new("eve@example.com")})
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](fmt.Sprintf(
		`document.getElementById("console").dataset.generated !== %q && document.querySelector('table.records[data-platform="stripe"]').textContent.includes("eve@example.com")`,
		generated), chromedp.WithPollingTimeout(15*time.Second))); err != nil {
		fail("the page did not refresh itself with the new record within 15s: %v", err)
	}
	if tables, err = chromedp.Run(ctx, chromedp.Evaluate[map[string][]consoleRow](consoleTablesJS)); err != nil {
		return fmt.Errorf("reading the console's tables again: %w", err)
	}
	checkSafe("after a refresh", consoleXSS, consoleXSSLater)

	shot, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	if err != nil {
		return fmt.Errorf("screenshot: %w", err)
	}
	if path, err := saveScreenshot(t, shot); err != nil {
		fail("saving the screenshot: %v", err)
	} else {
		t.Logf("console screenshot: %s", path)
	}

	mu.Lock()
	defer mu.Unlock()
	if len(problems) > 0 {
		return errors.New(strings.Join(problems, "\n"))
	}
	return nil
}

// saveScreenshot writes the PNG where it outlives the test: under
// TF_ACC_TEMP_DIR (scripts/acc.sh: .tools/tmp/acc-<cli>) when set, else the
// system's temporary directory, in a folder named for the provider.
func saveScreenshot(t *testing.T, png []byte) (string, error) {
	dir := os.Getenv("TF_ACC_TEMP_DIR")
	if dir == "" {
		dir = os.TempDir()
	}
	dir = filepath.Join(dir, "terraform-provider-crm-screenshots")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", err
	}
	path, err := filepath.Abs(filepath.Join(dir, t.Name()+".png"))
	if err != nil {
		return "", err
	}
	return path, os.WriteFile(path, png, 0o644)
}
