package xtrakit

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	pschema "github.com/hashicorp/terraform-plugin-framework/provider/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/customerops/terraform-provider-crm/internal/settings"
	"github.com/customerops/terraform-provider-crm/internal/transport"
)

// BlockName is the provider block that configures Xtrakit.
const BlockName = "xtrakit"

// Environment variables read when the block leaves a setting out.
const (
	EnvAPIKey  = "XTRAKIT_API_KEY"
	EnvBaseURL = "XTRAKIT_BASE_URL"
)

// ProviderConfig is the `xtrakit {}` block.
type ProviderConfig struct {
	APIKey types.String `tfsdk:"api_key"`
	settings.Endpoint
}

var endpoint = settings.EndpointSpec{
	Platform:   "Xtrakit",
	DefaultURL: DefaultBaseURL,
	EnvBaseURL: EnvBaseURL,
}

// ProviderBlock is the schema of the `xtrakit {}` block.
func ProviderBlock() pschema.SingleNestedBlock {
	return pschema.SingleNestedBlock{
		MarkdownDescription: "Xtrakit settings. Omit the block to configure Xtrakit from the environment alone.",
		Attributes: endpoint.Attributes(map[string]pschema.Attribute{
			"api_key": pschema.StringAttribute{
				MarkdownDescription: "Xtrakit API key, sent as `Authorization: Bearer <key>`. Falls back to `" + EnvAPIKey + "`.",
				Optional:            true,
				Sensitive:           true,
			},
		}),
	}
}

// Configure builds the Xtrakit client from the block (nil when absent) and
// the environment. It returns nil, without error, when Xtrakit is simply
// not configured; resources then explain how to configure it.
func Configure(_ context.Context, cfg *ProviderConfig, base transport.Config, diags *diag.Diagnostics) *Client {
	present := cfg != nil
	if !present {
		cfg = &ProviderConfig{}
	}
	block := path.Root(BlockName)
	endpoint.RequireKnown(diags, block, cfg.Endpoint)
	values, ok := settings.Resolve(diags, block, present,
		settings.Setting{Name: "api_key", Env: EnvAPIKey, Value: cfg.APIKey}, endpoint.BaseURL(cfg.Endpoint))
	if !ok || diags.HasError() {
		return nil
	}
	endpoint.Apply(values["base_url"], cfg.Endpoint, &base)
	base.Auth = transport.BearerToken(values["api_key"])

	client, err := NewClient(base)
	if err != nil {
		diags.AddAttributeError(block.AtName("base_url"), "Invalid Xtrakit base URL", err.Error())
		return nil
	}
	return client
}
