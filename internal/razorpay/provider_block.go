package razorpay

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	pschema "github.com/hashicorp/terraform-plugin-framework/provider/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/customerops/terraform-provider-crm/internal/settings"
	"github.com/customerops/terraform-provider-crm/internal/transport"
)

// BlockName is the provider block that configures Razorpay.
const BlockName = "razorpay"

// Environment variables read when the block leaves a setting out.
const (
	EnvKeyID     = "RAZORPAY_KEY_ID"
	EnvKeySecret = "RAZORPAY_KEY_SECRET"
	EnvBaseURL   = "RAZORPAY_BASE_URL"
)

// ProviderConfig is the `razorpay {}` block.
type ProviderConfig struct {
	KeyID     types.String `tfsdk:"key_id"`
	KeySecret types.String `tfsdk:"key_secret"`
	settings.Endpoint
}

var endpoint = settings.EndpointSpec{
	Platform:   "Razorpay",
	DefaultURL: DefaultBaseURL,
	EnvBaseURL: EnvBaseURL,
}

// ProviderBlock is the schema of the `razorpay {}` block.
func ProviderBlock() pschema.SingleNestedBlock {
	return pschema.SingleNestedBlock{
		MarkdownDescription: "Razorpay settings. Omit the block to configure Razorpay from the environment alone.",
		Attributes: endpoint.Attributes(map[string]pschema.Attribute{
			"key_id": pschema.StringAttribute{
				MarkdownDescription: "Razorpay API key id (`rzp_live_...` or `rzp_test_...`), the user of HTTP Basic auth. Falls back to `" + EnvKeyID + "`.",
				Optional:            true,
			},
			"key_secret": pschema.StringAttribute{
				MarkdownDescription: "Razorpay API key secret, the password of HTTP Basic auth. Masked in logs. Falls back to `" + EnvKeySecret + "`.",
				Optional:            true,
				Sensitive:           true,
			},
		}),
	}
}

// Configure builds the Razorpay client from the block (nil when absent) and
// the environment. It returns nil, without error, when Razorpay is simply
// not configured; resources then explain how to configure it.
func Configure(_ context.Context, cfg *ProviderConfig, base transport.Config, diags *diag.Diagnostics) *Client {
	present := cfg != nil
	if !present {
		cfg = &ProviderConfig{}
	}
	block := path.Root(BlockName)
	endpoint.RequireKnown(diags, block, cfg.Endpoint)
	values, ok := settings.Resolve(diags, block, present,
		settings.Setting{Name: "key_id", Env: EnvKeyID, Value: cfg.KeyID},
		settings.Setting{Name: "key_secret", Env: EnvKeySecret, Value: cfg.KeySecret},
		endpoint.BaseURL(cfg.Endpoint))
	if !ok || diags.HasError() {
		return nil
	}
	endpoint.Apply(values["base_url"], cfg.Endpoint, &base)
	base.Auth = transport.BasicAuth{Username: values["key_id"], Password: values["key_secret"]}

	client, err := NewClient(base)
	if err != nil {
		diags.AddAttributeError(block.AtName("base_url"), "Invalid Razorpay base URL", err.Error())
		return nil
	}
	return client
}
