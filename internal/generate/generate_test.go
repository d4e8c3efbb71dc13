package generate_test

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"

	"github.com/customerops/terraform-provider-crm/internal/acctest"
	"github.com/customerops/terraform-provider-crm/internal/generate"
	"github.com/customerops/terraform-provider-crm/internal/provider"
	"github.com/customerops/terraform-provider-crm/internal/sandbox"
	sbxtrakit "github.com/customerops/terraform-provider-crm/internal/sandbox/xtrakit"
)

// sandboxEnv starts a sandbox and points the provider's environment
// variables at it (t.Setenv: these tests do not run in parallel).
func sandboxEnv(t *testing.T) *sandbox.Server {
	s := acctest.Sandbox(t)
	for _, kv := range acctest.Env(s) {
		k, v, _ := strings.Cut(kv, "=")
		t.Setenv(k, v)
	}
	return s
}

func seedXtrakit(s *sandbox.Server, n int) {
	for i := range n {
		email := fmt.Sprintf("Person.%d@Example.COM", i)
		sbxtrakit.StoreOf(s).Customers.Seed(sbxtrakit.Customer{
			CustomerName: fmt.Sprintf("Person %d ", i), CustomerEmail: &email, CustomerPhone: "+15550100",
			CustomerCountry: "US", CustomerState: "CA", CustomerCity: "Fresno", Address1: "1 Main St", CreatedBy: "ops",
		})
	}
}

// run is the subcommand with args; it returns stdout, stderr and its error.
func run(t *testing.T, args ...string) (string, string, error) {
	var out, errOut bytes.Buffer
	err := generate.Run(context.Background(), args, &out, &errOut, provider.NewServer("test"))
	return out.String(), errOut.String(), err
}

// blocks parses generated HCL into its blocks.
func blocks(t *testing.T, src string) hclsyntax.Blocks {
	t.Helper()
	f, diags := hclsyntax.ParseConfig([]byte(src), "generated.tf", hcl.InitialPos)
	if diags.HasErrors() {
		t.Fatalf("the output is not HCL: %v\n%s", diags, src)
	}
	return f.Body.(*hclsyntax.Body).Blocks
}

func attr(t *testing.T, b *hclsyntax.Block, name string) string {
	t.Helper()
	a, ok := b.Body.Attributes[name]
	if !ok {
		return "<absent>"
	}
	v, diags := a.Expr.Value(nil)
	if diags.HasErrors() {
		// import's `to` is a reference
		return string(hcl.RangeBetween(a.Expr.Range(), a.Expr.Range()).SliceBytes(nil))
	}
	return v.AsString()
}

func TestGenerate_writesResourceAndImportBlocks(t *testing.T) {
	s := sandboxEnv(t)
	seedXtrakit(s, 3)
	out, msg, err := run(t, "xtrakit")
	if err != nil {
		t.Fatal(err)
	}
	bs := blocks(t, out)
	if len(bs) != 6 {
		t.Fatalf("got %d blocks, want 3 resources and 3 imports:\n%s", len(bs), out)
	}
	res, imp := bs[0], bs[1]
	if res.Type != "resource" || strings.Join(res.Labels, " ") != "crm_xtrakit_customer customer_1" {
		t.Errorf("first block is %s %v", res.Type, res.Labels)
	}
	// The platform's own spelling, trailing blank and case included.
	if got := attr(t, res, "name"); got != "Person 0 " {
		t.Errorf("name = %q", got)
	}
	if got := attr(t, res, "email"); got != "Person.0@Example.COM" {
		t.Errorf("email = %q", got)
	}
	// Computed-only attributes and nulls are left out.
	for _, name := range []string{"id", "created_at", "user_id", "zip", "timeouts"} {
		if got := attr(t, res, name); got != "<absent>" {
			t.Errorf("%s is written (%q)", name, got)
		}
	}
	if imp.Type != "import" || attr(t, imp, "id") != "1" {
		t.Errorf("second block is %s with id %q", imp.Type, attr(t, imp, "id"))
	}
	if !strings.Contains(out, "to = crm_xtrakit_customer.customer_1\n") {
		t.Errorf("the import block does not point at the resource:\n%s", out)
	}
	if !strings.Contains(out, "# Person 0 <Person.0@Example.COM>\n") {
		t.Errorf("no display-name comment:\n%s", out)
	}
	if !strings.Contains(msg, "3 crm_xtrakit_customer record(s)") {
		t.Errorf("summary: %q", msg)
	}
}

func TestGenerate_filtersAndLimit(t *testing.T) {
	s := sandboxEnv(t)
	seedXtrakit(s, 4)
	out, _, err := run(t, "crm_xtrakit_customer", "email=person.2@example.com")
	if err != nil {
		t.Fatal(err)
	}
	if bs := blocks(t, out); len(bs) != 2 || attr(t, bs[1], "id") != "3" {
		t.Errorf("the e-mail filter kept:\n%s", out)
	}
	out, _, err = run(t, "xtrakit_customer", "-limit", "2")
	if err != nil {
		t.Fatal(err)
	}
	if bs := blocks(t, out); len(bs) != 4 {
		t.Errorf("-limit 2 wrote %d blocks:\n%s", len(bs), out)
	}
}

func TestGenerate_refusesBadInput(t *testing.T) {
	s := sandboxEnv(t)
	seedXtrakit(s, 1)
	existing := filepath.Join(t.TempDir(), "customers.tf")
	if err := os.WriteFile(existing, []byte("# mine\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		args []string
		want string
	}{
		{nil, "name the resource type"},
		{[]string{"shopify"}, `"shopify" is not a type the provider lists; one of: crm_`},
		{[]string{"xtrakit", "colour=red"}, "colour is not a filter of this type; its filters: [email group_id]"},
		{[]string{"xtrakit", "group_id=two"}, `filter group_id="two": not a number`},
		{[]string{"xtrakit", "group_id=0"}, "group_id: Invalid Attribute Value: Attribute group_id value must be at least 1"},
		{[]string{"xtrakit", "email"}, `"email": a filter is NAME=VALUE`},
		{[]string{"-limit", "-1", "xtrakit"}, "a limit is 0 (all) or more"},
		{[]string{"-o", existing, "xtrakit"}, "generate writes a new file only"},
	} {
		_, _, err := run(t, tc.args...)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("generate %v: got %v, want an error containing %q", tc.args, err, tc.want)
		}
	}
	if b, _ := os.ReadFile(existing); string(b) != "# mine\n" {
		t.Errorf("-o overwrote an existing file: %q", b)
	}
}

func TestGenerate_writesNewFile(t *testing.T) {
	s := sandboxEnv(t)
	seedXtrakit(s, 2)
	path := filepath.Join(t.TempDir(), "generated.tf")
	out, msg, err := run(t, "-o", path, "xtrakit")
	if err != nil || out != "" {
		t.Fatalf("err %v, stdout %q", err, out)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(blocks(t, string(b))) != 4 || !strings.Contains(msg, "written to "+path) {
		t.Errorf("%s holds:\n%s\nsummary %q", path, b, msg)
	}
}

func TestGenerate_notConfigured(t *testing.T) {
	for _, k := range []string{"XTRAKIT_API_KEY", "XTRAKIT_BASE_URL"} {
		t.Setenv(k, "")
	}
	_, _, err := run(t, "xtrakit")
	if err == nil || !strings.Contains(err.Error(), "XTRAKIT_API_KEY") {
		t.Errorf("got %v, want the variable to set named", err)
	}
}
