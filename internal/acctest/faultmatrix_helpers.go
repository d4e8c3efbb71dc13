package acctest

import (
	"fmt"
	"maps"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/customerops/terraform-provider-crm/internal/sandbox"
)

// fmCount is how many customers each fault-matrix step declares.
const fmCount = 50

// FaultRecord is one sandbox customer as the fault matrix compares it with
// state: its id, its e-mail and the attributes a minimal customer sets,
// keyed by their Terraform names.
type FaultRecord struct {
	ID, Email string
	Attrs     map[string]string
}

// FaultPlatform is what the fault matrix needs to know of one platform;
// each platform declares it beside its tests (fault_matrix_test.go).
type FaultPlatform struct {
	Name       string // emulator name, as in Fault.Platform
	Resource   string // Terraform resource type
	CreatePath string // platform-relative path of the create POST
	// Block is the resource block of n customers for one scenario: the
	// resource is named fm_<tag> and every e-mail is FaultEmail(tag, i).
	Block func(tag string, n int) string
	// Records lists what the sandbox holds.
	Records func(*sandbox.Server) []FaultRecord
	// KeepsForgotten: destroy only forgets (a platform without delete), so
	// the customers of earlier steps stay in the sandbox.
	KeepsForgotten bool
	// Stress, when set, is a fault of the platform's own (WebCommander:
	// access tokens that expire every few seconds): a scenario of its own,
	// and part of "together". It returns what undoes it.
	Stress func(*sandbox.Server) (undo func())
	// Cost, when set, starts counting what a step costs the platform
	// beyond requests (WebCommander: token grants) and returns a function
	// that says it, for the step's log line.
	Cost func(*sandbox.Server) func() string
}

// FaultEmail is the e-mail of customer i of a fault-matrix step.
func FaultEmail(tag string, i int) string { return fmt.Sprintf("fm-%s-%d@example.com", tag, i) }

// fmCheckSandbox checks, after an apply of n customers of scenario tag,
// that the sandbox holds each declared e-mail exactly once, and no other
// record but those of the earlier tags (fmCount each) when the platform
// only forgets on destroy (each once too).
func fmCheckSandbox(s *sandbox.Server, p FaultPlatform, tag string, n int, earlier []string) error {
	want := map[string]bool{}
	for i := range n {
		want[FaultEmail(tag, i)] = true
	}
	if p.KeepsForgotten {
		for _, tg := range earlier {
			for i := range fmCount {
				want[FaultEmail(tg, i)] = true
			}
		}
	}
	recs := p.Records(s)
	perEmail := map[string]int{}
	for _, r := range recs {
		perEmail[strings.ToLower(r.Email)]++
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
			p.Name, tag, len(recs), len(want), strings.Join(fmFirst(problems, 20), "\n  "))
	}
	return nil
}

// fmCheckState checks that state holds n instances of p's resource named
// fm_<tag>, with distinct ids, each the id of a sandbox record whose
// fields equal the instance's.
func fmCheckState(st *terraform.State, s *sandbox.Server, p FaultPlatform, tag string, n int) error {
	byID := map[string]FaultRecord{}
	for _, r := range p.Records(s) {
		byID[r.ID] = r
	}
	prefix := p.Resource + ".fm_" + tag + "."
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
		for _, k := range slices.Sorted(maps.Keys(rec.Attrs)) {
			got, want := rs.Primary.Attributes[k], rec.Attrs[k]
			if got != want && (k != "email" || !strings.EqualFold(got, want)) {
				problems = append(problems, fmt.Sprintf("%s: %s is %q in state, %q in the sandbox", addr, k, got, want))
			}
		}
	}
	if instances != n {
		problems = append(problems, fmt.Sprintf("state holds %d instances of %s.fm_%s, want %d", instances, p.Resource, tag, n))
	}
	if len(problems) > 0 {
		slices.Sort(problems)
		return fmt.Errorf("%s after %q: state differs from the sandbox:\n  %s", p.Name, tag, strings.Join(fmFirst(problems, 20), "\n  "))
	}
	return nil
}

// fmSettled is fmCheckSandbox and fmCheckState.
func fmSettled(st *terraform.State, s *sandbox.Server, p FaultPlatform, tag string, n int, earlier []string) error {
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
func fmLogCreates(t *testing.T, s *sandbox.Server, p FaultPlatform) {
	t.Cleanup(func() {
		if !t.Failed() {
			return
		}
		seq := map[string][]int{}
		for _, r := range s.RequestsFor(p.Name) {
			if r.Method != "POST" || r.Path != p.CreatePath {
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
				p.Name, strings.Join(fmFirst(lines, 40), "\n  "))
		}
	})
}
