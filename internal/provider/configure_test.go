package provider

import (
	"context"
	"os"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/customerops/terraform-provider-crm/internal/platform"
)

// configWith is a provider configuration whose blocks hold the given
// string settings (absent blocks are null, absent settings null).
func configWith(t *testing.T, blocks map[string]map[string]string) tfsdk.Config {
	t.Helper()
	s := providerSchema(t)
	typ := s.Type().TerraformType(context.Background()).(tftypes.Object)
	vals := map[string]tftypes.Value{}
	for name, at := range typ.AttributeTypes {
		obj, isBlock := at.(tftypes.Object)
		settings, given := blocks[name]
		if !isBlock || !given {
			vals[name] = tftypes.NewValue(at, nil)
			continue
		}
		attrs := map[string]tftypes.Value{}
		for a, aType := range obj.AttributeTypes {
			if v, ok := settings[a]; ok {
				attrs[a] = tftypes.NewValue(aType, v)
			} else {
				attrs[a] = tftypes.NewValue(aType, nil)
			}
		}
		vals[name] = tftypes.NewValue(obj, attrs)
	}
	return tfsdk.Config{Schema: s, Raw: tftypes.NewValue(typ, vals)}
}

// unsetPlatformEnv clears every platform's variables for the test.
func unsetPlatformEnv(t *testing.T) {
	for _, p := range Platforms {
		for _, s := range p.Settings {
			t.Setenv(s.Env, "")
			os.Unsetenv(s.Env)
		}
	}
}

func configure(t *testing.T, cfg tfsdk.Config) provider.ConfigureResponse {
	t.Helper()
	var resp provider.ConfigureResponse
	New("test")().Configure(context.Background(), provider.ConfigureRequest{Config: cfg, TerraformVersion: "1.16.4"}, &resp)
	return resp
}

// One bad platform block must not hide another's errors: the user fixes
// both in one go.
func TestConfigureReportsEveryBadBlock(t *testing.T) {
	unsetPlatformEnv(t)
	resp := configure(t, configWith(t, map[string]map[string]string{
		"xtrakit":  {},
		"razorpay": {"key_id": "rzp_test_x"},
	}))
	var text []string
	for _, d := range resp.Diagnostics.Errors() {
		text = append(text, d.Summary()+": "+d.Detail())
	}
	all := strings.Join(text, "\n")
	for _, want := range []string{"Missing xtrakit.api_key", "XTRAKIT_API_KEY", "Missing razorpay.key_secret", "RAZORPAY_KEY_SECRET"} {
		if !strings.Contains(all, want) {
			t.Errorf("errors lack %q:\n%s", want, all)
		}
	}
}

// A base URL exported for another tool does not make its platform used:
// a configuration of other platforms configures without error.
func TestConfigureIgnoresABaseURLAloneInTheEnvironment(t *testing.T) {
	unsetPlatformEnv(t)
	t.Setenv("AXIM_BASE_URL", "https://shop.example/api")
	t.Setenv("WEBCOMMANDER_STORE_URL", "https://store.example")
	resp := configure(t, configWith(t, map[string]map[string]string{"xtrakit": {"api_key": "k"}}))
	if resp.Diagnostics.HasError() {
		t.Fatalf("Configure: %v", resp.Diagnostics)
	}
	clients, ok := resp.ResourceData.(platform.Clients)
	if !ok {
		t.Fatalf("provider data is %T", resp.ResourceData)
	}
	if clients["xtrakit"] == nil || clients["axim"] != nil || clients["webcommander"] != nil {
		t.Errorf("clients = %v; want Xtrakit alone", clients)
	}
}
