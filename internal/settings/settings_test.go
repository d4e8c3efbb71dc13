package settings

import (
	"strings"
	"testing"

	fwattr "github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// ---- settings ----

func TestStringSetting(t *testing.T) {
	const env = "CRM_ATTR_TEST_SETTING"
	cases := []struct {
		name   string
		cfg    types.String
		envVal string
		envVar string
		def    string
		want   string
	}{
		{"config wins over env and default", types.StringValue("cfg"), "env", env, "def", "cfg"},
		{"env when config null", types.StringNull(), "env", env, "def", "env"},
		{"env when config unknown", types.StringUnknown(), "env", env, "def", "env"},
		{"default when env empty", types.StringNull(), "", env, "def", "def"},
		{"default when no env var named", types.StringNull(), "env", "", "def", "def"},
		{"explicit empty config is kept", types.StringValue(""), "env", env, "def", ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Setenv(env, tc.envVal)
			if got := StringSetting(tc.cfg, tc.envVar, tc.def); got != tc.want {
				t.Errorf("StringSetting = %q, want %q", got, tc.want)
			}
		})
	}
}

func attrErrorPath(t *testing.T, d diag.Diagnostic) path.Path {
	t.Helper()
	wp, ok := d.(diag.DiagnosticWithPath)
	if !ok {
		t.Fatalf("diagnostic has no path: %v", d)
	}
	return wp.Path()
}

func TestRequireKnown(t *testing.T) {
	p := path.Root("xtrakit").AtName("api_key")

	for _, v := range []fwattr.Value{types.StringNull(), types.StringValue("k"), types.Float64Null()} {
		var diags diag.Diagnostics
		RequireKnown(&diags, p, v, "XTRAKIT_API_KEY")
		if len(diags) != 0 {
			t.Errorf("%v: unexpected %v", v, diags)
		}
	}

	var diags diag.Diagnostics
	RequireKnown(&diags, p, types.StringUnknown(), "XTRAKIT_API_KEY")
	if len(diags) != 1 || !diags.HasError() {
		t.Fatalf("want one error, got %v", diags)
	}
	d := diags[0]
	if got := attrErrorPath(t, d); !got.Equal(p) {
		t.Errorf("path = %s, want %s", got, p)
	}
	for _, want := range []string{"xtrakit.api_key"} {
		if !strings.Contains(d.Summary(), want) {
			t.Errorf("summary %q lacks %q", d.Summary(), want)
		}
	}
	for _, want := range []string{"xtrakit.api_key", "XTRAKIT_API_KEY", "unknown"} {
		if !strings.Contains(d.Detail(), want) {
			t.Errorf("detail %q lacks %q", d.Detail(), want)
		}
	}

	// No environment variable: none is suggested.
	diags = nil
	rps := path.Root("xtrakit").AtName("requests_per_second")
	RequireKnown(&diags, rps, types.Float64Unknown(), "")
	if len(diags) != 1 {
		t.Fatalf("want one error, got %v", diags)
	}
	if strings.Contains(diags[0].Detail(), "environment variable") {
		t.Errorf("no env var to suggest, got %q", diags[0].Detail())
	}
	if got := attrErrorPath(t, diags[0]); !got.Equal(rps) {
		t.Errorf("path = %s, want %s", got, rps)
	}
}

func TestMissingSetting(t *testing.T) {
	p := path.Root("xtrakit").AtName("api_key")
	var diags diag.Diagnostics
	MissingSetting(&diags, p, "XTRAKIT_API_KEY")
	if len(diags) != 1 || !diags.HasError() {
		t.Fatalf("want one error, got %v", diags)
	}
	d := diags[0]
	if got := attrErrorPath(t, d); !got.Equal(p) {
		t.Errorf("path = %s, want %s", got, p)
	}
	if !strings.Contains(d.Summary(), "xtrakit.api_key") {
		t.Errorf("summary %q", d.Summary())
	}
	for _, want := range []string{"xtrakit.api_key", "XTRAKIT_API_KEY"} {
		if !strings.Contains(d.Detail(), want) {
			t.Errorf("detail %q lacks %q", d.Detail(), want)
		}
	}
}
