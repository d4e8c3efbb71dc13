package provider_test

import (
	"fmt"
	"regexp"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/customerops/terraform-provider-crm/internal/acctest"
	"github.com/customerops/terraform-provider-crm/internal/sandbox"
	sbaxim "github.com/customerops/terraform-provider-crm/internal/sandbox/axim"
	sbrazorpay "github.com/customerops/terraform-provider-crm/internal/sandbox/razorpay"
	sbwebcommander "github.com/customerops/terraform-provider-crm/internal/sandbox/webcommander"
	sbxtrakit "github.com/customerops/terraform-provider-crm/internal/sandbox/xtrakit"
)

// The fault matrix: 50 customers of one platform applied while the sandbox
// injects one kind of fault at a time, then all of them together; then
// faults that outlast max_retries, and an apply after they stop. After
// every successful apply the sandbox holds exactly the declared customers
// (none missing, none twice), state equals the sandbox, and (the harness
// checks it) the next plan is empty.
//
// Each step declares a new resource fm_<tag> whose e-mails are
// fm-<tag>-N@example.com, so its 50 customers are created under the step's
// faults while the previous step's are destroyed (Razorpay only forgets
// them: they stay in its sandbox, each once).

func TestAccFaultMatrix_xtrakit(t *testing.T)  { fmRun(t, fmPlatforms[sbxtrakit.Name]) }
func TestAccFaultMatrix_razorpay(t *testing.T) { fmRun(t, fmPlatforms[sbrazorpay.Name]) }
func TestAccFaultMatrix_axim(t *testing.T)     { fmRun(t, fmPlatforms[sbaxim.Name]) }
func TestAccFaultMatrix_webcommander(t *testing.T) {
	fmRun(t, fmPlatforms[sbwebcommander.Name])
}

const (
	fmHTML502 = "<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1><hr>nginx</body></html>"
	fmHTML503 = "<html><head><title>503 Service Unavailable</title></head><body><h1>503 Service Unavailable</h1></body></html>"

	// fmRequestTimeout is the provider's request_timeout in the fault
	// steps; fmSlow answers later than that.
	fmRequestTimeout = `"2s"`
	fmSlow           = 3 * time.Second
	// fmTokenLifetime is WebCommander's access-token lifetime in the token
	// steps: a few seconds, so tokens expire many times during an apply.
	fmTokenLifetime = 2 * time.Second
)

// fmScenario is one kind of fault, injected for one apply.
type fmScenario struct {
	tag    string
	only   string // a platform it is limited to; "" = every platform
	inject func(s *sandbox.Server, p fmPlatform)
	empty  bool // declares no customer (count = 0)
}

func fmFaults(s *sandbox.Server, faults ...sandbox.Fault) {
	for _, f := range faults {
		s.InjectFault(f)
	}
}

// 30 % of requests answered 429 with Retry-After.
func fmThrottle(p fmPlatform) sandbox.Fault {
	return sandbox.Fault{Platform: p.name, Percent: 30, Status: 429, RetryAfter: "1"}
}

// 10 % of requests answered 502 or 503 with an HTML page (a proxy's).
func fmHTMLErrors(p fmPlatform) []sandbox.Fault {
	return []sandbox.Fault{
		{Platform: p.name, Percent: 5, Status: 502, Body: fmHTML502},
		{Platform: p.name, Percent: 5, Status: 503, RetryAfter: "1", Body: fmHTML503},
	}
}

// 5 % of creates committed, then the connection dropped.
func fmDropAfterCommit(p fmPlatform) sandbox.Fault {
	return sandbox.Fault{Platform: p.name, Method: "POST", Path: p.createPath, Percent: 5, DropAfterCommit: true}
}

// About 5 % of creates committed, then answered 502 or 504 by a gateway.
func fmGatewayAfterCommit(p fmPlatform) []sandbox.Fault {
	return []sandbox.Fault{
		{Platform: p.name, Method: "POST", Path: p.createPath, Percent: 3, StatusAfterCommit: 502},
		{Platform: p.name, Method: "POST", Path: p.createPath, Percent: 3, StatusAfterCommit: 504},
	}
}

// 10 % of requests answered later than request_timeout.
func fmSlowAnswers(p fmPlatform) sandbox.Fault {
	return sandbox.Fault{Platform: p.name, Percent: 10, Latency: fmSlow}
}

var fmScenarios = []fmScenario{
	{tag: "throttled", inject: func(s *sandbox.Server, p fmPlatform) { fmFaults(s, fmThrottle(p)) }},
	{tag: "htmlerrors", inject: func(s *sandbox.Server, p fmPlatform) { fmFaults(s, fmHTMLErrors(p)...) }},
	{tag: "dropped", inject: func(s *sandbox.Server, p fmPlatform) { fmFaults(s, fmDropAfterCommit(p)) }},
	{tag: "gateway", inject: func(s *sandbox.Server, p fmPlatform) { fmFaults(s, fmGatewayAfterCommit(p)...) }},
	{tag: "slow", inject: func(s *sandbox.Server, p fmPlatform) { fmFaults(s, fmSlowAnswers(p)) }},
	{tag: "tokens", only: sbwebcommander.Name, inject: func(s *sandbox.Server, _ fmPlatform) {
		sbwebcommander.StoreOf(s).SetTokenLifetime(fmTokenLifetime)
	}},
	// No resource and no fault: the previous customers are destroyed
	// before the faults come back all together, so that apply (throttled
	// to the adaptive rate) sends only the creates and their retries.
	{tag: "cleared", empty: true},
	{tag: "together", inject: func(s *sandbox.Server, p fmPlatform) {
		// Create faults first: a request a share fault does not take goes
		// on to the next one, so every kind fires.
		fmFaults(s, fmDropAfterCommit(p))
		fmFaults(s, fmGatewayAfterCommit(p)...)
		fmFaults(s, fmThrottle(p))
		fmFaults(s, fmHTMLErrors(p)...)
		fmFaults(s, fmSlowAnswers(p))
		if p.name == sbwebcommander.Name {
			sbwebcommander.StoreOf(s).SetTokenLifetime(fmTokenLifetime)
		}
	}},
}

// fmExhausted matches the diagnostic of a create whose every attempt was
// answered 503 with max_retries = 1: it names the platform, the operation,
// the status and the attempt count.
func fmExhausted(p fmPlatform) *regexp.Regexp {
	return regexp.MustCompile(`(?is)` + p.name + `\W.*\b503\b.*\bPOST\s+\S*customers\S*.*\b2\s+attempts\b`)
}

func fmRun(t *testing.T, p fmPlatform) {
	s := acctest.Sandbox(t)
	fmLogCreates(t, s, p)
	lifetime := sbwebcommander.StoreOf(s).TokenLifetime()
	// With every fault at once about 43 % of attempts fail: 12 retries
	// make a request that exhausts them (0.43^13, 1e-5) unlikely among the
	// few hundred of a step.
	faulty := acctest.ProviderConfigWith(s, map[string]string{"max_retries": "12", "request_timeout": fmRequestTimeout})
	var (
		steps    []resource.TestStep
		earlier  []string // tags applied before, for Razorpay's forgotten customers
		logFrom  int
		began    time.Time
		cc0, rt0 int // WebCommander's token grants before the step
	)
	stop := func() {
		s.ClearFaults()
		sbwebcommander.StoreOf(s).SetTokenLifetime(lifetime)
	}
	// settle ends a scenario: faults stop (the harness's plans after the
	// apply then run clean), and the sandbox is compared with state.
	settle := func(tag string, n int, before []string) resource.TestCheckFunc {
		return func(st *terraform.State) error {
			stop()
			statuses, _ := fmStatuses(s, p.name, logFrom)
			tokens := ""
			if p.name == sbwebcommander.Name {
				cc, rt := sbwebcommander.StoreOf(s).TokenCalls()
				tokens = fmt.Sprintf("; token grants: %d client_credentials, %d refresh_token", cc-cc0, rt-rt0)
			}
			t.Logf("%s %s: plan and apply in %s; sandbox answered %s%s", p.name, tag, time.Since(began).Round(time.Millisecond), statuses, tokens)
			return fmSettled(st, s, p, tag, n, before)
		}
	}
	begin := func(inject func()) func() {
		return func() {
			stop()
			_, logFrom = fmStatuses(s, p.name, 0)
			cc0, rt0 = sbwebcommander.StoreOf(s).TokenCalls()
			began = time.Now()
			if inject != nil {
				inject()
			}
		}
	}
	for _, sc := range fmScenarios {
		if sc.only != "" && sc.only != p.name {
			continue
		}
		n, inject := fmCount, func() {}
		if sc.empty {
			n = 0
		}
		if sc.inject != nil {
			inject = func() { sc.inject(s, p) }
		}
		steps = append(steps, resource.TestStep{
			PreConfig: begin(inject),
			Config:    faulty + p.block(sc.tag, n),
			Check:     settle(sc.tag, n, earlier),
		})
		if n > 0 {
			earlier = append(earlier, sc.tag)
		}
	}
	// Faults that outlast max_retries: every create answered 503.
	const exhausted = "exhausted"
	steps = append(steps,
		resource.TestStep{
			PreConfig: begin(func() {
				s.InjectFault(sandbox.Fault{Platform: p.name, Method: "POST", Path: p.createPath, Status: 503})
			}),
			Config:      acctest.ProviderConfigWith(s, map[string]string{"max_retries": "1", "request_timeout": fmRequestTimeout}) + p.block(exhausted, fmCount),
			ExpectError: fmExhausted(p),
		},
		// The faults stop: the same configuration converges, no duplicates.
		resource.TestStep{
			PreConfig: begin(nil),
			Config:    faulty + p.block(exhausted, fmCount),
			Check:     settle(exhausted, fmCount, earlier),
		},
	)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps:                    steps,
		// A step failed: stop the faults before the harness destroys.
		ErrorCheck: func(err error) error {
			stop()
			return err
		},
	})
}

// TestAccFaultMatrix_retriedCreateLost: a create is answered 502 by a proxy
// (nothing committed; the lookup finds nothing), and the create sent again
// commits but its answer is lost too (the connection drops). That second
// answer must be reconciled like the first: one customer, in state.
func TestAccFaultMatrix_retriedCreateLost(t *testing.T) {
	for _, name := range []string{sbxtrakit.Name, sbrazorpay.Name, sbaxim.Name, sbwebcommander.Name} {
		p := fmPlatforms[name]
		t.Run(name, func(t *testing.T) {
			s := acctest.Sandbox(t)
			fmLogCreates(t, s, p)
			fmFaults(s,
				sandbox.Fault{Platform: p.name, Method: "POST", Path: p.createPath, Times: 1, Status: 502, Body: fmHTML502},
				sandbox.Fault{Platform: p.name, Method: "POST", Path: p.createPath, Times: 1, DropAfterCommit: true},
			)
			resource.ParallelTest(t, resource.TestCase{
				ProtoV6ProviderFactories: acctest.ProviderFactories,
				Steps: []resource.TestStep{{
					Config: acctest.ProviderConfig(s) + p.block("relost", 1),
					Check:  func(st *terraform.State) error { return fmSettled(st, s, p, "relost", 1, nil) },
				}},
			})
		})
	}
}
