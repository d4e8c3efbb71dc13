package webcommander

import (
	"context"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	pschema "github.com/hashicorp/terraform-plugin-framework/provider/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/customerops/terraform-provider-crm/internal/settings"
	"github.com/customerops/terraform-provider-crm/internal/transport"
)

// BlockName is the provider block that configures WebCommander.
const BlockName = "webcommander"

// ProviderConfig is the `webcommander {}` block.
type ProviderConfig struct {
	StoreURL          types.String  `tfsdk:"store_url"`
	ClientID          types.String  `tfsdk:"client_id"`
	ClientSecret      types.String  `tfsdk:"client_secret"`
	Username          types.String  `tfsdk:"username"`
	Password          types.String  `tfsdk:"password"`
	RedirectURI       types.String  `tfsdk:"redirect_uri"`
	RequestsPerSecond types.Float64 `tfsdk:"requests_per_second"`
}

// setting is one string setting of the block and its variable.
type setting struct {
	name, env, doc string
	sensitive      bool
	value          func(*ProviderConfig) types.String
}

var blockSettings = []setting{
	{"store_url", "WEBCOMMANDER_STORE_URL", "The store's URL, such as `https://store.example.com` (the API is under `/api/v4`). " +
		"Required: WebCommander is per store. Must be `https://`, or `http://` towards a loopback address.", false,
		func(c *ProviderConfig) types.String { return c.StoreURL }},
	{"client_id", "WEBCOMMANDER_CLIENT_ID", "OAuth client id.", false, func(c *ProviderConfig) types.String { return c.ClientID }},
	{"client_secret", "WEBCOMMANDER_CLIENT_SECRET", "OAuth client secret.", true, func(c *ProviderConfig) types.String { return c.ClientSecret }},
	{"username", "WEBCOMMANDER_USERNAME", "Administrator user name, sent base64-encoded in `auth_string`.", false, func(c *ProviderConfig) types.String { return c.Username }},
	{"password", "WEBCOMMANDER_PASSWORD", "Administrator password, sent base64-encoded in `auth_string`.", true, func(c *ProviderConfig) types.String { return c.Password }},
	{"redirect_uri", "WEBCOMMANDER_REDIRECT_URI", "The OAuth client's redirect URI.", false, func(c *ProviderConfig) types.String { return c.RedirectURI }},
}

// ProviderBlock is the schema of the `webcommander {}` block.
func ProviderBlock() pschema.SingleNestedBlock {
	attrs := map[string]pschema.Attribute{"requests_per_second": settings.RequestsPerSecond("WebCommander")}
	for _, s := range blockSettings {
		attrs[s.name] = pschema.StringAttribute{
			MarkdownDescription: s.doc + " Falls back to `" + s.env + "`.",
			Optional:            true,
			Sensitive:           s.sensitive,
		}
	}
	return pschema.SingleNestedBlock{
		MarkdownDescription: "WebCommander settings (one store; OAuth 2.0). Omit the block to configure WebCommander from the environment alone.",
		Attributes:          attrs,
	}
}

// Configure builds the WebCommander client from the block (nil when
// absent) and the environment. It returns nil, without error, when
// WebCommander is simply not configured.
func Configure(_ context.Context, cfg *ProviderConfig, base transport.Config, diags *diag.Diagnostics) *Client {
	present := cfg != nil
	if !present {
		cfg = &ProviderConfig{}
	}
	block := path.Root(BlockName)
	settings.RequireKnown(diags, block.AtName("requests_per_second"), cfg.RequestsPerSecond, "")
	list := make([]settings.Setting, len(blockSettings))
	for i, s := range blockSettings {
		list[i] = settings.Setting{Name: s.name, Env: s.env, Value: s.value(cfg)}
	}
	values, ok := settings.Resolve(diags, block, present, list...)
	if !ok || diags.HasError() {
		return nil
	}

	base.BaseURL = strings.TrimRight(values["store_url"], "/") + "/api/v4"
	base.Limiter = settings.Limiter(cfg.RequestsPerSecond)
	client, err := NewClient(base, Credentials{
		ClientID: values["client_id"], ClientSecret: values["client_secret"], Username: values["username"],
		Password: values["password"], RedirectURI: values["redirect_uri"],
	})
	if err != nil {
		diags.AddAttributeError(block.AtName("store_url"), "Invalid WebCommander store URL", err.Error())
		return nil
	}
	return client
}
