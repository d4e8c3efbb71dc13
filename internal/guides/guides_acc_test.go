package guides

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/hashicorp/go-version"

	"github.com/customerops/terraform-provider-crm/internal/acctest"
)

// TestAccGuidesOnce runs the guides' blocks (parts not marked "every CLI")
// in the Terraform 1.16.4 pass only: they show Terraform's own output.
func TestAccGuidesOnce(t *testing.T) { runGuides(t, false) }

// TestAccGuides runs the guides' parts marked "every CLI" on every CLI of
// the matrix: what the guides promise OpenTofu and older Terraform users.
func TestAccGuides(t *testing.T) { runGuides(t, true) }

const (
	// shownAddress is the sandbox address the guides show (its default);
	// the test's sandbox listens on a free port, written as this in every
	// output and file compared with a guide.
	shownAddress = "127.0.0.1:8080"
	blockTimeout = 3 * time.Minute
)

func runGuides(t *testing.T, everyCLI bool) {
	if os.Getenv("TF_ACC") == "" {
		t.Skip("Acceptance tests skipped unless env 'TF_ACC' set")
	}
	cli := os.Getenv("TF_ACC_TERRAFORM_PATH")
	if cli == "" {
		t.Fatal("TF_ACC_TERRAFORM_PATH must name the terraform or tofu binary under test")
	}
	for _, tool := range []string{"bash", "curl"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Fatalf("the guides' commands need %s: %v", tool, err)
		}
	}
	guides, err := LoadGuides()
	if err != nil {
		t.Fatal(err)
	}
	cliVersion := versionOf(t, cli)
	byGuide := map[string][]Run{}
	var names []string
	for _, g := range guides {
		for _, r := range g.Runs() {
			if r.Part.EveryCLI != everyCLI {
				continue
			}
			if r.Part.Query {
				// Declared on the top-level test, where scripts/acc.sh looks.
				t.Logf("%s %s %s %s", acctest.GateMarker, t.Name(), acctest.QueryCLI, acctest.QueryReason)
			}
			if byGuide[g.Name] == nil {
				names = append(names, g.Name)
			}
			byGuide[g.Name] = append(byGuide[g.Name], r)
		}
	}
	if len(names) == 0 {
		if !everyCLI {
			t.Fatal("no guide has blocks to run")
		}
		t.Log("no guide has a part marked \"every CLI\"")
		return
	}
	bin := filepath.Dir(acctest.ProviderBinary(t))
	for _, name := range names {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			for _, r := range byGuide[name] {
				if r.Part.Name == "" {
					runGuide(t, r, cli, cliVersion, bin)
					continue
				}
				t.Run(r.Part.Name, func(t *testing.T) {
					t.Parallel()
					runGuide(t, r, cli, cliVersion, bin)
				})
			}
		})
	}
}

// versionOf is the CLI's version (`version -json`, which OpenTofu answers
// with the same key).
func versionOf(t *testing.T, cli string) *version.Version {
	t.Helper()
	// An empty CLI config of our own: a preset TF_CLI_CONFIG_FILE may name
	// a missing file, which OpenTofu warns about on standard output.
	empty := filepath.Join(t.TempDir(), "empty.tfrc")
	if err := os.WriteFile(empty, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	cmd := exec.CommandContext(t.Context(), cli, "version", "-json")
	cmd.Env = append(os.Environ(), "TF_CLI_CONFIG_FILE="+empty, "TOFU_CLI_CONFIG_FILE="+empty, "CHECKPOINT_DISABLE=1")
	out, err := cmd.Output()
	var v struct {
		Version string `json:"terraform_version"`
	}
	if err != nil || json.Unmarshal(out, &v) != nil {
		t.Fatalf("%s version -json: %v: %s", cli, err, out)
	}
	parsed, err := version.NewVersion(v.Version)
	if err != nil {
		t.Fatalf("the version of %s: %v", cli, err)
	}
	return parsed
}

// session is one run of a guide: its directories, environment, sandbox and
// what the last command printed.
type session struct {
	t          *testing.T
	run        Run
	base, work string
	state      string // the shell's exported variables and directory, between blocks
	env        []string
	sandbox    string // the sandbox's real address, once started
	last       string // the last command's output, normalised
	lastLine   int
	transcript strings.Builder
}

var (
	ansiRE     = regexp.MustCompile("\x1b\\[[0-9;]*[A-Za-z]")
	listenRE   = regexp.MustCompile(`CRM API sandbox listening on http://(127\.0\.0\.1:\d+)`)
	exportRE   = regexp.MustCompile(`^\s*export ([A-Z][A-Z0-9_]*)=(.*)$`)
	bannerDone = "Press Ctrl-C to stop."
)

func runGuide(t *testing.T, r Run, cli string, cliVersion *version.Version, bin string) {
	if r.Part.Query && cliVersion.LessThan(acctest.QueryCLI) {
		t.Skipf("%s: the CLI under test is %s", acctest.QueryReason, cliVersion)
	}
	base, err := os.MkdirTemp(os.Getenv("TF_ACC_TEMP_DIR"), "crm-guide-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = os.RemoveAll(base) })
	s := &session{t: t, run: r, base: base, work: filepath.Join(base, "work"), state: filepath.Join(base, "state")}
	for _, d := range []string{s.work, s.state, filepath.Join(base, "home"), filepath.Join(base, "path")} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	// `terraform` is the CLI under test, whichever it is.
	if err := os.Symlink(cli, filepath.Join(base, "path", "terraform")); err != nil {
		t.Fatal(err)
	}
	// A CLI config of our own (TF_CLI_CONFIG_FILE may be preset to a
	// missing file): the provider from the fresh build, no registry.
	cliConfig := filepath.Join(base, "cli.tfrc")
	overrides := fmt.Sprintf("provider_installation {\n  dev_overrides {\n"+
		"    \"registry.terraform.io/customerops/crm\" = %[1]q\n"+
		"    \"registry.opentofu.org/customerops/crm\" = %[1]q\n  }\n  direct {}\n}\n", bin)
	if err := os.WriteFile(cliConfig, []byte(overrides), 0o600); err != nil {
		t.Fatal(err)
	}
	s.env = []string{
		"PATH=" + bin + string(os.PathListSeparator) + filepath.Join(base, "path") + string(os.PathListSeparator) + os.Getenv("PATH"),
		"HOME=" + filepath.Join(base, "home"),
		"TMPDIR=" + base,
		"LANG=C.UTF-8",
		"TF_CLI_CONFIG_FILE=" + cliConfig,
		"TOFU_CLI_CONFIG_FILE=" + cliConfig,
		"CHECKPOINT_DISABLE=1",
		"TF_INPUT=0", // a command that would ask fails instead of hanging
	}
	if err := os.WriteFile(filepath.Join(s.state, "cwd"), []byte(s.work), 0o600); err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	defer func() {
		// CRM_GUIDES_TRANSCRIPT=1 shows it on success too, for guide writers.
		if t.Failed() || os.Getenv("CRM_GUIDES_TRANSCRIPT") == "1" {
			t.Logf("transcript of %s:\n%s", r.Name(), s.transcript.String())
		}
	}()
	for _, b := range r.Blocks {
		if t.Failed() {
			return
		}
		switch b.Kind {
		case NotRun:
			fmt.Fprintf(&s.transcript, "---- line %d: not run (%s)\n", b.Line, b.Reason)
		case WriteFile:
			s.writeFile(b)
		case Excerpt:
			s.excerpt(b)
		case Shell:
			s.shell(b)
		case Sandbox:
			s.startSandbox(b, filepath.Join(bin, "terraform-provider-crm"))
		case Output:
			if err := MatchExcerpt(b.Body, s.last); err != nil {
				t.Errorf("%s:%d: the output of the block at line %d does not show what the guide shows: %v\n---- output:\n%s",
					r.Guide.Name, b.Line, s.lastLine, err, s.last)
			}
		}
	}
	t.Logf("%s: %d blocks in %s", r.Name(), len(r.Blocks), time.Since(start).Round(time.Millisecond))
}

// cwd is the shell's current directory, as the last block left it.
func (s *session) cwd() string {
	b, err := os.ReadFile(filepath.Join(s.state, "cwd"))
	if err != nil {
		s.t.Fatal(err)
	}
	return strings.TrimSpace(string(b))
}

func (s *session) writeFile(b Block) {
	path := filepath.Join(s.cwd(), b.File)
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		s.t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(b.Body), 0o600); err != nil {
		s.t.Fatal(err)
	}
	fmt.Fprintf(&s.transcript, "---- line %d: wrote %s\n%s", b.Line, b.File, b.Body)
}

func (s *session) excerpt(b Block) {
	got, err := os.ReadFile(filepath.Join(s.cwd(), b.File))
	if err != nil {
		s.t.Errorf("%s:%d: the guide shows %s, which the commands before did not write: %v", s.run.Guide.Name, b.Line, b.File, err)
		return
	}
	want := b.Body
	if first, rest, _ := strings.Cut(want, "\n"); fileLineRE.MatchString(first) {
		want = rest
	}
	text := s.normalise(string(got))
	fmt.Fprintf(&s.transcript, "---- line %d: %s holds\n%s", b.Line, b.File, text)
	if err := MatchExcerpt(want, text); err != nil {
		s.t.Errorf("%s:%d: %s does not hold what the guide shows: %v\n---- %s:\n%s", s.run.Guide.Name, b.Line, b.File, err, b.File, text)
	}
}

// normalise is output as a reader sees it: no colour codes, and the
// sandbox at the address the guides show.
func (s *session) normalise(out string) string {
	out = ansiRE.ReplaceAllString(out, "")
	if s.sandbox != "" {
		out = strings.ReplaceAll(out, s.sandbox, shownAddress)
	}
	return out
}

// shell runs a block in bash as the next command of one terminal session:
// the variables (exported or not), functions and directory left by the
// blocks before it carry over.
func (s *session) shell(b Block) {
	env := filepath.Join(s.state, "env")
	cwd := filepath.Join(s.state, "cwd")
	script := fmt.Sprintf(`set -e
if [ -f %[1]q ]; then . %[1]q; fi
cd "$(cat %[2]q)"
trap '__status=$?; __save > %[1]q; pwd > %[2]q; exit $__status' EXIT
__save() {
  local v
  for v in $(compgen -v); do
    case $v in
      __*|_|BASH*|COMP*|DIRSTACK|EPOCH*|EUID|FUNCNAME|GROUPS|HIST*|HOSTNAME|HOSTTYPE|IFS|LINENO|MACHTYPE|OLDPWD|OPT*|OSTYPE|PIPESTATUS|PPID|PS[0-9]|PWD|RANDOM|SECONDS|SHELLOPTS|SHLVL|SRANDOM|UID) ;;
      *) declare -p "$v" ;;
    esac
  done
  declare -f
}
%[3]s`, env, cwd, b.Body)
	file := filepath.Join(s.state, fmt.Sprintf("block-%d.sh", b.Line))
	if err := os.WriteFile(file, []byte(script), 0o600); err != nil {
		s.t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(s.t.Context(), blockTimeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, "bash", "--noprofile", "--norc", file)
	cmd.Env = s.env
	cmd.Dir = s.work
	cmd.WaitDelay = 10 * time.Second
	start := time.Now()
	out, err := cmd.CombinedOutput()
	code := 0
	var exit *exec.ExitError
	switch {
	case errors.As(err, &exit):
		code = exit.ExitCode()
	case err != nil:
		s.t.Fatalf("%s:%d: running bash: %v", s.run.Guide.Name, b.Line, err)
	}
	s.last, s.lastLine = s.normalise(string(out)), b.Line
	fmt.Fprintf(&s.transcript, "---- line %d: $ %s(exit %d in %s)\n%s", b.Line, b.Body, code, time.Since(start).Round(time.Millisecond), s.last)
	if ctx.Err() != nil {
		s.t.Errorf("%s:%d: the block did not finish within %s", s.run.Guide.Name, b.Line, blockTimeout)
		return
	}
	if code != b.Exit {
		s.t.Errorf("%s:%d: the block exited with %d, the guide says %d:\n%s\n---- output:\n%s", s.run.Guide.Name, b.Line, code, b.Exit, b.Body, s.last)
	}
}

// lockedBuffer collects a background process's output.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// startSandbox starts the block's sandbox command on a free port, waits
// for its banner and exports what the banner says to export; the sandbox
// is stopped (by its pid) when the test ends.
func (s *session) startSandbox(b Block, bin string) {
	args, err := sandboxArgs(b.Body)
	if err != nil {
		s.t.Fatal(err)
	}
	out := &lockedBuffer{}
	cmd := exec.Command(bin, args...)
	cmd.Env = s.env
	cmd.Dir = s.work
	cmd.Stdout, cmd.Stderr = out, out
	if err := cmd.Start(); err != nil {
		s.t.Fatalf("%s:%d: starting the sandbox: %v", s.run.Guide.Name, b.Line, err)
	}
	exited := make(chan struct{})
	go func() { _ = cmd.Wait(); close(exited) }()
	s.t.Cleanup(func() {
		_ = cmd.Process.Signal(os.Interrupt)
		select {
		case <-exited:
		case <-time.After(10 * time.Second):
			_ = cmd.Process.Kill()
			<-exited
		}
	})
	deadline := time.After(30 * time.Second)
	for !strings.Contains(out.String(), bannerDone) {
		select {
		case <-exited:
			s.t.Fatalf("%s:%d: the sandbox exited before its banner:\n%s", s.run.Guide.Name, b.Line, out.String())
		case <-deadline:
			s.t.Fatalf("%s:%d: no sandbox banner within 30s:\n%s", s.run.Guide.Name, b.Line, out.String())
		case <-time.After(50 * time.Millisecond):
		}
	}
	banner := out.String()
	m := listenRE.FindStringSubmatch(banner)
	if m == nil {
		s.t.Fatalf("%s:%d: the sandbox banner names no address:\n%s", s.run.Guide.Name, b.Line, banner)
	}
	s.sandbox = m[1]
	exported := 0
	sc := bufio.NewScanner(strings.NewReader(banner))
	for sc.Scan() {
		if e := exportRE.FindStringSubmatch(sc.Text()); e != nil {
			s.env = append(s.env, e[1]+"="+e[2])
			exported++
		}
	}
	if exported == 0 {
		s.t.Fatalf("%s:%d: the sandbox banner has no export lines:\n%s", s.run.Guide.Name, b.Line, banner)
	}
	s.last, s.lastLine = s.normalise(banner), b.Line
	fmt.Fprintf(&s.transcript, "---- line %d: sandbox %s (pid %d)\n%s", b.Line, strings.Join(args, " "), cmd.Process.Pid, s.last)
}
