package provider_test

import (
	"fmt"
	"maps"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/customerops/terraform-provider-crm/internal/sandbox"
	sbaxim "github.com/customerops/terraform-provider-crm/internal/sandbox/axim"
	sbrazorpay "github.com/customerops/terraform-provider-crm/internal/sandbox/razorpay"
	sbwebcommander "github.com/customerops/terraform-provider-crm/internal/sandbox/webcommander"
	sbxtrakit "github.com/customerops/terraform-provider-crm/internal/sandbox/xtrakit"
)

// fmCount is how many customers each fault-matrix step declares.
const fmCount = 50

// fmRecord is one sandbox customer as the fault matrix compares it with
// state: its id, its e-mail and the attributes a minimal customer sets,
// keyed by their Terraform names.
type fmRecord struct {
	id, email string
	attrs     map[string]string
}

// fmPlatform is what the fault matrix needs to know of one platform.
type fmPlatform struct {
	name       string // sandbox platform name, as in Fault.Platform
	resource   string // Terraform resource type
	createPath string // platform-relative path of the create POST
	// block is the resource block of n customers for one scenario: the
	// resource is named fm_<tag> and every e-mail is fm-<tag>-N@...
	block func(tag string, n int) string
	// records lists what the sandbox holds.
	records func(*sandbox.Server) []fmRecord
	// keepsForgotten: destroy only forgets (Razorpay has no delete), so the
	// customers of earlier steps stay in the sandbox.
	keepsForgotten bool
}

func fmEmail(tag string, i int) string { return fmt.Sprintf("fm-%s-%d@example.com", tag, i) }

// fmPlatforms are the four customer resources under test.
var fmPlatforms = map[string]fmPlatform{
	sbxtrakit.Name: {
		name: sbxtrakit.Name, resource: "crm_xtrakit_customer", createPath: "/customers/add",
		block: func(tag string, n int) string {
			return fmt.Sprintf(`
resource "crm_xtrakit_customer" "fm_%[1]s" {
  count      = %[2]d
  name       = "FM %[1]s ${count.index}"
  email      = "fm-%[1]s-${count.index}@example.com"
  phone      = "+233201234567"
  country    = "Ghana"
  state      = "Ashanti"
  city       = "Kumasi"
  address1   = "12 Harper Road"
  created_by = "platform-team"
}
`, tag, n)
		},
		records: func(s *sandbox.Server) []fmRecord {
			var out []fmRecord
			for _, c := range sbxtrakit.StoreOf(s).Customers.List() {
				email := ""
				if c.CustomerEmail != nil {
					email = *c.CustomerEmail
				}
				out = append(out, fmRecord{strconv.FormatInt(c.ID, 10), email, map[string]string{"name": c.CustomerName, "email": email}})
			}
			return out
		},
	},
	sbrazorpay.Name: {
		name: sbrazorpay.Name, resource: "crm_razorpay_customer", createPath: "/customers", keepsForgotten: true,
		block: func(tag string, n int) string {
			return fmt.Sprintf(`
resource "crm_razorpay_customer" "fm_%[1]s" {
  count   = %[2]d
  name    = "FM %[1]s ${count.index}"
  contact = "+919876543210"
  email   = "fm-%[1]s-${count.index}@example.com"
}
`, tag, n)
		},
		records: func(s *sandbox.Server) []fmRecord {
			var out []fmRecord
			for _, c := range sbrazorpay.StoreOf(s).Customers.List() {
				out = append(out, fmRecord{c.ID, c.Email, map[string]string{"name": c.Name, "email": c.Email, "contact": c.Contact}})
			}
			return out
		},
	},
	sbaxim.Name: {
		name: sbaxim.Name, resource: "crm_axim_customer", createPath: "/customers",
		block: func(tag string, n int) string {
			return fmt.Sprintf(`
resource "crm_axim_customer" "fm_%[1]s" {
  count      = %[2]d
  first_name = "FM"
  last_name  = "%[1]s ${count.index}"
  email      = "fm-%[1]s-${count.index}@example.com"
}
`, tag, n)
		},
		records: func(s *sandbox.Server) []fmRecord {
			var out []fmRecord
			for _, c := range sbaxim.StoreOf(s).Customers.List() {
				out = append(out, fmRecord{c.ID, c.Email, map[string]string{"first_name": c.FirstName, "last_name": c.LastName, "email": c.Email}})
			}
			return out
		},
	},
	sbwebcommander.Name: {
		name: sbwebcommander.Name, resource: "crm_webcommander_customer", createPath: "/api/v4/admin/customers",
		block: func(tag string, n int) string {
			return fmt.Sprintf(`
resource "crm_webcommander_customer" "fm_%[1]s" {
  count      = %[2]d
  first_name = "FM %[1]s ${count.index}"
  email      = "fm-%[1]s-${count.index}@example.com"
}
`, tag, n)
		},
		records: func(s *sandbox.Server) []fmRecord {
			var out []fmRecord
			for _, c := range sbwebcommander.StoreOf(s).Customers.List() {
				out = append(out, fmRecord{strconv.FormatInt(c.ID, 10), c.Email, map[string]string{"first_name": c.FirstName, "email": c.Email}})
			}
			return out
		},
	},
}

// fmCheckSandbox checks, after an apply of n customers of scenario tag,
// that the sandbox holds each declared e-mail exactly once, and no other
// record but those of the earlier tags (fmCount each) when the platform
// only forgets on destroy (each once too).
func fmCheckSandbox(s *sandbox.Server, p fmPlatform, tag string, n int, earlier []string) error {
	want := map[string]bool{}
	for i := range n {
		want[fmEmail(tag, i)] = true
	}
	if p.keepsForgotten {
		for _, tg := range earlier {
			for i := range fmCount {
				want[fmEmail(tg, i)] = true
			}
		}
	}
	recs := p.records(s)
	perEmail := map[string]int{}
	for _, r := range recs {
		perEmail[strings.ToLower(r.email)]++
	}
	var problems []string
	for _, e := range slices.Sorted(maps.Keys(perEmail)) {
		switch n := perEmail[e]; {
		case !want[e]:
			problems = append(problems, fmt.Sprintf("undeclared record(s) with e-mail %q: %d", e, n))
		case n > 1:
			problems = append(problems, fmt.Sprintf("e-mail %q is held %d times (duplicate)", e, n))
		}
	}
	for _, e := range slices.Sorted(maps.Keys(want)) {
		if perEmail[e] == 0 {
			problems = append(problems, fmt.Sprintf("declared e-mail %q is missing", e))
		}
	}
	if len(problems) > 0 {
		return fmt.Errorf("%s after %q: the sandbox holds %d records, want %d:\n  %s",
			p.name, tag, len(recs), len(want), strings.Join(fmFirst(problems, 20), "\n  "))
	}
	return nil
}

// fmCheckState checks that state holds n instances of p's resource named
// fm_<tag>, with distinct ids, each the id of a sandbox record whose
// fields equal the instance's.
func fmCheckState(st *terraform.State, s *sandbox.Server, p fmPlatform, tag string, n int) error {
	byID := map[string]fmRecord{}
	for _, r := range p.records(s) {
		byID[r.id] = r
	}
	prefix := p.resource + ".fm_" + tag + "."
	seen := map[string]string{}
	var problems []string
	instances := 0
	for addr, rs := range st.RootModule().Resources {
		if !strings.HasPrefix(addr, prefix) {
			continue
		}
		instances++
		id := rs.Primary.ID
		if other, dup := seen[id]; dup {
			problems = append(problems, fmt.Sprintf("%s and %s both hold id %s", addr, other, id))
		}
		seen[id] = addr
		rec, ok := byID[id]
		if !ok {
			problems = append(problems, fmt.Sprintf("%s: id %s is not in the sandbox", addr, id))
			continue
		}
		for _, k := range slices.Sorted(maps.Keys(rec.attrs)) {
			got, want := rs.Primary.Attributes[k], rec.attrs[k]
			if got != want && (k != "email" || !strings.EqualFold(got, want)) {
				problems = append(problems, fmt.Sprintf("%s: %s is %q in state, %q in the sandbox", addr, k, got, want))
			}
		}
	}
	if instances != n {
		problems = append(problems, fmt.Sprintf("state holds %d instances of %s.fm_%s, want %d", instances, p.resource, tag, n))
	}
	if len(problems) > 0 {
		slices.Sort(problems)
		return fmt.Errorf("%s after %q: state differs from the sandbox:\n  %s", p.name, tag, strings.Join(fmFirst(problems, 20), "\n  "))
	}
	return nil
}

// fmSettled is fmCheckSandbox and fmCheckState.
func fmSettled(st *terraform.State, s *sandbox.Server, p fmPlatform, tag string, n int, earlier []string) error {
	if err := fmCheckSandbox(s, p, tag, n, earlier); err != nil {
		return err
	}
	return fmCheckState(st, s, p, tag, n)
}

// fmFirst keeps a long list of problems readable.
func fmFirst(problems []string, n int) []string {
	if len(problems) <= n {
		return problems
	}
	return append(slices.Clone(problems[:n]), fmt.Sprintf("... and %d more", len(problems)-n))
}

// fmStatuses summarises the statuses the sandbox answered one platform
// since a log position, for the test log: which faults actually fired.
func fmStatuses(s *sandbox.Server, platform string, from int) (string, int) {
	reqs := s.RequestsFor(platform)
	counts := map[int]int{}
	for _, r := range reqs[min(from, len(reqs)):] {
		counts[r.Status]++
	}
	parts := make([]string, 0, len(counts))
	for _, st := range slices.Sorted(maps.Keys(counts)) {
		parts = append(parts, fmt.Sprintf("%d×%d", counts[st], st))
	}
	return strings.Join(parts, " "), len(reqs)
}

var fmEmailInBody = regexp.MustCompile(`fm-[a-z]+-[0-9]+@example\.com`)

// fmLogCreates logs, when the test failed, every declared e-mail whose
// create did not succeed at the first attempt: the statuses of its POSTs
// in order (0 = no answer: dropped, or given up by the client), so a
// failure shows which faults each create met.
func fmLogCreates(t *testing.T, s *sandbox.Server, p fmPlatform) {
	t.Cleanup(func() {
		if !t.Failed() {
			return
		}
		seq := map[string][]int{}
		for _, r := range s.RequestsFor(p.name) {
			if r.Method != "POST" || r.Path != p.createPath {
				continue
			}
			e := fmEmailInBody.FindString(string(r.Body))
			seq[e] = append(seq[e], r.Status)
		}
		var lines []string
		for _, e := range slices.Sorted(maps.Keys(seq)) {
			if st := seq[e]; len(st) > 1 || st[0] < 200 || st[0] > 299 {
				lines = append(lines, fmt.Sprintf("%s: %v", e, st))
			}
		}
		if len(lines) > 0 {
			t.Logf("%s creates not answered 2xx at once (statuses in order; 0 = no answer):\n  %s",
				p.name, strings.Join(fmFirst(lines, 40), "\n  "))
		}
	})
}
