// Package provider is the crm provider: its schema, Configure (one API
// client per configured platform) and the registry of resources and data
// sources. Each platform lives in its own package and describes itself in
// one platform.Platform value; platforms.go lists them.
package provider

import (
	"context"
	"fmt"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/function"
	"github.com/hashicorp/terraform-plugin-framework/list"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/provider"
	pschema "github.com/hashicorp/terraform-plugin-framework/provider/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/customerops/terraform-provider-crm/internal/functions"
	"github.com/customerops/terraform-provider-crm/internal/platform"
	"github.com/customerops/terraform-provider-crm/internal/settings"
	"github.com/customerops/terraform-provider-crm/internal/transport"
)

var (
	_ provider.ProviderWithListResources = &crmProvider{}
	_ provider.ProviderWithFunctions     = &crmProvider{}
)

// New returns the provider factory for providerserver.
func New(version string) func() provider.Provider {
	return func() provider.Provider { return &crmProvider{version: version} }
}

type crmProvider struct {
	version string
}

type providerModel struct {
	MaxRetries     types.Int64  `tfsdk:"max_retries"`
	RequestTimeout types.String `tfsdk:"request_timeout"`
}

func (p *crmProvider) Metadata(_ context.Context, _ provider.MetadataRequest, resp *provider.MetadataResponse) {
	resp.TypeName = "crm"
	resp.Version = p.version
}

func (p *crmProvider) Schema(_ context.Context, _ provider.SchemaRequest, resp *provider.SchemaResponse) {
	resp.Schema = pschema.Schema{
		MarkdownDescription: "Manages customer records on commerce and payment platforms. Configure one block per platform you use; " +
			"every setting also has an environment variable.",
		Attributes: map[string]pschema.Attribute{
			"max_retries": pschema.Int64Attribute{
				MarkdownDescription: fmt.Sprintf("How many times a request is retried after HTTP 429, 502, 503, 504 or a connection error "+
					"(creates only when the platform surely did not act on them). Defaults to %d.", transport.DefaultMaxRetries),
				Optional:   true,
				Validators: []validator.Int64{int64validator.Between(0, 20)},
			},
			"request_timeout": pschema.StringAttribute{
				MarkdownDescription: fmt.Sprintf("Time limit of one HTTP attempt, as a Go duration such as `30s` or `2m`. Defaults to `%s`.", transport.DefaultRequestTimeout),
				Optional:            true,
				Validators:          []validator.String{durationValidator{}},
			},
		},
		Blocks: blocks(),
	}
}

func (p *crmProvider) Configure(ctx context.Context, req provider.ConfigureRequest, resp *provider.ConfigureResponse) {
	var cfg providerModel
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("max_retries"), &cfg.MaxRetries)...)
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("request_timeout"), &cfg.RequestTimeout)...)
	if resp.Diagnostics.HasError() {
		return
	}
	base, ok := p.transportDefaults(cfg, req.TerraformVersion, resp)
	if !ok {
		return
	}
	data := platform.Clients{}
	for _, pl := range Platforms {
		client, diags := pl.Configure(ctx, req.Config, base)
		resp.Diagnostics.Append(diags...)
		if client != nil {
			data[pl.Block] = client
		}
	}
	resp.ResourceData = data
	resp.DataSourceData = data
	resp.ListResourceData = data
}

// transportDefaults are the settings every platform's client shares.
func (p *crmProvider) transportDefaults(cfg providerModel, tfVersion string, resp *provider.ConfigureResponse) (transport.Config, bool) {
	base := transport.Config{
		UserAgent:      fmt.Sprintf("terraform-provider-crm/%s (+https://registry.terraform.io/providers/customerops/crm) Terraform/%s", p.version, tfVersion),
		MaxRetries:     transport.DefaultMaxRetries,
		RequestTimeout: transport.DefaultRequestTimeout,
	}
	settings.RequireKnown(&resp.Diagnostics, path.Root("max_retries"), cfg.MaxRetries, "")
	settings.RequireKnown(&resp.Diagnostics, path.Root("request_timeout"), cfg.RequestTimeout, "")
	if resp.Diagnostics.HasError() {
		return base, false
	}
	if !cfg.MaxRetries.IsNull() {
		base.MaxRetries = int(cfg.MaxRetries.ValueInt64())
	}
	if !cfg.RequestTimeout.IsNull() {
		d, err := time.ParseDuration(cfg.RequestTimeout.ValueString())
		if err != nil || d <= 0 {
			resp.Diagnostics.AddAttributeError(path.Root("request_timeout"), "Invalid request_timeout", "Use a positive Go duration such as `30s`.")
			return base, false
		}
		base.RequestTimeout = d
	}
	return base, true
}

func (p *crmProvider) Resources(context.Context) []func() resource.Resource {
	var all []func() resource.Resource
	for _, pl := range Platforms {
		all = append(all, pl.Resources...)
	}
	return all
}

func (p *crmProvider) DataSources(context.Context) []func() datasource.DataSource {
	var all []func() datasource.DataSource
	for _, pl := range Platforms {
		all = append(all, pl.DataSources...)
	}
	return all
}

func (p *crmProvider) ListResources(context.Context) []func() list.ListResource {
	var all []func() list.ListResource
	for _, pl := range Platforms {
		all = append(all, pl.ListResources...)
	}
	return all
}

// Functions are the provider-defined functions (provider::crm::<name>),
// which need no platform and no configuration.
func (p *crmProvider) Functions(context.Context) []func() function.Function {
	return functions.All()
}

// blocks are the platforms' provider blocks.
func blocks() map[string]pschema.Block {
	all := make(map[string]pschema.Block, len(Platforms))
	for _, pl := range Platforms {
		all[pl.Block] = pl.BlockSchema()
	}
	return all
}
