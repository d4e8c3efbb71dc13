package acctest

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/go-hclog"
	"github.com/hashicorp/go-plugin"
	"github.com/hashicorp/go-version"
	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6/tf6server"

	"github.com/customerops/terraform-provider-crm/internal/provider"
)

// CLI runs the CLI under test (TF_ACC_TERRAFORM_PATH: Terraform or
// OpenTofu) the way a user does, in a working directory of its own, with the
// provider served in this process, as the test harness serves it
// (TF_REATTACH_PROVIDERS): so its human output can be read, and flags the
// harness does not pass (-parallelism) can be given. Each command gets a
// fresh provider server, as under the harness.
type CLI struct {
	t            *testing.T
	bin, Dir     string
	major, minor int      // of the CLI's version
	Env          []string // added to each command's environment
	Outputs      strings.Builder
}

// NewCLI skips unless TF_ACC is set, like every acceptance test.
func NewCLI(t *testing.T) *CLI {
	t.Helper()
	if os.Getenv("TF_ACC") == "" {
		t.Skip("Acceptance tests skipped unless env 'TF_ACC' set")
	}
	bin := os.Getenv("TF_ACC_TERRAFORM_PATH")
	if bin == "" {
		t.Fatal("TF_ACC_TERRAFORM_PATH must name the terraform or tofu binary under test")
	}
	// Beside the harness' scratch directories (TF_ACC_TEMP_DIR) when set.
	dir, err := os.MkdirTemp(os.Getenv("TF_ACC_TEMP_DIR"), "crm-cli-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = os.RemoveAll(dir) })
	c := &CLI{t: t, bin: bin, Dir: dir}
	out, err := exec.CommandContext(t.Context(), bin, "version", "-json").Output()
	var v struct {
		Version string `json:"terraform_version"`
	}
	if err != nil || json.Unmarshal(out, &v) != nil {
		t.Fatalf("%s version -json: %v: %s", bin, err, out)
	}
	m := regexp.MustCompile(`^(\d+)\.(\d+)\.`).FindStringSubmatch(v.Version)
	if m == nil {
		t.Fatalf("cannot read the version %q of %s", v.Version, bin)
	}
	c.major, _ = strconv.Atoi(m[1])
	c.minor, _ = strconv.Atoi(m[2])
	return c
}

// Gate skips the test on a CLI older than minimum, the oldest with the
// feature the test needs (reason says which), and declares the gate as
// Gate does for the harness' tests.
func (c *CLI) Gate(minimum *version.Version, reason string) {
	c.t.Helper()
	c.t.Logf("%s %s %s %s", GateMarker, c.t.Name(), minimum, reason)
	seg := minimum.Segments()
	if !c.AtLeast(seg[0], seg[1]) {
		c.t.Skipf("%s: the CLI under test is %d.%d", reason, c.major, c.minor)
	}
}

// AtLeast reports whether the CLI is at least major.minor.
func (c *CLI) AtLeast(major, minor int) bool {
	return c.major > major || (c.major == major && c.minor >= minor)
}

// Write puts a file into the working directory.
func (c *CLI) Write(name, content string) {
	c.t.Helper()
	if err := os.WriteFile(filepath.Join(c.Dir, name), []byte(content), 0o600); err != nil {
		c.t.Fatal(err)
	}
}

// serve starts a provider server for one command and returns its
// TF_REATTACH_PROVIDERS value and the function stopping it. Its logs go to
// the test logging sink (TF_LOG, TF_LOG_PATH_MASK), as under the harness.
func (c *CLI) serve() (string, func()) {
	c.t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	configCh := make(chan *plugin.ReattachConfig)
	closeCh := make(chan struct{})
	errCh := make(chan error, 1)
	go func() {
		errCh <- tf6server.Serve("registry.terraform.io/hashicorp/crm", providerserver.NewProtocol6(provider.New("acctest")()),
			tf6server.WithDebug(ctx, configCh, closeCh), tf6server.WithGoPluginLogger(hclog.NewNullLogger()),
			tf6server.WithLoggingSink(c.t))
	}()
	var config *plugin.ReattachConfig
	select {
	case config = <-configCh:
	case err := <-errCh:
		cancel()
		c.t.Fatalf("serving the provider: %v", err)
	case <-time.After(30 * time.Second):
		cancel()
		c.t.Fatal("the provider server did not start")
	}
	type addr struct{ Network, String string }
	type reattach struct {
		Protocol        string
		ProtocolVersion int
		Pid             int
		Test            bool
		Addr            addr
	}
	r := reattach{string(config.Protocol), config.ProtocolVersion, config.Pid, config.Test, addr{config.Addr.Network(), config.Addr.String()}}
	// The provider's address as each CLI completes the implied source
	// "crm", and as the harness does from TF_ACC_PROVIDER_HOST/NAMESPACE.
	hosts := []string{"registry.terraform.io", "registry.opentofu.org", os.Getenv("TF_ACC_PROVIDER_HOST")}
	namespaces := []string{"hashicorp", os.Getenv("TF_ACC_PROVIDER_NAMESPACE")}
	all := map[string]reattach{}
	for _, h := range hosts {
		for _, ns := range namespaces {
			if h != "" && ns != "" {
				all[strings.TrimSuffix(h, "/")+"/"+strings.Trim(ns, "/")+"/crm"] = r
			}
		}
	}
	b, _ := json.Marshal(all)
	return string(b), func() {
		cancel()
		select {
		case <-closeCh:
		case <-time.After(30 * time.Second):
			c.t.Error("the provider server did not stop")
		}
	}
}

// Run runs one CLI command and returns its output (stdout and stderr) and
// exit code. Every output is also kept in c.outputs.
func (c *CLI) Run(args ...string) (string, int) {
	c.t.Helper()
	reattach, stop := c.serve()
	defer stop()
	cmd := exec.CommandContext(c.t.Context(), c.bin, args...)
	cmd.Dir = c.Dir
	var env []string
	for _, kv := range os.Environ() {
		k, _, _ := strings.Cut(kv, "=")
		// The test decides logging, arguments and the workspace.
		if strings.HasPrefix(k, "TF_LOG") || strings.HasPrefix(k, "TF_CLI_ARGS") || strings.HasPrefix(k, "TF_VAR_") ||
			k == "TF_REATTACH_PROVIDERS" || k == "TF_WORKSPACE" || k == "TF_DATA_DIR" {
			continue
		}
		env = append(env, kv)
	}
	env = append(env, "TF_IN_AUTOMATION=1", "TF_INPUT=0", "CHECKPOINT_DISABLE=1", "TF_REATTACH_PROVIDERS="+reattach)
	env = append(env, c.Env...)
	cmd.Env = env
	start := time.Now()
	out, err := cmd.CombinedOutput()
	code := 0
	var exit *exec.ExitError
	switch {
	case errors.As(err, &exit):
		code = exit.ExitCode()
	case err != nil:
		c.t.Fatalf("running %s: %v", c.bin, err)
	}
	c.t.Logf("%s %s: exit %d in %s", filepath.Base(c.bin), strings.Join(args, " "), code, time.Since(start).Round(time.Millisecond))
	fmt.Fprintf(&c.Outputs, "==== %s %s (exit %d)\n%s\n", filepath.Base(c.bin), strings.Join(args, " "), code, out)
	return string(out), code
}

// Must runs a command that has to succeed.
func (c *CLI) Must(args ...string) string {
	c.t.Helper()
	out, code := c.Run(args...)
	if code != 0 {
		c.t.Fatalf("%s %s failed (exit %d):\n%s", filepath.Base(c.bin), strings.Join(args, " "), code, out)
	}
	return out
}

// ExpectEmptyPlan runs plan -detailed-exitcode: 0 is no changes, 2 changes.
func (c *CLI) ExpectEmptyPlan(args ...string) {
	c.t.Helper()
	out, code := c.Run(append([]string{"plan", "-no-color", "-detailed-exitcode"}, args...)...)
	if code != 0 {
		c.t.Fatalf("the plan after apply is not empty (exit %d):\n%s", code, out)
	}
}

// Instance is one resource instance of the local state file.
type Instance struct {
	Mode, Type string // Mode is "managed" or "data"
	Attributes map[string]any
}

// State reads the local state: instance address -> instance.
func (c *CLI) State() map[string]Instance {
	c.t.Helper()
	b, err := os.ReadFile(filepath.Join(c.Dir, "terraform.tfstate"))
	if err != nil {
		c.t.Fatal(err)
	}
	var st struct {
		Resources []struct {
			Mode, Type, Name string
			Instances        []struct {
				IndexKey   any            `json:"index_key"`
				Attributes map[string]any `json:"attributes"`
			}
		}
	}
	if err := json.Unmarshal(b, &st); err != nil {
		c.t.Fatalf("reading the state: %v", err)
	}
	out := map[string]Instance{}
	for _, r := range st.Resources {
		for _, in := range r.Instances {
			addr := r.Type + "." + r.Name
			if r.Mode == "data" {
				addr = "data." + addr
			}
			if in.IndexKey != nil {
				addr += fmt.Sprintf("[%v]", in.IndexKey)
			}
			out[addr] = Instance{r.Mode, r.Type, in.Attributes}
		}
	}
	return out
}
