package provider_test

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/go-hclog"
	"github.com/hashicorp/go-plugin"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6/tf6server"

	"github.com/customerops/terraform-provider-crm/internal/acctest"
	"github.com/customerops/terraform-provider-crm/internal/provider"
	"github.com/customerops/terraform-provider-crm/internal/sandbox"
	sbaxim "github.com/customerops/terraform-provider-crm/internal/sandbox/axim"
	sbrazorpay "github.com/customerops/terraform-provider-crm/internal/sandbox/razorpay"
	sbstripe "github.com/customerops/terraform-provider-crm/internal/sandbox/stripe"
	sbwebcommander "github.com/customerops/terraform-provider-crm/internal/sandbox/webcommander"
	sbxtrakit "github.com/customerops/terraform-provider-crm/internal/sandbox/xtrakit"
)

// trCLI runs the CLI under test (TF_ACC_TERRAFORM_PATH: Terraform or
// OpenTofu) the way a user does, in a working directory of its own, with the
// provider served in this process, as the test harness serves it
// (TF_REATTACH_PROVIDERS): so its human output can be read, and flags the
// harness does not pass (-parallelism) can be given. Each command gets a
// fresh provider server, as under the harness.
type trCLI struct {
	t            *testing.T
	bin, dir     string
	major, minor int      // of the CLI's version
	env          []string // added to each command's environment
	outputs      strings.Builder
}

// trNewCLI skips unless TF_ACC is set, like every acceptance test.
func trNewCLI(t *testing.T) *trCLI {
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
	c := &trCLI{t: t, bin: bin, dir: dir}
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

// atLeast reports whether the CLI is at least major.minor.
func (c *trCLI) atLeast(major, minor int) bool {
	return c.major > major || (c.major == major && c.minor >= minor)
}

// write puts a file into the working directory.
func (c *trCLI) write(name, content string) {
	c.t.Helper()
	if err := os.WriteFile(filepath.Join(c.dir, name), []byte(content), 0o600); err != nil {
		c.t.Fatal(err)
	}
}

// serve starts a provider server for one command and returns its
// TF_REATTACH_PROVIDERS value and the function stopping it. Its logs go to
// the test logging sink (TF_LOG, TF_LOG_PATH_MASK), as under the harness.
func (c *trCLI) serve() (string, func()) {
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

// run runs one CLI command and returns its output (stdout and stderr) and
// exit code. Every output is also kept in c.outputs.
func (c *trCLI) run(args ...string) (string, int) {
	c.t.Helper()
	reattach, stop := c.serve()
	defer stop()
	cmd := exec.CommandContext(c.t.Context(), c.bin, args...)
	cmd.Dir = c.dir
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
	env = append(env, c.env...)
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
	fmt.Fprintf(&c.outputs, "==== %s %s (exit %d)\n%s\n", filepath.Base(c.bin), strings.Join(args, " "), code, out)
	return string(out), code
}

// must runs a command that has to succeed.
func (c *trCLI) must(args ...string) string {
	c.t.Helper()
	out, code := c.run(args...)
	if code != 0 {
		c.t.Fatalf("%s %s failed (exit %d):\n%s", filepath.Base(c.bin), strings.Join(args, " "), code, out)
	}
	return out
}

// expectEmptyPlan runs plan -detailed-exitcode: 0 is no changes, 2 changes.
func (c *trCLI) expectEmptyPlan(args ...string) {
	c.t.Helper()
	out, code := c.run(append([]string{"plan", "-no-color", "-detailed-exitcode"}, args...)...)
	if code != 0 {
		c.t.Fatalf("the plan after apply is not empty (exit %d):\n%s", code, out)
	}
}

// trInstance is one resource instance of the local state file.
type trInstance struct {
	Mode, Type string // Mode is "managed" or "data"
	Attributes map[string]any
}

// state reads the local state: instance address -> instance.
func (c *trCLI) state() map[string]trInstance {
	c.t.Helper()
	b, err := os.ReadFile(filepath.Join(c.dir, "terraform.tfstate"))
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
	out := map[string]trInstance{}
	for _, r := range st.Resources {
		for _, in := range r.Instances {
			addr := r.Type + "." + r.Name
			if r.Mode == "data" {
				addr = "data." + addr
			}
			if in.IndexKey != nil {
				addr += fmt.Sprintf("[%v]", in.IndexKey)
			}
			out[addr] = trInstance{r.Mode, r.Type, in.Attributes}
		}
	}
	return out
}

// ---- TestAccProvider_secretsNotInLogsOrOutput ----

// Customer passwords of the trace test: before and after the update, the
// password and the write-only password_wo. Distinct from any other text.
const (
	trPassword1   = "trPw-one-7Qx3"
	trPassword2   = "trPw-two-9Kd1"
	trPasswordWO1 = "trWo-one-4Zb8"
	trPasswordWO2 = "trWo-two-2Hn5"
)

// trTypes are the type names of every resource and data source the
// provider serves, as its Resources and DataSources list them.
func trTypes(ctx context.Context) (resources, dataSources []string) {
	p := provider.New("test")()
	for _, f := range p.Resources(ctx) {
		var resp resource.MetadataResponse
		f().Metadata(ctx, resource.MetadataRequest{ProviderTypeName: "crm"}, &resp)
		resources = append(resources, resp.TypeName)
	}
	for _, f := range p.DataSources(ctx) {
		var resp datasource.MetadataResponse
		f().Metadata(ctx, datasource.MetadataRequest{ProviderTypeName: "crm"}, &resp)
		dataSources = append(dataSources, resp.TypeName)
	}
	return resources, dataSources
}

// trSecrets: every credential of the four platforms, the forms they travel
// in, and the customers' passwords.
var trSecrets = map[string]string{
	"Xtrakit api_key":                      sbxtrakit.APIKey,
	"Razorpay key_secret":                  sbrazorpay.KeySecret,
	"Razorpay Basic credentials":           base64.StdEncoding.EncodeToString([]byte(sbrazorpay.KeyID + ":" + sbrazorpay.KeySecret)),
	"Axim access_token":                    sbaxim.AccessToken,
	"Stripe api_key":                       sbstripe.APIKey,
	"WebCommander client_secret":           sbwebcommander.ClientSecret,
	"WebCommander admin password":          sbwebcommander.Password,
	"WebCommander auth_string":             base64.StdEncoding.EncodeToString([]byte(sbwebcommander.Username + ":" + sbwebcommander.Password)),
	"customer password":                    trPassword1,
	"customer password after the update":   trPassword2,
	"write-only password":                  trPasswordWO1,
	"write-only password after the update": trPasswordWO2,
}

// trConfig declares every resource type and data source of the provider.
// The credentials and passwords come from variables that are not marked
// sensitive, so that only the provider (its sensitive attributes, its log
// masking) keeps them out of logs and output. Names change with version,
// so the update sends a PUT to every platform. writeOnly adds a customer
// with password_wo, which needs Terraform/OpenTofu 1.11.
func trConfig(s *sandbox.Server, version int, writeOnly bool) string {
	var b strings.Builder
	fmt.Fprintf(&b, `
variable "xtrakit_api_key" {}
variable "razorpay_key_secret" {}
variable "axim_access_token" {}
variable "stripe_api_key" {}
variable "webcommander_client_secret" {}
variable "webcommander_password" {}
variable "customer_password" {}

provider "crm" {
  max_retries     = 3
  request_timeout = "10s"

  xtrakit {
    api_key  = var.xtrakit_api_key
    base_url = %q
  }
  razorpay {
    key_id     = %q
    key_secret = var.razorpay_key_secret
    base_url   = %q
  }
  axim {
    access_token = var.axim_access_token
    base_url     = %q
  }
  stripe {
    api_key  = var.stripe_api_key
    base_url = %[10]q
  }
  webcommander {
    store_url     = %[5]q
    client_id     = %[6]q
    client_secret = var.webcommander_client_secret
    username      = %[7]q
    password      = var.webcommander_password
    redirect_uri  = %[8]q
  }
}

resource "crm_xtrakit_customer_group" "g" {
  name = "Trace group v%[9]d"
}

resource "crm_xtrakit_customer" "c" {
  group_id   = crm_xtrakit_customer_group.g.id
  name       = "Trace Xtrakit v%[9]d"
  email      = "trace-xtrakit@example.com"
  phone      = "+233201234567"
  country    = "Ghana"
  state      = "Ashanti"
  city       = "Kumasi"
  address1   = "12 Harper Road"
  created_by = "trace-test"
}

resource "crm_razorpay_customer" "c" {
  name    = "Trace Razorpay v%[9]d"
  contact = "+919876543210"
  email   = "trace-razorpay@example.com"
}

resource "crm_axim_customer" "c" {
  first_name = "Trace"
  last_name  = "Axim v%[9]d"
  email      = "trace-axim@example.com"
}

resource "crm_stripe_customer" "c" {
  name     = "Trace Stripe v%[9]d"
  email    = "trace-stripe@example.com"
  metadata = { tier = "gold" }
}

resource "crm_webcommander_customer" "c" {
  first_name = "Trace"
  last_name  = "WebCommander v%[9]d"
  email      = "trace-webcommander@example.com"
  password   = var.customer_password
}

data "crm_xtrakit_customer_group" "g" {
  id = crm_xtrakit_customer_group.g.id
}

data "crm_xtrakit_customer" "c" {
  email = crm_xtrakit_customer.c.email
}

data "crm_xtrakit_customers" "g" {
  group_id = crm_xtrakit_customer_group.g.id
  depends_on = [crm_xtrakit_customer.c]
}

data "crm_razorpay_customer" "c" {
  id = crm_razorpay_customer.c.id
}

data "crm_razorpay_customers" "all" {
  depends_on = [crm_razorpay_customer.c]
}

data "crm_axim_customer" "c" {
  email = crm_axim_customer.c.email
}

data "crm_axim_customers" "c" {
  email = crm_axim_customer.c.email
}

data "crm_stripe_customer" "c" {
  id = crm_stripe_customer.c.id
}

data "crm_stripe_customers" "c" {
  email = crm_stripe_customer.c.email
}

data "crm_webcommander_customer" "c" {
  id = crm_webcommander_customer.c.id
}

data "crm_webcommander_customers" "c" {
  email = crm_webcommander_customer.c.email
}

output "read_back" {
  value = [
    data.crm_xtrakit_customer_group.g.name,
    data.crm_xtrakit_customer.c.name,
    length(data.crm_xtrakit_customers.g.ids),
    data.crm_razorpay_customer.c.name,
    length(data.crm_razorpay_customers.all.ids),
    data.crm_axim_customer.c.last_name,
    length(data.crm_axim_customers.c.ids),
    data.crm_stripe_customer.c.name,
    length(data.crm_stripe_customers.c.ids),
    data.crm_webcommander_customer.c.last_name,
    length(data.crm_webcommander_customers.c.ids),
  ]
}
`, sbxtrakit.URL(s), sbrazorpay.KeyID, sbrazorpay.URL(s), sbaxim.URL(s), sbwebcommander.URL(s), sbwebcommander.ClientID,
		sbwebcommander.Username, sbwebcommander.RedirectURI, version, sbstripe.URL(s))
	if writeOnly {
		fmt.Fprintf(&b, `
variable "customer_password_wo" {}

resource "crm_webcommander_customer" "wo" {
  first_name          = "Trace"
  last_name           = "Write-only v%[1]d"
  email               = "trace-write-only@example.com"
  password_wo         = var.customer_password_wo
  password_wo_version = %[1]d
}
`, version)
	}
	return b.String()
}

// trVariables are the values of trConfig's variables.
func trVariables(password, passwordWO string, writeOnly bool) string {
	v := map[string]string{
		"xtrakit_api_key": sbxtrakit.APIKey, "razorpay_key_secret": sbrazorpay.KeySecret,
		"axim_access_token": sbaxim.AccessToken, "stripe_api_key": sbstripe.APIKey,
		"webcommander_client_secret": sbwebcommander.ClientSecret,
		"webcommander_password": sbwebcommander.Password, "customer_password": password,
	}
	if writeOnly {
		v["customer_password_wo"] = passwordWO
	}
	b, _ := json.Marshal(v)
	return string(b)
}

// trCheckPasswords checks the passwords the sandbox holds for the customers
// in the state, and that the state never holds the write-only one.
func trCheckPasswords(t *testing.T, c *trCLI, s *sandbox.Server, password, passwordWO string, writeOnly bool) {
	t.Helper()
	st := c.state()
	want := map[string]string{"crm_webcommander_customer.c": password}
	if writeOnly {
		want["crm_webcommander_customer.wo"] = passwordWO
	}
	for addr, pw := range want {
		in, ok := st[addr]
		if !ok {
			t.Fatalf("the state lacks %s", addr)
		}
		id, _ := strconv.ParseInt(fmt.Sprint(in.Attributes["id"]), 10, 64)
		if got, _ := sbwebcommander.StoreOf(s).Password(id); got != pw {
			t.Errorf("%s: the sandbox holds password %q, want %q", addr, got, pw)
		}
	}
	b, _ := os.ReadFile(filepath.Join(c.dir, "terraform.tfstate"))
	for _, wo := range []string{trPasswordWO1, trPasswordWO2} {
		if strings.Contains(string(b), wo) {
			t.Errorf("the state holds the write-only password %q", wo)
		}
	}
}

// trScan fails the test for each secret or OAuth token found in text
// (searched in the whole text at once: the trace logs are megabytes).
func trScan(t *testing.T, what, text string) {
	t.Helper()
	report := func(at int, holds string) {
		t.Helper()
		start := strings.LastIndexByte(text[:at], '\n') + 1
		end := strings.IndexByte(text[at:], '\n')
		if end < 0 {
			end = len(text)
		} else {
			end += at
		}
		t.Errorf("%s, line %d, holds %s: %.300s", what, strings.Count(text[:start], "\n")+1, holds, text[start:end])
	}
	for _, name := range slices.Sorted(maps.Keys(trSecrets)) {
		secret := trSecrets[name]
		for from, n := 0, 0; n < 5; n++ { // the first few of each
			i := strings.Index(text[from:], secret)
			if i < 0 {
				break
			}
			report(from+i, "the "+name)
			from += i + len(secret)
		}
	}
	for _, loc := range wcToken.FindAllStringIndex(text, 5) {
		report(loc[0], "an OAuth token")
	}
}

// trExpect fails the test unless text holds each of want: what the scans
// above rely on to prove anything.
func trExpect(t *testing.T, what, text string, want ...string) {
	t.Helper()
	for _, w := range want {
		if !strings.Contains(text, w) {
			t.Errorf("%s (%d bytes) lacks %q", what, len(text), w)
		}
	}
}

// trExpectLine fails the test unless a line of text matches re.
func trExpectLine(t *testing.T, what, text, re string) {
	t.Helper()
	if !regexp.MustCompile(`(?m)^\s*` + re + `\s*$`).MatchString(text) {
		t.Errorf("%s has no line matching %q (the CLI output is shown below)", what, re)
	}
}

// TestAccProvider_secretsNotInLogsOrOutput applies every resource type and
// data source of the provider in one configuration with TF_LOG=trace,
// updates it (new passwords, new names), and destroys it, running the CLI
// under test as a user does. No credential of any platform, in any form it
// travels in, no WebCommander OAuth token, and no customer password, the
// write-only one included, may appear in the CLI's trace log, the
// provider's trace log, or the human output of init, plan, apply, show and
// destroy, while those show the password as "(sensitive value)" and the
// logs show the HTTP exchanges with their credential headers masked.
//
// The credentials are in the provider block (from variables); the
// secretsNotLogged tests cover the environment and literal HCL through the
// test harness.
//
// password_wo needs Terraform/OpenTofu 1.11 (write-only arguments): on an
// older CLI (Terraform 1.8.5 of the matrix) the configuration leaves that
// customer out, and the rest of the test runs as everywhere.
func TestAccProvider_secretsNotInLogsOrOutput(t *testing.T) {
	c := trNewCLI(t)
	s := acctest.Sandbox(t)
	writeOnly := c.atLeast(1, 11)
	logs := t.TempDir()
	// The provider's logs go through the test sink, set up from the
	// environment as each server starts; the CLI's go to cli.log.
	t.Setenv("TF_LOG", "trace")
	t.Setenv("TF_LOG_PATH_MASK", filepath.Join(logs, "provider-%s.log"))
	c.env = []string{"TF_LOG=trace", "TF_LOG_PATH=" + filepath.Join(logs, "cli.log")}

	resources, dataSources := trTypes(t.Context())
	for _, kind := range []struct {
		block string
		types []string
	}{{"resource", resources}, {"data", dataSources}} {
		for _, typ := range kind.types {
			if !strings.Contains(trConfig(s, 1, false), fmt.Sprintf("%s %q", kind.block, typ)) {
				t.Fatalf("the configuration lacks a %s %q: it must declare every resource and data source", kind.block, typ)
			}
		}
	}

	c.write("main.tf", trConfig(s, 1, writeOnly))
	c.write("terraform.tfvars.json", trVariables(trPassword1, trPasswordWO1, writeOnly))
	c.must("init", "-no-color", "-input=false")
	plan := c.must("plan", "-no-color")
	trExpect(t, "the plan creating everything", plan, "crm_webcommander_customer.c will be created")
	trExpectLine(t, "the plan creating everything", plan, `\+ password\s+= \(sensitive value\)`)
	if writeOnly {
		trExpect(t, "the plan creating everything", plan, "crm_webcommander_customer.wo will be created")
		trExpectLine(t, "the plan creating everything", plan, `\+ password_wo\s+= \(write-only attribute\)`)
	}
	c.must("apply", "-no-color", "-auto-approve")
	trCheckPasswords(t, c, s, trPassword1, trPasswordWO1, writeOnly)
	c.expectEmptyPlan()
	readBack := c.must("output", "-no-color", "-json", "read_back")
	for _, want := range []string{`"Trace group v1"`, `"Trace Xtrakit v1"`, `"Trace Razorpay v1"`, `"Axim v1"`, `"Trace Stripe v1"`, `"WebCommander v1"`} {
		trExpect(t, "the data sources' values", readBack, want)
	}

	c.write("main.tf", trConfig(s, 2, writeOnly))
	c.write("terraform.tfvars.json", trVariables(trPassword2, trPasswordWO2, writeOnly))
	update := c.must("plan", "-no-color")
	trExpect(t, "the plan updating everything", update, "crm_webcommander_customer.c will be updated in-place")
	trExpectLine(t, "the plan updating everything", update, `~ password\s+= \(sensitive value\)`)
	if writeOnly {
		trExpectLine(t, "the plan updating everything", update, `~ password_wo_version\s+= 1 -> 2`)
	}
	c.must("apply", "-no-color", "-auto-approve")
	trCheckPasswords(t, c, s, trPassword2, trPasswordWO2, writeOnly)
	c.expectEmptyPlan()
	shown := c.must("show", "-no-color")
	trExpect(t, "the state shown", shown, "Trace Xtrakit v2")
	trExpectLine(t, "the state shown", shown, `password\s+= \(sensitive value\)`)
	c.must("destroy", "-no-color", "-auto-approve")
	if n := len(sbxtrakit.StoreOf(s).Customers.List()) + len(sbxtrakit.StoreOf(s).Groups.List()) + len(sbaxim.StoreOf(s).Customers.List()) + len(sbwebcommander.StoreOf(s).Customers.List()); n != 0 {
		t.Errorf("destroy left %d records", n)
	}

	output := c.outputs.String()
	trScan(t, "the CLI output", output)

	cliLog, _ := os.ReadFile(filepath.Join(logs, "cli.log"))
	trExpect(t, "the CLI trace log", string(cliLog), "[TRACE]")
	trScan(t, "the CLI trace log", string(cliLog))

	files, _ := filepath.Glob(filepath.Join(logs, "provider-*.log"))
	var all strings.Builder
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		all.Write(b)
	}
	providerLog := all.String()
	trExpect(t, "the provider trace log", providerLog, "/oauth2/token", "Authorization:***", "Accesstoken:***")
	// Every resource and data source sent requests, and every platform
	// received creates, reads and updates, all logged.
	sent := map[string]bool{}
	field := regexp.MustCompile(`\b(tf_resource_type|tf_data_source_type|platform|http_method)=(\S+)`)
	for _, line := range strings.Split(providerLog, "\n") {
		if !strings.Contains(line, "sending HTTP request") {
			continue
		}
		fields := map[string]string{}
		for _, m := range field.FindAllStringSubmatch(line, -1) {
			fields[m[1]] = m[2]
		}
		sent["resource "+fields["tf_resource_type"]] = true
		sent["data "+fields["tf_data_source_type"]] = true
		sent[fields["http_method"]+" "+fields["platform"]] = true
	}
	var want []string
	for _, typ := range resources {
		want = append(want, "resource "+typ)
	}
	for _, typ := range dataSources {
		want = append(want, "data "+typ)
	}
	for _, p := range []string{sbxtrakit.Name, sbrazorpay.Name, sbaxim.Name, sbwebcommander.Name} {
		want = append(want, "POST "+p, "GET "+p, "PUT "+p)
	}
	for _, w := range want {
		if !sent[w] {
			t.Errorf("the provider trace log shows no request logged for %s", w)
		}
	}
	trScan(t, "the provider trace log", providerLog)
	if t.Failed() {
		t.Logf("CLI output:\n%s", output)
	}
}
