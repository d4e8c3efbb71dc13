// Package acctest is the acceptance-test harness: the provider served
// in-process, a sandbox per test, provider HCL pointed at it, and checks on
// the requests the sandbox received.
package acctest

import (
	"context"
	"encoding/json"
	"fmt"
	"maps"
	"net/http"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/customerops/terraform-provider-crm/internal/provider"
	"github.com/customerops/terraform-provider-crm/internal/sandbox"
	"github.com/customerops/terraform-provider-crm/internal/sandbox/emulators"
	"github.com/customerops/terraform-provider-crm/internal/sandbox/normalize"
)

// ProviderFactories serve the provider in the test process, so no build or
// registry is involved and every CLI under test talks to this code.
var ProviderFactories = map[string]func() (tfprotov6.ProviderServer, error){
	"crm": func() (tfprotov6.ProviderServer, error) { return serve(), nil },
}

// serve is the server main.go serves, so the tests cover what ships.
var serve = provider.NewServer("acctest")

// Sandbox starts a private sandbox of every platform for one test and stops
// it afterwards.
func Sandbox(t *testing.T) *sandbox.Server {
	t.Helper()
	s := emulators.New()
	if Normalizing() {
		s.SetNormalize(normalize.All)
	}
	if err := s.Start("127.0.0.1:0"); err != nil {
		t.Fatalf("starting sandbox: %v", err)
	}
	t.Cleanup(s.Close)
	return s
}

// ProviderConfig is a provider block configured for every platform of the
// sandbox. Retries wait little so fault tests stay quick.
func ProviderConfig(s *sandbox.Server) string { return ProviderConfigWith(s, nil) }

// ProviderConfigWith is ProviderConfig with top-level provider settings
// replaced or added: settings maps a name to its HCL value, e.g.
// {"request_timeout": `"soon"`}. Each platform's block is named after its
// emulator and holds the emulator's connection settings.
func ProviderConfigWith(s *sandbox.Server, settings map[string]string) string {
	all := map[string]string{"max_retries": "3", "request_timeout": `"10s"`}
	maps.Copy(all, settings)
	var b strings.Builder
	b.WriteString("\nprovider \"crm\" {\n")
	for _, k := range slices.Sorted(maps.Keys(all)) {
		fmt.Fprintf(&b, "  %s = %s\n", k, all[k])
	}
	for _, e := range s.Emulators() {
		attrs := e.Settings(s.BaseURL(e.Name))
		width := 0
		for _, a := range attrs {
			width = max(width, len(a.Attr))
		}
		fmt.Fprintf(&b, "\n  %s {\n", e.Name)
		for _, a := range attrs {
			fmt.Fprintf(&b, "    %-*s = %q\n", width, a.Attr, a.Value)
		}
		b.WriteString("  }\n")
	}
	b.WriteString("}\n")
	return b.String()
}

// Config joins the provider block and the test's own HCL.
func Config(s *sandbox.Server, hcl string) string { return ProviderConfig(s) + hcl }

// Requests returns what the sandbox received for platform with method,
// in order ("" matches any method).
func Requests(s *sandbox.Server, platform, method string) []sandbox.Request {
	var out []sandbox.Request
	for _, r := range s.RequestsFor(platform) {
		if method == "" || r.Method == method {
			out = append(out, r)
		}
	}
	return out
}

// CheckLastBody is a TestCheckFunc asserting that the last platform request
// with method decodes to exactly want (compared as JSON values, so key
// order and number formatting do not matter).
func CheckLastBody(s *sandbox.Server, platform, method string, want map[string]any) resource.TestCheckFunc {
	return func(*terraform.State) error {
		reqs := Requests(s, platform, method)
		if len(reqs) == 0 {
			return fmt.Errorf("the sandbox received no %s %s request", platform, method)
		}
		last := reqs[len(reqs)-1]
		var got map[string]any
		if err := json.Unmarshal(last.Body, &got); err != nil {
			return fmt.Errorf("%s %s body is not a JSON object: %w: %s", method, last.Path, err, last.Body)
		}
		wantJSON, _ := json.Marshal(want)
		var wantNorm map[string]any
		_ = json.Unmarshal(wantJSON, &wantNorm)
		gotJSON, _ := json.Marshal(got)
		normJSON, _ := json.Marshal(wantNorm)
		if string(gotJSON) != string(normJSON) {
			return fmt.Errorf("%s %s body:\n got  %s\n want %s", method, last.Path, gotJSON, normJSON)
		}
		return nil
	}
}

// CheckRequestCount is a TestCheckFunc asserting how many platform
// requests with method the sandbox received so far.
func CheckRequestCount(s *sandbox.Server, platform, method string, want int) resource.TestCheckFunc {
	return func(*terraform.State) error {
		if got := len(Requests(s, platform, method)); got != want {
			return fmt.Errorf("the sandbox received %d %s %s requests, want %d", got, platform, method, want)
		}
		return nil
	}
}

// Mutate returns a PreConfig func applying fn out of band (drift tests).
func Mutate(t *testing.T, fn func() error) func() {
	return func() {
		if err := fn(); err != nil {
			t.Fatalf("out-of-band change: %v", err)
		}
	}
}

// ExpectNoRequests fails the test if the sandbox received any platform
// request during the whole test. It proves something only where a request
// could have been sent: after a failing apply, not after a plan of new
// resources, which calls no API anyway (use NoRequestSteps for those).
func ExpectNoRequests(t *testing.T, s *sandbox.Server) {
	t.Helper()
	if reqs := s.Requests(); len(reqs) != 0 {
		t.Errorf("expected no API request, the sandbox received %d: %s", len(reqs), describe(reqs))
	}
}

// Mark is a point in a sandbox's request log.
type Mark struct {
	s *sandbox.Server
	n int
}

// MarkRequests marks the end of the sandbox's request log as it is now.
func MarkRequests(s *sandbox.Server) Mark { return Mark{s: s, n: len(s.Requests())} }

// Since returns the requests the sandbox received after the mark.
func (m Mark) Since() []sandbox.Request {
	reqs := m.s.Requests()
	if m.n > len(reqs) { // the log was reset: all of it is newer
		return reqs
	}
	return reqs[m.n:]
}

// NoRequestSteps returns steps, each made to prove that it sent no request:
// the request log is marked as the step starts (in PreConfig, after the
// step's own), and checked when the next step starts, the last one by
// closing, which is appended after them (typically a PlanOnly step of the
// configuration applied before, showing nothing changed).
//
// Use it for steps expected to fail before any API call while a request
// would have gone out without that check: an apply with ExpectError, above
// all an update of a resource that exists (validation of new resources in
// a plan-only step cannot fail that way: planning them calls no API).
func NoRequestSteps(t *testing.T, s *sandbox.Server, steps []resource.TestStep, closing resource.TestStep) []resource.TestStep {
	t.Helper()
	var (
		mark  *Mark
		which string
	)
	check := func() {
		if mark == nil {
			return
		}
		if reqs := mark.Since(); len(reqs) != 0 {
			t.Errorf("%s: the sandbox received %d request(s), want none: %s", which, len(reqs), describe(reqs))
		}
		mark = nil
	}
	out := make([]resource.TestStep, 0, len(steps)+1)
	for i, step := range steps {
		own := step.PreConfig
		label := fmt.Sprintf("no-request step %d of %d", i+1, len(steps))
		if step.ExpectError != nil {
			label = fmt.Sprintf("the step expecting /%s/", step.ExpectError)
		}
		step.PreConfig = func() {
			check()
			if own != nil {
				own()
			}
			m := MarkRequests(s)
			mark, which = &m, label
		}
		out = append(out, step)
	}
	own := closing.PreConfig
	closing.PreConfig = func() {
		check()
		if own != nil {
			own()
		}
	}
	return append(out, closing)
}

func describe(reqs []sandbox.Request) string {
	parts := make([]string, 0, len(reqs))
	for _, r := range reqs {
		parts = append(parts, fmt.Sprintf("%s %s %s", r.Platform, r.Method, r.Path))
	}
	return strings.Join(parts, ", ")
}

// ErrorText matches an error message that Terraform may have wrapped over
// several lines: the words of text, separated by any white space.
func ErrorText(text string) *regexp.Regexp {
	words := strings.Fields(text)
	for i, w := range words {
		words[i] = regexp.QuoteMeta(w)
	}
	return regexp.MustCompile(`(?s)` + strings.Join(words, `\s+`))
}

// RefreshGETs is a plan check on the GETs to platform the sandbox received
// since mark (set in the step's PreConfig): what the plan's refresh read,
// and how. check says what is wrong with them, if anything.
func RefreshGETs(mark *Mark, platform string, check func(gets []sandbox.Request) error) plancheck.PlanCheck {
	return refreshGETs{mark: mark, platform: platform, check: check}
}

type refreshGETs struct {
	mark     *Mark
	platform string
	check    func([]sandbox.Request) error
}

func (c refreshGETs) CheckPlan(_ context.Context, _ plancheck.CheckPlanRequest, resp *plancheck.CheckPlanResponse) {
	var gets []sandbox.Request
	for _, r := range c.mark.Since() {
		if r.Platform == c.platform && r.Method == http.MethodGet {
			gets = append(gets, r)
		}
	}
	resp.Error = c.check(gets)
}
