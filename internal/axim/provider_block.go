package axim

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	pschema "github.com/hashicorp/terraform-plugin-framework/provider/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/customerops/terraform-provider-crm/internal/settings"
	"github.com/customerops/terraform-provider-crm/internal/transport"
)

// BlockName is the provider block that configures Axim.
const BlockName = "axim"

// Environment variables read when the block leaves a setting out.
const (
	EnvAccessToken = "AXIM_ACCESS_TOKEN"
	EnvBaseURL     = "AXIM_BASE_URL"
)

// ProviderConfig is the `axim {}` block.
type ProviderConfig struct {
	AccessToken types.String `tfsdk:"access_token"`
	settings.Endpoint
}

// Axim is per store: its base URL has no default.
var endpoint = settings.EndpointSpec{
	Platform:   "Axim",
	EnvBaseURL: EnvBaseURL,
}

// ProviderBlock is the schema of the `axim {}` block.
func ProviderBlock() pschema.SingleNestedBlock {
	return pschema.SingleNestedBlock{
		MarkdownDescription: "AximCommerce settings (one store). Omit the block to configure Axim from the environment alone.",
		Attributes: endpoint.Attributes(map[string]pschema.Attribute{
			"access_token": pschema.StringAttribute{
				MarkdownDescription: "Axim access token, sent in the `accessToken` header. Falls back to `" + EnvAccessToken + "`.",
				Optional:            true,
				Sensitive:           true,
			},
		}),
	}
}

// Configure builds the Axim client from the block (nil when absent) and
// the environment. It returns nil, without error, when Axim is simply not
// configured; resources then explain how to configure it.
func Configure(_ context.Context, cfg *ProviderConfig, base transport.Config, diags *diag.Diagnostics) *Client {
	present := cfg != nil
	if !present {
		cfg = &ProviderConfig{}
	}
	block := path.Root(BlockName)
	endpoint.RequireKnown(diags, block, cfg.Endpoint)
	// Axim is per store: base_url has no default, so it is required.
	values, ok := settings.Resolve(diags, block, present,
		endpoint.BaseURL(cfg.Endpoint), settings.Setting{Name: "access_token", Env: EnvAccessToken, Value: cfg.AccessToken})
	if !ok || diags.HasError() {
		return nil
	}
	endpoint.Apply(values["base_url"], cfg.Endpoint, &base)
	base.Auth = transport.HeaderToken{Header: "accessToken", Token: values["access_token"]}

	client, err := NewClient(base)
	if err != nil {
		diags.AddAttributeError(block.AtName("base_url"), "Invalid Axim base URL", err.Error())
		return nil
	}
	return client
}
