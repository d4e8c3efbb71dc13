package provider_test

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"text/template"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	fwprovider "github.com/hashicorp/terraform-plugin-framework/provider"
	pschema "github.com/hashicorp/terraform-plugin-framework/provider/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource"

	"github.com/customerops/terraform-provider-crm/internal/acctest"
	"github.com/customerops/terraform-provider-crm/internal/provider"
	"github.com/customerops/terraform-provider-crm/internal/sandbox"
	sbaxim "github.com/customerops/terraform-provider-crm/internal/sandbox/axim"
	"github.com/customerops/terraform-provider-crm/internal/sandbox/emulators"
	sbrazorpay "github.com/customerops/terraform-provider-crm/internal/sandbox/razorpay"
	sbwebcommander "github.com/customerops/terraform-provider-crm/internal/sandbox/webcommander"
	sbxtrakit "github.com/customerops/terraform-provider-crm/internal/sandbox/xtrakit"
)

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

// trExtraSecrets are the forms credentials travel in beyond their values
// (the sensitive settings of every platform block are added by
// trSecretsOf), and the customers' passwords.
var trExtraSecrets = map[string]string{
	"Razorpay Basic credentials":           base64.StdEncoding.EncodeToString([]byte(sbrazorpay.KeyID + ":" + sbrazorpay.KeySecret)),
	"WebCommander auth_string":             base64.StdEncoding.EncodeToString([]byte(sbwebcommander.Username + ":" + sbwebcommander.Password)),
	"customer password":                    trPassword1,
	"customer password after the update":   trPassword2,
	"write-only password":                  trPasswordWO1,
	"write-only password after the update": trPasswordWO2,
}

// trSetting is one setting of a platform block in the trace test: a
// sensitive one comes from a variable (not marked sensitive, so that only
// the provider keeps it out of logs and output) and is scanned for.
type trSetting struct {
	block, attr, value string
	sensitive          bool
}

// trSettings are the sandbox's settings of every platform, from the
// emulator list, each marked as the provider's schema marks it.
func trSettings(t *testing.T, s *sandbox.Server) []trSetting {
	t.Helper()
	var resp fwprovider.SchemaResponse
	provider.New("test")().Schema(context.Background(), fwprovider.SchemaRequest{}, &resp)
	var out []trSetting
	for _, e := range emulators.All {
		block, ok := resp.Schema.Blocks[e.Name].(pschema.SingleNestedBlock)
		if !ok {
			t.Fatalf("the provider has no %s block", e.Name)
		}
		for _, st := range e.Settings(s.BaseURL(e.Name)) {
			a, ok := block.Attributes[st.Attr]
			if !ok {
				t.Fatalf("the %s block has no attribute %s", e.Name, st.Attr)
			}
			out = append(out, trSetting{e.Name, st.Attr, st.Value, a.IsSensitive()})
		}
	}
	return out
}

// trSecretsOf is every secret the test scans for: each sensitive setting's
// value, and trExtraSecrets.
func trSecretsOf(settings []trSetting) map[string]string {
	all := maps.Clone(trExtraSecrets)
	for _, st := range settings {
		if st.sensitive {
			all[st.block+" "+st.attr] = st.value
		}
	}
	return all
}

// trConfig declares every resource type and data source of the provider:
// the provider block from the emulators' settings, then each platform's
// part, internal/<platform>/testdata/trace/main.tf (a text/template of
// Version and WriteOnly), so a new platform brings its own. Names change
// with version, so the update changes a record on every platform.
// writeOnly adds what needs Terraform/OpenTofu 1.11 (password_wo).
func trConfig(t *testing.T, settings []trSetting, version int, writeOnly bool) string {
	t.Helper()
	var b strings.Builder
	b.WriteString("variable \"customer_password\" {}\nvariable \"customer_password_wo\" {}\n")
	for _, st := range settings {
		if st.sensitive {
			fmt.Fprintf(&b, "variable %q {}\n", st.block+"_"+st.attr)
		}
	}
	b.WriteString("\nprovider \"crm\" {\n  max_retries     = 3\n  request_timeout = \"10s\"\n")
	for i, st := range settings {
		if i == 0 || settings[i-1].block != st.block {
			fmt.Fprintf(&b, "\n  %s {\n", st.block)
		}
		if st.sensitive {
			fmt.Fprintf(&b, "    %s = var.%s_%s\n", st.attr, st.block, st.attr)
		} else {
			fmt.Fprintf(&b, "    %s = %q\n", st.attr, st.value)
		}
		if i == len(settings)-1 || settings[i+1].block != st.block {
			b.WriteString("  }\n")
		}
	}
	b.WriteString("}\n")
	for _, e := range emulators.All {
		raw, err := os.ReadFile(filepath.Join("..", e.Name, "testdata", "trace", "main.tf"))
		if err != nil {
			t.Fatalf("%s has no part in the trace test: %v", e.Name, err)
		}
		tmpl, err := template.New(e.Name).Parse(string(raw))
		if err != nil {
			t.Fatalf("%s's trace part: %v", e.Name, err)
		}
		b.WriteString("\n")
		if err := tmpl.Execute(&b, struct {
			Version   int
			WriteOnly bool
		}{version, writeOnly}); err != nil {
			t.Fatalf("%s's trace part: %v", e.Name, err)
		}
	}
	return b.String()
}

// trVariables are the values of trConfig's variables.
func trVariables(settings []trSetting, password, passwordWO string) string {
	v := map[string]string{"customer_password": password, "customer_password_wo": passwordWO}
	for _, st := range settings {
		if st.sensitive {
			v[st.block+"_"+st.attr] = st.value
		}
	}
	b, _ := json.Marshal(v)
	return string(b)
}

// trReadBack checks every platform's read_back_<platform> output: each
// part's data sources read back what version wrote (so after the update,
// every platform's record was changed).
func trReadBack(t *testing.T, c *acctest.CLI, version int) {
	t.Helper()
	for _, e := range emulators.All {
		out := c.Must("output", "-no-color", "-json", "read_back_"+e.Name)
		trExpect(t, e.Name+"'s read_back", out, fmt.Sprintf(" v%d\"", version))
	}
}

// trCheckPasswords checks the passwords the sandbox holds for the customers
// in the state, and that the state never holds the write-only one.
func trCheckPasswords(t *testing.T, c *acctest.CLI, s *sandbox.Server, password, passwordWO string, writeOnly bool) {
	t.Helper()
	st := c.State()
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
	b, _ := os.ReadFile(filepath.Join(c.Dir, "terraform.tfstate"))
	for _, wo := range []string{trPasswordWO1, trPasswordWO2} {
		if strings.Contains(string(b), wo) {
			t.Errorf("the state holds the write-only password %q", wo)
		}
	}
}

// trScan fails the test for each secret or OAuth token found in text
// (searched in the whole text at once: the trace logs are megabytes).
func trScan(t *testing.T, what, text string, secrets map[string]string) {
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
	for _, name := range slices.Sorted(maps.Keys(secrets)) {
		secret := secrets[name]
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
	c := acctest.NewCLI(t)
	s := acctest.Sandbox(t)
	writeOnly := c.AtLeast(1, 11)
	logs := t.TempDir()
	// The provider's logs go through the test sink, set up from the
	// environment as each server starts; the CLI's go to cli.log.
	t.Setenv("TF_LOG", "trace")
	t.Setenv("TF_LOG_PATH_MASK", filepath.Join(logs, "provider-%s.log"))
	c.Env = []string{"TF_LOG=trace", "TF_LOG_PATH=" + filepath.Join(logs, "cli.log")}

	settings := trSettings(t, s)
	secrets := trSecretsOf(settings)
	resources, dataSources := trTypes(t.Context())
	for _, kind := range []struct {
		block string
		types []string
	}{{"resource", resources}, {"data", dataSources}} {
		for _, typ := range kind.types {
			if !strings.Contains(trConfig(t, settings, 1, false), fmt.Sprintf("%s %q", kind.block, typ)) {
				t.Fatalf("the configuration lacks a %s %q: it must declare every resource and data source", kind.block, typ)
			}
		}
	}

	c.Write("main.tf", trConfig(t, settings, 1, writeOnly))
	c.Write("terraform.tfvars.json", trVariables(settings, trPassword1, trPasswordWO1))
	c.Must("init", "-no-color", "-input=false")
	plan := c.Must("plan", "-no-color")
	trExpect(t, "the plan creating everything", plan, "crm_webcommander_customer.c will be created")
	trExpectLine(t, "the plan creating everything", plan, `\+ password\s+= \(sensitive value\)`)
	if writeOnly {
		trExpect(t, "the plan creating everything", plan, "crm_webcommander_customer.wo will be created")
		trExpectLine(t, "the plan creating everything", plan, `\+ password_wo\s+= \(write-only attribute\)`)
	}
	c.Must("apply", "-no-color", "-auto-approve")
	trCheckPasswords(t, c, s, trPassword1, trPasswordWO1, writeOnly)
	c.ExpectEmptyPlan()
	trReadBack(t, c, 1)

	c.Write("main.tf", trConfig(t, settings, 2, writeOnly))
	c.Write("terraform.tfvars.json", trVariables(settings, trPassword2, trPasswordWO2))
	update := c.Must("plan", "-no-color")
	trExpect(t, "the plan updating everything", update, "crm_webcommander_customer.c will be updated in-place")
	trExpectLine(t, "the plan updating everything", update, `~ password\s+= \(sensitive value\)`)
	if writeOnly {
		trExpectLine(t, "the plan updating everything", update, `~ password_wo_version\s+= 1 -> 2`)
	}
	c.Must("apply", "-no-color", "-auto-approve")
	trCheckPasswords(t, c, s, trPassword2, trPasswordWO2, writeOnly)
	c.ExpectEmptyPlan()
	trReadBack(t, c, 2)
	shown := c.Must("show", "-no-color")
	trExpect(t, "the state shown", shown, "Trace Xtrakit v2")
	trExpectLine(t, "the state shown", shown, `password\s+= \(sensitive value\)`)
	c.Must("destroy", "-no-color", "-auto-approve")
	if n := len(sbxtrakit.StoreOf(s).Customers.List()) + len(sbxtrakit.StoreOf(s).Groups.List()) + len(sbaxim.StoreOf(s).Customers.List()) + len(sbwebcommander.StoreOf(s).Customers.List()); n != 0 {
		t.Errorf("destroy left %d records", n)
	}

	output := c.Outputs.String()
	trScan(t, "the CLI output", output, secrets)

	cliLog, _ := os.ReadFile(filepath.Join(logs, "cli.log"))
	trExpect(t, "the CLI trace log", string(cliLog), "[TRACE]")
	trScan(t, "the CLI trace log", string(cliLog), secrets)

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
	// received creates and reads (updates: trReadBack), all logged.
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
	for _, e := range emulators.All {
		want = append(want, "POST "+e.Name, "GET "+e.Name)
	}
	for _, w := range want {
		if !sent[w] {
			t.Errorf("the provider trace log shows no request logged for %s", w)
		}
	}
	trScan(t, "the provider trace log", providerLog, secrets)
	if t.Failed() {
		t.Logf("CLI output:\n%s", output)
	}
}
