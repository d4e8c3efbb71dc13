package platform

import (
	"context"
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	pschema "github.com/hashicorp/terraform-plugin-framework/provider/schema"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/customerops/terraform-provider-crm/internal/settings"
	"github.com/customerops/terraform-provider-crm/internal/transport"
)

const (
	envID, envSecret, envURL = "CRM_ACME_TEST_ID", "CRM_ACME_TEST_SECRET", "CRM_ACME_TEST_URL"
	envStore                 = "CRM_ACME_TEST_STORE"
)

type acmeClient struct{ id, secret, url string }

// acme is a platform with a key pair and a defaulted base URL.
var acme = Platform{
	About: About{Name: "Acme", Block: "acme", Example: "acme { id = ..., secret = ... }", Settings: []settings.Setting{
		{Name: "id", Env: envID, Doc: "Key id."},
		{Name: "secret", Env: envSecret, Sensitive: true, Doc: "Key secret."},
		settings.BaseURL(envURL, "https://api.acme.example"),
	}},
	Summary:      "Acme settings.",
	ConnectError: "base_url",
	Connect: Builds(func(v map[string]string, base transport.Config) (*acmeClient, error) {
		if strings.HasPrefix(base.BaseURL, "http:") {
			return nil, errors.New("only https is allowed")
		}
		return &acmeClient{v["id"], v["secret"], base.BaseURL}, nil
	}),
}

// shop is a platform per store: its URL has no default.
var shop = Platform{
	About: About{Name: "Shop", Block: "shop", Settings: []settings.Setting{
		settings.BaseURL(envStore, ""),
		{Name: "token", Env: "CRM_SHOP_TEST_TOKEN", Sensitive: true},
	}},
	ConnectError: "base_url",
	Connect:      Builds(func(map[string]string, transport.Config) (*acmeClient, error) { return &acmeClient{}, nil }),
}

// config is a provider configuration with these platforms' blocks; a nil
// block is absent. Values are strings, or nil for null, or
// tftypes.UnknownValue.
func config(t *testing.T, blocks map[string]map[string]any, platforms ...Platform) tfsdk.Config {
	t.Helper()
	ctx := context.Background()
	s := pschema.Schema{Blocks: map[string]pschema.Block{}}
	for _, p := range platforms {
		s.Blocks[p.Block] = p.BlockSchema()
	}
	typ := s.Type().TerraformType(ctx).(tftypes.Object)
	vals := map[string]tftypes.Value{}
	for _, p := range platforms {
		bt := typ.AttributeTypes[p.Block].(tftypes.Object)
		b, ok := blocks[p.Block]
		if !ok {
			vals[p.Block] = tftypes.NewValue(bt, nil)
			continue
		}
		attrs := map[string]tftypes.Value{}
		for name, at := range bt.AttributeTypes {
			v := b[name]
			if s, isString := v.(string); isString {
				attrs[name] = tftypes.NewValue(at, s)
			} else {
				attrs[name] = tftypes.NewValue(at, v)
			}
		}
		vals[p.Block] = tftypes.NewValue(bt, attrs)
	}
	return tfsdk.Config{Schema: s, Raw: tftypes.NewValue(typ, vals)}
}

func clearEnv(t *testing.T, names ...string) {
	for _, n := range names {
		t.Setenv(n, "")
		os.Unsetenv(n)
	}
}

func TestConfigure(t *testing.T) {
	clearEnv(t, envID, envSecret, envURL)
	ctx := context.Background()
	run := func(block map[string]any) (*acmeClient, diag.Diagnostics) {
		blocks := map[string]map[string]any{}
		if block != nil {
			blocks["acme"] = block
		}
		c, d := acme.Configure(ctx, config(t, blocks, acme), transport.Config{})
		client, _ := c.(*acmeClient)
		if c != nil && client == nil {
			t.Fatalf("client is a %T", c)
		}
		return client, d
	}

	if c, d := run(nil); c != nil || d.HasError() {
		t.Errorf("no block, no environment: %v, %v; want quietly unconfigured", c, d)
	}
	if c, d := run(map[string]any{"id": "x"}); c != nil || !mentions(d, "acme.secret", envSecret) || mentions(d, "acme.id", "") {
		t.Errorf("missing secret: %v", d)
	}
	if c, d := run(map[string]any{}); c != nil || !mentions(d, "acme.id", envID) || !mentions(d, "acme.secret", envSecret) {
		t.Errorf("empty block: %v", d)
	}
	if c, d := run(map[string]any{"id": "x", "secret": "s", "base_url": "http://api.example.com"}); c != nil ||
		!mentions(d, "Invalid Acme base URL", "only https") {
		t.Errorf("plain http: %v", d)
	}
	if c, d := run(map[string]any{"id": "x", "secret": tftypes.UnknownValue}); c != nil || !mentions(d, "acme.secret", envSecret) {
		t.Errorf("unknown secret: %v", d)
	}
	if c, d := run(map[string]any{"id": "x", "secret": "s"}); c == nil || d.HasError() || c.url != "https://api.acme.example" {
		t.Errorf("a key pair: %+v, %v", c, d)
	}

	t.Setenv(envURL, "https://eu.acme.example")
	if c, d := run(nil); c != nil || d.HasError() {
		t.Errorf("only the URL in the environment must leave Acme unused, not fail: %v, %v", c, d)
	}
	t.Setenv(envID, "env-id")
	if c, d := run(nil); c != nil || !mentions(d, "acme.secret", envSecret) {
		t.Errorf("half a pair from the environment must be an error: %v", d)
	}
	t.Setenv(envSecret, "env-secret")
	if c, d := run(nil); c == nil || d.HasError() || *c != (acmeClient{"env-id", "env-secret", "https://eu.acme.example"}) {
		t.Errorf("pair from the environment: %+v, %v", c, d)
	}
	if c, d := run(map[string]any{"id": "cfg"}); c == nil || d.HasError() || c.id != "cfg" || c.secret != "env-secret" {
		t.Errorf("the block wins over the environment: %+v, %v", c, d)
	}
}

// A store URL alone in the environment (exported for another tool, say)
// must not fail a configuration that never uses the platform; with its
// token, the platform is used.
func TestConfigureStoreURLAloneIsUnused(t *testing.T) {
	clearEnv(t, envStore, "CRM_SHOP_TEST_TOKEN")
	t.Setenv(envStore, "https://shop.example")
	ctx := context.Background()
	if c, d := shop.Configure(ctx, config(t, nil, shop), transport.Config{}); c != nil || d.HasError() {
		t.Errorf("URL alone: %v, %v; want quietly unconfigured", c, d)
	}
	if c, d := shop.Configure(ctx, config(t, map[string]map[string]any{"shop": {}}, shop), transport.Config{}); c != nil ||
		!mentions(d, "shop.token", "CRM_SHOP_TEST_TOKEN") {
		t.Errorf("a block with the URL from the environment but no token: %v", d)
	}
	t.Setenv("CRM_SHOP_TEST_TOKEN", "t")
	if c, d := shop.Configure(ctx, config(t, nil, shop), transport.Config{}); c == nil || d.HasError() {
		t.Errorf("URL and token: %v, %v", c, d)
	}
	clearEnv(t, envStore)
	if c, d := shop.Configure(ctx, config(t, nil, shop), transport.Config{}); c != nil || !mentions(d, "shop.base_url", envStore) {
		t.Errorf("a token without the store URL must say the URL is missing: %v", d)
	}
}

// Each block's errors are its own: a bad block never hides another's.
func TestConfigureReportsEveryBadBlock(t *testing.T) {
	clearEnv(t, envID, envSecret, envURL, envStore, "CRM_SHOP_TEST_TOKEN")
	cfg := config(t, map[string]map[string]any{"acme": {"id": "x"}, "shop": {"token": "t"}}, acme, shop)
	var all diag.Diagnostics
	for _, p := range []Platform{acme, shop} {
		_, d := p.Configure(context.Background(), cfg, transport.Config{})
		all.Append(d...)
	}
	if !mentions(all, "acme.secret", envSecret) || !mentions(all, "shop.base_url", envStore) {
		t.Errorf("want both blocks' errors, got %v", all)
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

func TestClientFrom(t *testing.T) {
	c := &acmeClient{id: "x"}
	var diags diag.Diagnostics
	if got := ClientFrom[acmeClient](Clients{"acme": c}, acme.About, &diags); got != c || diags.HasError() {
		t.Errorf("configured: got %v, %v", got, diags)
	}
	diags = nil
	if got := ClientFrom[acmeClient](Clients{}, acme.About, &diags); got != nil || !diags.HasError() ||
		!strings.Contains(diags.Errors()[0].Summary(), "Acme is not configured") ||
		!strings.Contains(diags.Errors()[0].Detail(), "acme { id = ..., secret = ... }") ||
		!strings.Contains(diags.Errors()[0].Detail(), "the "+envID+" and "+envSecret+" environment variables ("+envURL+" optional)") {
		t.Errorf("unconfigured: got %v, %v", got, diags)
	}
	diags = nil
	if got := ClientFrom[acmeClient]("not the clients", acme.About, &diags); got != nil || !diags.HasError() {
		t.Errorf("wrong provider data: got %v, %v", got, diags)
	}
	diags = nil
	if got := ClientFrom[int](Clients{"acme": c}, acme.About, &diags); got != nil || !diags.HasError() {
		t.Errorf("another platform's client: got %v, %v", got, diags)
	}
}

func TestBind(t *testing.T) {
	use := func(c *acmeClient) string { return "bound to " + c.id }
	bind := Bind(acme.About, use)
	var diags diag.Diagnostics
	if got := bind(Clients{"acme": &acmeClient{id: "x"}}, &diags); got != "bound to x" || diags.HasError() {
		t.Errorf("configured: %q, %v", got, diags)
	}
	if got := bind(Clients{}, &diags); got != "" || !mentions(diags, "Acme is not configured", envID) {
		t.Errorf("unconfigured: %q, %v; want the zero value and the configuration error", got, diags)
	}
}
