package platform

import (
	"context"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	pschema "github.com/hashicorp/terraform-plugin-framework/provider/schema"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/customerops/terraform-provider-crm/internal/settings"
	"github.com/customerops/terraform-provider-crm/internal/transport"
)

// Connect builds a platform's API client from its resolved settings (by
// name) and the transport settings every platform shares (retries,
// timeouts, user agent; the base URL and limiter already set).
type Connect func(values map[string]string, base transport.Config) (client any, err error)

// Builds adapts a typed client constructor to Connect, so that a failed
// constructor's nil *C never reaches the provider as a non-nil any.
func Builds[C any](build func(values map[string]string, base transport.Config) (*C, error)) Connect {
	return func(values map[string]string, base transport.Config) (any, error) {
		c, err := build(values, base)
		if err != nil || c == nil {
			return nil, err
		}
		return c, nil
	}
}

// BlockSchema is the platform's provider block: its settings, each
// falling back to its variable, and requests_per_second.
func (p Platform) BlockSchema() pschema.SingleNestedBlock {
	return pschema.SingleNestedBlock{
		MarkdownDescription: p.Summary + " Omit the block to configure " + p.Name + " from the environment alone.",
		Attributes:          settings.Attributes(p.Name, p.Settings),
	}
}

// Configure reads the platform's block from the provider configuration,
// resolves its settings with the environment and builds its client. It
// returns nil, with no error, when the platform is not used; resources
// then explain how to configure it. The diagnostics are this block's own.
func (p Platform) Configure(ctx context.Context, config tfsdk.Config, base transport.Config) (any, diag.Diagnostics) {
	block := path.Root(p.Block)
	var obj types.Object
	diags := config.GetAttribute(ctx, block, &obj)
	if diags.HasError() {
		return nil, diags
	}
	attrs := obj.Attributes()
	list := make([]settings.Setting, len(p.Settings))
	for i, s := range p.Settings {
		s.Value = types.StringNull()
		if v, ok := attrs[s.Name].(types.String); ok {
			s.Value = v
		}
		list[i] = s
	}
	rps := types.Float64Null()
	if v, ok := attrs["requests_per_second"].(types.Float64); ok {
		rps = v
	}
	settings.RequireKnown(&diags, block.AtName("requests_per_second"), rps, "")

	values, ok, d := settings.Resolve(block, !obj.IsNull(), list...)
	diags.Append(d...)
	if !ok || diags.HasError() {
		return nil, diags
	}
	base.BaseURL = values["base_url"]
	base.Limiter = settings.Limiter(rps)
	client, err := p.Connect(values, base)
	if err != nil {
		diags.AddAttributeError(block.AtName(p.ConnectError), "Invalid "+p.Name+" "+spoken(p.ConnectError), err.Error())
		return nil, diags
	}
	return client, diags
}

// spoken is a setting's name as a sentence says it: "base_url" is "base URL".
func spoken(name string) string {
	return strings.Replace(strings.ReplaceAll(name, "_", " "), "url", "URL", 1)
}
