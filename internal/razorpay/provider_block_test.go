package razorpay

import (
	"context"
	"os"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/customerops/terraform-provider-crm/internal/settings"
	"github.com/customerops/terraform-provider-crm/internal/transport"
)

func TestConfigure(t *testing.T) {
	for _, env := range []string{EnvKeyID, EnvKeySecret, EnvBaseURL} {
		t.Setenv(env, "")
		os.Unsetenv(env)
	}
	ctx := context.Background()
	run := func(cfg *ProviderConfig) (*Client, diag.Diagnostics) {
		var diags diag.Diagnostics
		return Configure(ctx, cfg, transport.Config{}, &diags), diags
	}
	block := func(id, secret, base string) *ProviderConfig {
		v := func(s string) types.String {
			if s == "" {
				return types.StringNull()
			}
			return types.StringValue(s)
		}
		return &ProviderConfig{KeyID: v(id), KeySecret: v(secret), Endpoint: settings.Endpoint{BaseURL: v(base), RequestsPerSecond: types.Float64Null()}}
	}

	if c, d := run(nil); c != nil || d.HasError() {
		t.Errorf("no block, no environment: %v, %v; want quietly unconfigured", c, d)
	}
	if c, d := run(block("rzp_test_x", "", "")); c != nil || !mentions(d, "razorpay.key_secret", EnvKeySecret) || mentions(d, "razorpay.key_id", "") {
		t.Errorf("missing secret: %v", d)
	}
	if c, d := run(block("", "", "")); c != nil || !mentions(d, "razorpay.key_id", EnvKeyID) || !mentions(d, "razorpay.key_secret", EnvKeySecret) {
		t.Errorf("empty block: %v", d)
	}
	if c, d := run(block("rzp_test_x", "s", "http://api.example.com")); c != nil || !mentions(d, "Invalid Razorpay base URL", "") {
		t.Errorf("plain http: %v", d)
	}
	unknown := block("rzp_test_x", "s", "")
	unknown.KeySecret = types.StringUnknown()
	if c, d := run(unknown); c != nil || !mentions(d, "razorpay.key_secret", EnvKeySecret) {
		t.Errorf("unknown secret: %v", d)
	}
	if c, d := run(block("rzp_test_x", "s", "")); c == nil || d.HasError() {
		t.Errorf("a key pair: %v, %v", c, d)
	}

	t.Setenv(EnvKeyID, "rzp_test_env")
	if c, d := run(nil); c != nil || !mentions(d, "razorpay.key_secret", EnvKeySecret) {
		t.Errorf("half a pair from the environment must be an error: %v", d)
	}
	t.Setenv(EnvKeySecret, "secret")
	if c, d := run(nil); c == nil || d.HasError() {
		t.Errorf("pair from the environment: %v, %v", c, d)
	}
}

func mentions(d diag.Diagnostics, a, b string) bool {
	for _, x := range d.Errors() {
		text := x.Summary() + " " + x.Detail()
		if strings.Contains(text, a) && strings.Contains(text, b) {
			return true
		}
	}
	return false
}
