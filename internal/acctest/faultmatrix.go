package acctest

import (
	"regexp"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/customerops/terraform-provider-crm/internal/sandbox"
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

const (
	fmHTML502 = "<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1><hr>nginx</body></html>"
	fmHTML503 = "<html><head><title>503 Service Unavailable</title></head><body><h1>503 Service Unavailable</h1></body></html>"

	// fmRequestTimeout is the provider's request_timeout in the fault
	// steps; fmSlow answers later than that.
	fmRequestTimeout = `"2s"`
	fmSlow           = 3 * time.Second
)

// fmScenario is one kind of fault, injected for one apply.
type fmScenario struct {
	tag    string
	inject func(s *sandbox.Server, p FaultPlatform)
	own    bool // adds the platform's own Stress; a scenario of nothing else is left out without one
	empty  bool // declares no customer (count = 0)
}

func fmFaults(s *sandbox.Server, faults ...sandbox.Fault) {
	for _, f := range faults {
		s.InjectFault(f)
	}
}

// 30 % of requests answered 429 with Retry-After.
func fmThrottle(p FaultPlatform) sandbox.Fault {
	return sandbox.Fault{Platform: p.Name, Percent: 30, Status: 429, RetryAfter: "1"}
}

// 10 % of requests answered 502 or 503 with an HTML page (a proxy's).
func fmHTMLErrors(p FaultPlatform) []sandbox.Fault {
	return []sandbox.Fault{
		{Platform: p.Name, Percent: 5, Status: 502, Body: fmHTML502},
		{Platform: p.Name, Percent: 5, Status: 503, RetryAfter: "1", Body: fmHTML503},
	}
}

// 5 % of creates committed, then the connection dropped.
func fmDropAfterCommit(p FaultPlatform) sandbox.Fault {
	return sandbox.Fault{Platform: p.Name, Method: "POST", Path: p.CreatePath, Percent: 5, DropAfterCommit: true}
}

// About 5 % of creates committed, then answered 502 or 504 by a gateway.
func fmGatewayAfterCommit(p FaultPlatform) []sandbox.Fault {
	return []sandbox.Fault{
		{Platform: p.Name, Method: "POST", Path: p.CreatePath, Percent: 3, StatusAfterCommit: 502},
		{Platform: p.Name, Method: "POST", Path: p.CreatePath, Percent: 3, StatusAfterCommit: 504},
	}
}

// 10 % of requests answered later than request_timeout.
func fmSlowAnswers(p FaultPlatform) sandbox.Fault {
	return sandbox.Fault{Platform: p.Name, Percent: 10, Latency: fmSlow}
}

var fmScenarios = []fmScenario{
	{tag: "throttled", inject: func(s *sandbox.Server, p FaultPlatform) { fmFaults(s, fmThrottle(p)) }},
	{tag: "htmlerrors", inject: func(s *sandbox.Server, p FaultPlatform) { fmFaults(s, fmHTMLErrors(p)...) }},
	{tag: "dropped", inject: func(s *sandbox.Server, p FaultPlatform) { fmFaults(s, fmDropAfterCommit(p)) }},
	{tag: "gateway", inject: func(s *sandbox.Server, p FaultPlatform) { fmFaults(s, fmGatewayAfterCommit(p)...) }},
	{tag: "slow", inject: func(s *sandbox.Server, p FaultPlatform) { fmFaults(s, fmSlowAnswers(p)) }},
	// The platform's own fault, if it has one.
	{tag: "stress", own: true},
	// No resource and no fault: the previous customers are destroyed
	// before the faults come back all together, so that apply (throttled
	// to the adaptive rate) sends only the creates and their retries.
	{tag: "cleared", empty: true},
	{tag: "together", inject: func(s *sandbox.Server, p FaultPlatform) {
		// Create faults first: a request a share fault does not take goes
		// on to the next one, so every kind fires.
		fmFaults(s, fmDropAfterCommit(p))
		fmFaults(s, fmGatewayAfterCommit(p)...)
		fmFaults(s, fmThrottle(p))
		fmFaults(s, fmHTMLErrors(p)...)
		fmFaults(s, fmSlowAnswers(p))
	}, own: true},
}

// fmExhausted matches the diagnostic of a create whose every attempt was
// answered 503 with max_retries = 1: it names the platform, the operation,
// the status and the attempt count.
func fmExhausted(p FaultPlatform) *regexp.Regexp {
	return regexp.MustCompile(`(?is)` + p.Name + `\W.*\b503\b.*\bPOST\s+\S*customers\S*.*\b2\s+attempts\b`)
}

// FaultMatrix runs every fault scenario against 50 customers of p, one
// apply each, then faults that outlast max_retries and an apply after
// they stop.
func FaultMatrix(t *testing.T, p FaultPlatform) {
	s := Sandbox(t)
	fmLogCreates(t, s, p)
	// With every fault at once about 43 % of attempts fail: 12 retries
	// make a request that exhausts them (0.43^13, 1e-5) unlikely among the
	// few hundred of a step.
	faulty := ProviderConfigWith(s, map[string]string{"max_retries": "12", "request_timeout": fmRequestTimeout})
	var (
		steps   []resource.TestStep
		earlier []string // tags applied before, for forgotten customers
		logFrom int
		began   time.Time
		cost    func() string
		undo    = func() {}
	)
	stop := func() {
		s.ClearFaults()
		undo()
		undo = func() {}
	}
	// settle ends a scenario: faults stop (the harness's plans after the
	// apply then run clean), and the sandbox is compared with state.
	settle := func(tag string, n int, before []string) resource.TestCheckFunc {
		return func(st *terraform.State) error {
			stop()
			statuses, _ := fmStatuses(s, p.Name, logFrom)
			extra := ""
			if cost != nil {
				extra = "; " + cost()
			}
			t.Logf("%s %s: plan and apply in %s; sandbox answered %s%s", p.Name, tag, time.Since(began).Round(time.Millisecond), statuses, extra)
			return fmSettled(st, s, p, tag, n, before)
		}
	}
	begin := func(inject func()) func() {
		return func() {
			stop()
			_, logFrom = fmStatuses(s, p.Name, 0)
			if p.Cost != nil {
				cost = p.Cost(s)
			}
			began = time.Now()
			if inject != nil {
				inject()
			}
		}
	}
	for _, sc := range fmScenarios {
		if sc.own && sc.inject == nil && p.Stress == nil {
			continue // the platform has no fault of its own
		}
		n := fmCount
		if sc.empty {
			n = 0
		}
		inject := func() {
			if sc.inject != nil {
				sc.inject(s, p)
			}
			if sc.own && p.Stress != nil {
				undo = p.Stress(s)
			}
		}
		steps = append(steps, resource.TestStep{
			PreConfig: begin(inject),
			Config:    faulty + p.Block(sc.tag, n),
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
				s.InjectFault(sandbox.Fault{Platform: p.Name, Method: "POST", Path: p.CreatePath, Status: 503})
			}),
			// No slow answers here: a roomy timeout, so that on a loaded
			// machine the error is the 503s', not a lookup's timeout.
			Config:      ProviderConfigWith(s, map[string]string{"max_retries": "1", "request_timeout": `"30s"`}) + p.Block(exhausted, fmCount),
			ExpectError: fmExhausted(p),
		},
		// The faults stop: the same configuration converges, no duplicates.
		resource.TestStep{
			PreConfig: begin(nil),
			Config:    faulty + p.Block(exhausted, fmCount),
			Check:     settle(exhausted, fmCount, earlier),
		},
	)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: ProviderFactories,
		Steps:                    steps,
		// A step failed: stop the faults before the harness destroys.
		ErrorCheck: func(err error) error {
			stop()
			return err
		},
	})
}

// RetriedCreateLost: a create is answered 502 by a proxy (nothing
// committed; the lookup finds nothing), and the create sent again commits
// but its answer is lost too (the connection drops). That second answer
// must be reconciled like the first: one customer, in state.
func RetriedCreateLost(t *testing.T, p FaultPlatform) {
	s := Sandbox(t)
	fmLogCreates(t, s, p)
	fmFaults(s,
		sandbox.Fault{Platform: p.Name, Method: "POST", Path: p.CreatePath, Times: 1, Status: 502, Body: fmHTML502},
		sandbox.Fault{Platform: p.Name, Method: "POST", Path: p.CreatePath, Times: 1, DropAfterCommit: true},
	)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: ProviderFactories,
		Steps: []resource.TestStep{{
			Config: ProviderConfig(s) + p.Block("relost", 1),
			Check:  func(st *terraform.State) error { return fmSettled(st, s, p, "relost", 1, nil) },
		}},
	})
}
