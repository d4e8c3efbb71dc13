package provider_test

import (
	"fmt"
	"maps"
	"net/http"
	"net/http/httptest"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/customerops/terraform-provider-crm/internal/acctest"
	"github.com/customerops/terraform-provider-crm/internal/sandbox"
	sbaxim "github.com/customerops/terraform-provider-crm/internal/sandbox/axim"
	sbrazorpay "github.com/customerops/terraform-provider-crm/internal/sandbox/razorpay"
	sbwebcommander "github.com/customerops/terraform-provider-crm/internal/sandbox/webcommander"
	sbxtrakit "github.com/customerops/terraform-provider-crm/internal/sandbox/xtrakit"
)

const (
	// scPerPlatform customers on each of the four platforms: 300 in all.
	scPerPlatform = 75
	// scParallelism is Terraform's -parallelism for the test; its default is 10.
	scParallelism = 30
	// scGateTimeout bounds how long the gate holds requests when fewer than
	// scParallelism ever arrive together (a failure).
	scGateTimeout = 15 * time.Second
	// scRenameEvery: the update renames every tenth customer of each platform.
	scRenameEvery = 10
)

// scPlatforms: the resource type of each platform, the customers its
// sandbox holds, and the attribute holding scName.
var scPlatforms = []struct {
	platform, resourceType string
	records                func(*sandbox.Server) []scRecord
	nameAttr               string // the attribute holding scName
}{
	{sbxtrakit.Name, "crm_xtrakit_customer", func(s *sandbox.Server) []scRecord {
		var out []scRecord
		for _, c := range sbxtrakit.StoreOf(s).Customers.List() {
			email := ""
			if c.CustomerEmail != nil {
				email = *c.CustomerEmail
			}
			out = append(out, scRecord{strconv.FormatInt(c.ID, 10), email, c.CustomerName})
		}
		return out
	}, "name"},
	{sbrazorpay.Name, "crm_razorpay_customer", func(s *sandbox.Server) []scRecord {
		var out []scRecord
		for _, c := range sbrazorpay.StoreOf(s).Customers.List() {
			out = append(out, scRecord{c.ID, c.Email, c.Name})
		}
		return out
	}, "name"},
	{sbaxim.Name, "crm_axim_customer", func(s *sandbox.Server) []scRecord {
		var out []scRecord
		for _, c := range sbaxim.StoreOf(s).Customers.List() {
			out = append(out, scRecord{c.ID, c.Email, c.LastName})
		}
		return out
	}, "last_name"},
	{sbwebcommander.Name, "crm_webcommander_customer", func(s *sandbox.Server) []scRecord {
		var out []scRecord
		for _, c := range sbwebcommander.StoreOf(s).Customers.List() {
			out = append(out, scRecord{strconv.FormatInt(c.ID, 10), c.Email, c.LastName})
		}
		return out
	}, "last_name"},
}

type scRecord struct{ id, email, name string }

// scEmail is customer i's e-mail on platform: distinct across all 300.
func scEmail(platform string, i int) string {
	return fmt.Sprintf("sc-%s-%03d@example.com", platform, i)
}

// scName is customer i's name, after the update when renamed.
func scName(i int, renamed bool) string {
	if renamed && i%scRenameEvery == 0 {
		return fmt.Sprintf("Renamed %d", i)
	}
	return fmt.Sprintf("Customer %d", i)
}

// scConfig declares scPerPlatform minimal customers on each platform; with
// renamed, every scRenameEvery-th one has another name.
func scConfig(renamed bool) string {
	name := `"Customer ${count.index}"`
	if renamed {
		name = fmt.Sprintf(`count.index %% %d == 0 ? "Renamed ${count.index}" : "Customer ${count.index}"`, scRenameEvery)
	}
	return fmt.Sprintf(`
resource "crm_xtrakit_customer" "c" {
  count      = %[1]d
  name       = %[2]s
  email      = format("sc-xtrakit-%%03d@example.com", count.index)
  phone      = "+233201234567"
  country    = "Ghana"
  state      = "Ashanti"
  city       = "Kumasi"
  address1   = "12 Harper Road"
  created_by = "scale-test"
}

resource "crm_razorpay_customer" "c" {
  count   = %[1]d
  name    = %[2]s
  contact = "+919876543210"
  email   = format("sc-razorpay-%%03d@example.com", count.index)
}

resource "crm_axim_customer" "c" {
  count      = %[1]d
  first_name = "Scale"
  last_name  = %[2]s
  email      = format("sc-axim-%%03d@example.com", count.index)
}

resource "crm_webcommander_customer" "c" {
  count      = %[1]d
  first_name = "Scale"
  last_name  = %[2]s
  email      = format("sc-webcommander-%%03d@example.com", count.index)
}
`, scPerPlatform, name)
}

// scInFlight counts the platform requests being answered at once, by
// method (WebCommander's token requests only in the total: they precede a
// resource's own request). While a gate is armed for a method, it holds
// that method's requests until scParallelism of them are in flight
// together, so that Terraform's parallelism shows whatever the speed of
// the machine: with -parallelism=30 the 30 operations Terraform runs at once
// all reach the gate; with 10 no more than 10 ever do, and the gate gives
// up scGateTimeout after the first one arrived.
type scInFlight struct {
	mu            sync.Mutex
	now, max      int
	byMethod, top map[string]int
	gate          string        // the method held, "" for none
	open          chan struct{} // closed when the gate opens
	timing        bool          // the first held request started the timeout
}

func (c *scInFlight) wrap(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		counted := !strings.HasSuffix(r.URL.Path, "/oauth2/token")
		var wait chan struct{}
		c.mu.Lock()
		c.now++
		c.max = max(c.max, c.now)
		if counted {
			c.byMethod[r.Method]++
			c.top[r.Method] = max(c.top[r.Method], c.byMethod[r.Method])
			if c.gate == r.Method {
				wait = c.open
				if !c.timing {
					c.timing = true
					open := c.open
					time.AfterFunc(scGateTimeout, func() {
						c.mu.Lock()
						defer c.mu.Unlock()
						if c.open == open {
							c.openGate()
						}
					})
				}
				if c.byMethod[r.Method] >= scParallelism {
					c.openGate()
				}
			}
		}
		c.mu.Unlock()
		defer func() {
			c.mu.Lock()
			c.now--
			if counted {
				c.byMethod[r.Method]--
			}
			c.mu.Unlock()
		}()
		if wait != nil {
			<-wait
		}
		next.ServeHTTP(w, r)
	})
}

// openGate lets the held requests go; c.mu is held.
func (c *scInFlight) openGate() {
	if c.gate != "" {
		close(c.open)
		c.gate, c.open = "", nil
	}
}

// arm starts a new measure, holding method's requests at the gate.
func (c *scInFlight) arm(method string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.openGate()
	c.max = c.now
	c.top = maps.Clone(c.byMethod)
	c.gate, c.open, c.timing = method, make(chan struct{}), false
}

// check checks the most requests of method in flight at once since arm:
// scParallelism, where Terraform's default is 10, shows the CLI ran that
// many operations at once; and that no more than scParallelism requests of
// any kind were ever in flight together, as Terraform keeps to the limit
// and each operation sends its requests one after another.
func (c *scInFlight) check(method string) (string, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.openGate()
	if got := c.top[method]; got != scParallelism {
		return "", fmt.Errorf("at most %d %s requests were in flight at once, want %d (-parallelism=%d; the default is 10)",
			got, method, scParallelism, scParallelism)
	}
	if c.max > scParallelism {
		return "", fmt.Errorf("%d requests were in flight at once, more than -parallelism=%d", c.max, scParallelism)
	}
	return fmt.Sprintf("%d %s requests, %d in all, were in flight at once", c.top[method], method, c.max), nil
}

// scCheckSandbox checks that each platform holds exactly the declared
// customers, each e-mail once, with the expected names, and that the state
// holds the same records: the same ids, e-mails and names, and no other.
func scCheckSandbox(s *sandbox.Server, state map[string]acctest.Instance, renamed bool) error {
	var errs []string
	for _, p := range scPlatforms {
		records := p.records(s)
		if len(records) != scPerPlatform {
			errs = append(errs, fmt.Sprintf("%s holds %d customers, want %d", p.platform, len(records), scPerPlatform))
		}
		byEmail := map[string]scRecord{}
		for _, r := range records {
			if _, dup := byEmail[r.email]; dup {
				errs = append(errs, fmt.Sprintf("%s holds e-mail %s twice", p.platform, r.email))
			}
			byEmail[r.email] = r
		}
		inState := 0
		for _, in := range state {
			if in.Mode == "managed" && in.Type == p.resourceType {
				inState++
			}
		}
		if inState != scPerPlatform {
			errs = append(errs, fmt.Sprintf("the state holds %d %s resources, want %d", inState, p.resourceType, scPerPlatform))
		}
		for i := range scPerPlatform {
			email := scEmail(p.platform, i)
			r, ok := byEmail[email]
			if !ok {
				errs = append(errs, fmt.Sprintf("%s lacks %s", p.platform, email))
				continue
			}
			if want := scName(i, renamed); r.name != want {
				errs = append(errs, fmt.Sprintf("%s customer %s is named %q, want %q", p.platform, r.id, r.name, want))
			}
			addr := fmt.Sprintf("%s.c[%d]", p.resourceType, i)
			in, ok := state[addr]
			if !ok {
				errs = append(errs, fmt.Sprintf("the state lacks %s", addr))
				continue
			}
			got := scRecord{fmt.Sprint(in.Attributes["id"]), fmt.Sprint(in.Attributes["email"]), fmt.Sprint(in.Attributes[p.nameAttr])}
			if got != r {
				errs = append(errs, fmt.Sprintf("%s is %v in the state, %v in %s", addr, got, r, p.platform))
			}
		}
	}
	if len(errs) > 0 {
		slices.Sort(errs)
		if len(errs) > 20 {
			errs = append(errs[:20], fmt.Sprintf("... and %d more", len(errs)-20))
		}
		return fmt.Errorf("the sandbox and the state differ from the configuration:\n%s", strings.Join(errs, "\n"))
	}
	return nil
}

// scCheckRequests checks how many requests of method each platform received
// since mark (e.g. one POST per customer, one PUT per renamed one).
func scCheckRequests(mark *acctest.Mark, method string, want int) error {
	got := map[string]int{}
	for _, r := range mark.Since() {
		if r.Method == method && !strings.HasSuffix(r.Path, "/oauth2/token") {
			got[r.Platform]++
		}
	}
	for _, p := range scPlatforms {
		if got[p.platform] != want {
			return fmt.Errorf("%s received %d %s requests, want %d", p.platform, got[p.platform], method, want)
		}
	}
	return nil
}

// TestAccProvider_parallel300 applies 300 customers, 75 on each platform,
// with -parallelism=30, the provider served in this process (the acceptance
// runs use -race, so the race detector watches it under that load): the
// platforms then hold exactly the declared records and the state matches
// them; the next plan is empty; renaming every tenth one sends exactly
// those updates, and the plan is empty again; destroy deletes every
// customer but Razorpay's, which have no delete and are only forgotten.
//
// The test harness cannot set the parallelism: terraform-exec passes
// -parallelism=10 to every plan, apply and destroy, after (so overriding)
// TF_CLI_ARGS_<command>. So the CLI under test runs here as a user runs it
// (acctest.CLI), with -parallelism=30. A counter in front of the sandbox proves
// the CLI used it (scInFlight): 30 creates, updates and deletes were in
// flight at once, where the default allows 10, and never more than 30
// requests of any kind. Reads are not measured: the provider may serve a
// plan's reads from a few shared list requests (refresh by list).
func TestAccProvider_parallel300(t *testing.T) {
	c := acctest.NewCLI(t)
	s := acctest.Sandbox(t)
	inFlight := &scInFlight{byMethod: map[string]int{}, top: map[string]int{}}
	counted := httptest.NewServer(inFlight.wrap(s.Handler()))
	t.Cleanup(counted.Close)
	// The provider reaches the sandbox through the counter.
	provider := strings.ReplaceAll(acctest.ProviderConfig(s), s.URL(), counted.URL)
	check := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	// run runs a command with -parallelism=30 and checks that 30 requests
	// of method were in flight at once.
	var mark acctest.Mark
	run := func(method string, args ...string) string {
		t.Helper()
		mark = acctest.MarkRequests(s)
		inFlight.arm(method)
		out, code := c.Run(append(args, "-no-color", fmt.Sprintf("-parallelism=%d", scParallelism))...)
		if code != 0 {
			t.Fatalf("%s failed (exit %d):\n%s", args[0], code, out)
		}
		measured, err := inFlight.check(method)
		check(err)
		t.Logf("%s: %s", args[0], measured)
		return out
	}

	c.Write("main.tf", provider+scConfig(false))
	c.Must("init", "-no-color", "-input=false")
	run(http.MethodPost, "apply", "-auto-approve")
	check(scCheckRequests(&mark, http.MethodPost, scPerPlatform))
	check(scCheckSandbox(s, c.State(), false))
	c.ExpectEmptyPlan(fmt.Sprintf("-parallelism=%d", scParallelism))

	c.Write("main.tf", provider+scConfig(true))
	run(http.MethodPut, "apply", "-auto-approve")
	check(scCheckRequests(&mark, http.MethodPut, (scPerPlatform+scRenameEvery-1)/scRenameEvery))
	check(scCheckRequests(&mark, http.MethodPost, 0))
	check(scCheckSandbox(s, c.State(), true))
	c.ExpectEmptyPlan(fmt.Sprintf("-parallelism=%d", scParallelism))

	out := run(http.MethodDelete, "destroy", "-auto-approve")
	deletes := map[string]int{}
	for _, r := range mark.Since() {
		if r.Method == http.MethodDelete {
			deletes[r.Platform]++
		}
	}
	for _, p := range scPlatforms {
		left, sent := len(p.records(s)), deletes[p.platform]
		wantLeft, wantSent := 0, scPerPlatform
		if p.platform == sbrazorpay.Name {
			wantLeft, wantSent = scPerPlatform, 0 // no delete: forgotten, still there
		}
		if left != wantLeft || sent != wantSent {
			t.Errorf("destroy sent %d DELETE requests to %s and left %d customers, want %d and %d",
				sent, p.platform, left, wantSent, wantLeft)
		}
	}
	if n := strings.Count(out, "still exists in Razorpay"); n < 1 {
		t.Errorf("destroy did not warn that the Razorpay customers stay in Razorpay:\n%s", out)
	}
	if st := c.State(); len(st) != 0 {
		t.Errorf("the state still holds %d resources after destroy", len(st))
	}
}
