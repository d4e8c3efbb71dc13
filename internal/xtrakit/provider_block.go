package xtrakit

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-validators/float64validator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	pschema "github.com/hashicorp/terraform-plugin-framework/provider/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/customerops/terraform-provider-crm/internal/attr"
	"github.com/customerops/terraform-provider-crm/internal/transport"
)

// BlockName is the provider block that configures Xtrakit.
const BlockName = "xtrakit"

// Environment variables read when the block leaves a setting out.
const (
	EnvAPIKey  = "XTRAKIT_API_KEY"
	EnvBaseURL = "XTRAKIT_BASE_URL"
)

// DefaultRequestsPerSecond is the client-side limit when none is set.
const DefaultRequestsPerSecond = 10

// ProviderConfig is the `xtrakit {}` block.
type ProviderConfig struct {
	APIKey            types.String  `tfsdk:"api_key"`
	BaseURL           types.String  `tfsdk:"base_url"`
	RequestsPerSecond types.Float64 `tfsdk:"requests_per_second"`
}

// ProviderBlock is the schema of the `xtrakit {}` block.
func ProviderBlock() pschema.SingleNestedBlock {
	return pschema.SingleNestedBlock{
		MarkdownDescription: "Xtrakit settings. Omit the block to configure Xtrakit from the environment alone.",
		Attributes: map[string]pschema.Attribute{
			"api_key": pschema.StringAttribute{
				MarkdownDescription: "Xtrakit API key, sent as `Authorization: Bearer <key>`. Falls back to `" + EnvAPIKey + "`.",
				Optional:            true,
				Sensitive:           true,
			},
			"base_url": pschema.StringAttribute{
				MarkdownDescription: "API base URL. Defaults to `" + DefaultBaseURL + "`; falls back to `" + EnvBaseURL +
					"`. Must be `https://`, or `http://` towards a loopback address (such as the local sandbox).",
				Optional: true,
			},
			"requests_per_second": pschema.Float64Attribute{
				MarkdownDescription: "Client-side limit on requests per second to Xtrakit, shared by every resource of this provider instance. Defaults to 10.",
				Optional:            true,
				Validators:          []validator.Float64{float64validator.AtLeast(0.1)},
			},
		},
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
	attr.RequireKnown(diags, block.AtName("api_key"), cfg.APIKey, EnvAPIKey)
	attr.RequireKnown(diags, block.AtName("base_url"), cfg.BaseURL, EnvBaseURL)
	attr.RequireKnown(diags, block.AtName("requests_per_second"), cfg.RequestsPerSecond, "")
	if diags.HasError() {
		return nil
	}

	apiKey := attr.StringSetting(cfg.APIKey, EnvAPIKey, "")
	if apiKey == "" {
		if present {
			// The block is there, so Xtrakit is wanted: say what is missing.
			attr.MissingSetting(diags, block.AtName("api_key"), EnvAPIKey)
		}
		return nil
	}

	base.BaseURL = attr.StringSetting(cfg.BaseURL, EnvBaseURL, DefaultBaseURL)
	base.Auth = transport.BearerToken(apiKey)
	rps := float64(DefaultRequestsPerSecond)
	if !cfg.RequestsPerSecond.IsNull() {
		rps = cfg.RequestsPerSecond.ValueFloat64()
	}
	base.Limiter = transport.NewLimiter(rps)

	client, err := NewClient(base)
	if err != nil {
		diags.AddAttributeError(block.AtName("base_url"), "Invalid Xtrakit base URL", err.Error())
		return nil
	}
	return client
}
