package acctest

import (
	"fmt"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/customerops/terraform-provider-crm/internal/platform"
	"github.com/customerops/terraform-provider-crm/internal/sandbox"
	"github.com/customerops/terraform-provider-crm/internal/transport"
)

// AdoptPlatform is what the adoption tests need of one resource type:
// records made outside Terraform, and a filter that picks some of them.
type AdoptPlatform struct {
	Name string // the emulator's: "xtrakit"
	Type string // "crm_xtrakit_customer"
	// Filter is the list resource's config, attribute -> value (a string
	// or an int64), as a list block and `generate` NAME=VALUE take it.
	Filter map[string]any
	// Seed makes the records through the sandbox's own API (never through
	// Terraform), some with messy values, and some that Filter leaves out.
	// It returns the ids of the n records Filter matches.
	Seed func(t *testing.T, s *sandbox.Server, n int) []string
	// ListPath is the list's path and PageSize its largest page: listing
	// reads at most one page per PageSize records the seed made, plus one.
	ListPath string
	PageSize int
}

// AdoptCount is how many records the adoption tests adopt per platform.
const AdoptCount = 40

// AdoptByQuery adopts p's records as a Terraform 1.14+ user does: a list
// block with the filter, `terraform query -generate-config-out`, apply
// ("40 imported, 0 added, 0 changed, 0 destroyed"), and an empty plan,
// without one write to the platform.
func AdoptByQuery(t *testing.T, p AdoptPlatform) { adoptByQuery(t, p, AdoptCount) }

// AdoptThousand is AdoptByQuery with 1,000 records, imported in one apply
// with Terraform's default parallelism.
func AdoptThousand(t *testing.T, p AdoptPlatform) { adoptByQuery(t, p, 1000) }

func adoptByQuery(t *testing.T, p AdoptPlatform, n int) {
	c := NewCLI(t)
	c.Gate(QueryCLI, QueryReason)
	adopt(t, c, p, n, func(s *sandbox.Server) {
		var b strings.Builder
		fmt.Fprintf(&b, "list %q \"adopt\" {\n  provider         = crm\n  include_resource = true\n  limit            = 1000\n  config {\n", p.Type)
		for _, k := range slices.Sorted(maps.Keys(p.Filter)) {
			fmt.Fprintf(&b, "    %s = %s\n", k, hclLiteral(p.Filter[k]))
		}
		b.WriteString("  }\n}\n")
		c.Write("adopt.tfquery.hcl", b.String())
		c.Must("query", "-no-color", "-generate-config-out=generated.tf")
	})
}

// AdoptByGenerate adopts p's records on any CLI: `terraform-provider-crm
// generate TYPE NAME=VALUE...` with the sandbox's environment variables,
// then apply and an empty plan, without one write to the platform.
func AdoptByGenerate(t *testing.T, p AdoptPlatform) {
	c := NewCLI(t)
	adopt(t, c, p, AdoptCount, func(s *sandbox.Server) {
		args := []string{"generate", "-o", filepath.Join(c.Dir, "generated.tf"), p.Type}
		for _, k := range slices.Sorted(maps.Keys(p.Filter)) {
			args = append(args, fmt.Sprintf("%s=%v", k, p.Filter[k]))
		}
		cmd := exec.CommandContext(t.Context(), ProviderBinary(t), args...)
		cmd.Env = append(os.Environ(), Env(s)...)
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("terraform-provider-crm %s: %v\n%s", strings.Join(args, " "), err, out)
		}
		t.Logf("terraform-provider-crm %s: %s", strings.Join(args, " "), out)
	})
}

// adopt seeds n of p's records, lets generate write generated.tf from
// their list, and applies it.
func adopt(t *testing.T, c *CLI, p AdoptPlatform, n int, generate func(s *sandbox.Server)) {
	s := Sandbox(t)
	want := p.Seed(t, s, n)
	if len(want) != n {
		t.Fatalf("Seed returned %d ids, want %d", len(want), n)
	}
	seeded := len(s.RequestsFor(p.Name))
	c.Write("main.tf", ProviderConfig(s))
	c.Must("init", "-no-color", "-input=false")
	generate(s)
	listed := len(s.RequestsFor(p.Name))
	generated, err := os.ReadFile(filepath.Join(c.Dir, "generated.tf"))
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Count(string(generated), "\nimport {"); got != n {
		t.Fatalf("generated.tf holds %d import blocks, want %d:\n%.3000s", got, n, generated)
	}
	out := c.Must("apply", "-no-color", "-auto-approve")
	applied := regexp.MustCompile(fmt.Sprintf(`Resources: %d imported, 0 added, 0 changed, 0 destroyed`, n))
	if !applied.MatchString(out) {
		t.Fatalf("the apply did not import exactly the %d records and nothing else:\n%s", n, out)
	}
	c.ExpectEmptyPlan()

	var got []string
	for addr, in := range c.State() {
		if in.Mode == "managed" && in.Type == p.Type {
			got = append(got, fmt.Sprint(in.Attributes["id"]))
		} else {
			t.Errorf("unexpected %s in state", addr)
		}
	}
	slices.Sort(got)
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Errorf("state holds %d records, want the %d filtered ones (first: %v)", len(got), len(want), got[:min(5, len(got))])
	}
	all := s.RequestsFor(p.Name)
	checkListing(t, p, all[:seeded], all[seeded:listed])
	for _, r := range all[seeded:] {
		if r.Method != "GET" && !strings.Contains(r.Path, "/oauth2/") {
			t.Errorf("adopting wrote to %s: %s %s", p.Name, r.Method, r.Path)
		}
	}
	if t.Failed() {
		t.Logf("generated.tf:\n%.5000s\nCLI output:\n%s", generated, c.Outputs.String())
	}
}

// checkListing: listing read the list page by page, at most one page per
// PageSize records the seed created (plus the last, empty or short), and
// nothing record by record.
func checkListing(t *testing.T, p AdoptPlatform, seeding, listing []sandbox.Request) {
	t.Helper()
	if p.ListPath == "" {
		return
	}
	created, pages := 0, 0
	for _, r := range seeding {
		if r.Method == "POST" && !strings.Contains(r.Path, "/oauth2/") {
			created++
		}
	}
	for _, r := range listing {
		switch {
		case r.Method == "GET" && r.Path == p.ListPath:
			pages++
		case strings.Contains(r.Path, "/oauth2/"):
		default:
			t.Errorf("listing sent %s %s: a list resource reads list pages only", r.Method, r.Path)
		}
	}
	if most := created/p.PageSize + 1; pages == 0 || pages > most {
		t.Errorf("listing read %d pages of %s for %d records made (at most %d a page): want 1 to %d", pages, p.ListPath, created, p.PageSize, most)
	}
	t.Logf("listing %d records made: %d list pages of %s", created, pages, p.ListPath)
}

func hclLiteral(v any) string {
	if s, ok := v.(string); ok {
		return fmt.Sprintf("%q", s)
	}
	return fmt.Sprint(v)
}

// Env is the sandbox's connection settings as the environment variables
// the provider (and `generate`) reads: "XTRAKIT_API_KEY=...".
func Env(s *sandbox.Server) []string {
	var env []string
	for _, e := range s.Emulators() {
		for _, st := range e.Settings(s.BaseURL(e.Name)) {
			env = append(env, st.Env+"="+st.Value)
		}
	}
	return env
}

var binary struct {
	once sync.Once
	path string
	err  error
	out  []byte
	took time.Duration
}

// ProviderBinary builds the provider binary once per test process, as a
// user runs it (for its subcommands, or through dev_overrides from its
// directory, where it is alone). With -race when the tests run with it,
// so the build reuses the packages `go test` has just compiled.
func ProviderBinary(t *testing.T) string {
	t.Helper()
	binary.once.Do(func() {
		// Beside the harness' scratch directories, which scripts/acc.sh clears.
		dir, err := os.MkdirTemp(os.Getenv("TF_ACC_TEMP_DIR"), "crm-provider-bin-")
		if err != nil {
			binary.err = err
			return
		}
		binary.path = filepath.Join(dir, "terraform-provider-crm")
		args := []string{"build", "-o", binary.path}
		if raceEnabled {
			args = append(args, "-race")
		}
		start := time.Now()
		cmd := exec.CommandContext(t.Context(), "go", append(args, "github.com/customerops/terraform-provider-crm")...)
		binary.out, binary.err = cmd.CombinedOutput()
		binary.took = time.Since(start)
	})
	if binary.err != nil {
		t.Fatalf("building the provider: %v\n%s", binary.err, binary.out)
	}
	t.Logf("provider binary (race %v) built in %s", raceEnabled, binary.took.Round(time.Millisecond))
	return binary.path
}

// Connect builds p's API client against the sandbox, as the provider
// would from its block: for tests that make records through the API.
func Connect[C any](t *testing.T, s *sandbox.Server, p platform.Platform) *C {
	t.Helper()
	values := map[string]string{}
	for _, e := range s.Emulators() {
		if e.Name == p.Block {
			for _, st := range e.Settings(s.BaseURL(e.Name)) {
				values[st.Attr] = st.Value
			}
		}
	}
	if len(values) == 0 {
		t.Fatalf("the sandbox has no %s emulator", p.Block)
	}
	client, err := p.Connect(values, transport.Config{BaseURL: values["base_url"], MaxRetries: 2, UserAgent: "crm-acctest"})
	if err != nil {
		t.Fatalf("connecting to the %s sandbox: %v", p.Name, err)
	}
	c, ok := client.(*C)
	if !ok {
		t.Fatalf("%s's client is a %T", p.Name, client)
	}
	return c
}
