// Package provider is the crm provider: its schema, Configure (one API
// client per configured platform) and the registry of resources and data
// sources. Each platform lives in its own package and slots in here.
package provider

import (
	"context"
	"fmt"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/provider"
	pschema "github.com/hashicorp/terraform-plugin-framework/provider/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/customerops/terraform-provider-crm/internal/axim"
	"github.com/customerops/terraform-provider-crm/internal/razorpay"
	"github.com/customerops/terraform-provider-crm/internal/settings"
	"github.com/customerops/terraform-provider-crm/internal/transport"
	"github.com/customerops/terraform-provider-crm/internal/webcommander"
	"github.com/customerops/terraform-provider-crm/internal/xtrakit"
)

var _ provider.Provider = &crmProvider{}

// New returns the provider factory for providerserver.
func New(version string) func() provider.Provider {
	return func() provider.Provider { return &crmProvider{version: version} }
}

type crmProvider struct {
	version string
}

type providerModel struct {
	MaxRetries     types.Int64                  `tfsdk:"max_retries"`
	RequestTimeout types.String                 `tfsdk:"request_timeout"`
	Xtrakit        *xtrakit.ProviderConfig      `tfsdk:"xtrakit"`
	Razorpay       *razorpay.ProviderConfig     `tfsdk:"razorpay"`
	Axim           *axim.ProviderConfig         `tfsdk:"axim"`
	WebCommander   *webcommander.ProviderConfig `tfsdk:"webcommander"`
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
		Blocks: map[string]pschema.Block{
			xtrakit.BlockName:      xtrakit.ProviderBlock(),
			razorpay.BlockName:     razorpay.ProviderBlock(),
			axim.BlockName:         axim.ProviderBlock(),
			webcommander.BlockName: webcommander.ProviderBlock(),
		},
	}
}

func (p *crmProvider) Configure(ctx context.Context, req provider.ConfigureRequest, resp *provider.ConfigureResponse) {
	var cfg providerModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &cfg)...)
	if resp.Diagnostics.HasError() {
		return
	}
	base, ok := p.transportDefaults(cfg, req.TerraformVersion, resp)
	if !ok {
		return
	}
	data := &providerData{
		xtrakit:      xtrakit.Configure(ctx, cfg.Xtrakit, base, &resp.Diagnostics),
		razorpay:     razorpay.Configure(ctx, cfg.Razorpay, base, &resp.Diagnostics),
		axim:         axim.Configure(ctx, cfg.Axim, base, &resp.Diagnostics),
		webcommander: webcommander.Configure(ctx, cfg.WebCommander, base, &resp.Diagnostics),
	}
	resp.ResourceData = data
	resp.DataSourceData = data
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
	return []func() resource.Resource{
		xtrakit.NewCustomerGroupResource,
		xtrakit.NewCustomerResource,
		razorpay.NewCustomerResource,
		axim.NewCustomerResource,
		webcommander.NewCustomerResource,
	}
}

func (p *crmProvider) DataSources(context.Context) []func() datasource.DataSource {
	return []func() datasource.DataSource{
		xtrakit.NewCustomerDataSource,
		xtrakit.NewCustomerGroupDataSource,
		xtrakit.NewCustomersDataSource,
		razorpay.NewCustomerDataSource,
		razorpay.NewCustomersDataSource,
		axim.NewCustomerDataSource,
		axim.NewCustomersDataSource,
		webcommander.NewCustomerDataSource,
		webcommander.NewCustomersDataSource,
	}
}

// providerData is handed to every resource and data source; each platform
// reads its own client through its ClientSource interface.
type providerData struct {
	xtrakit      *xtrakit.Client
	razorpay     *razorpay.Client
	axim         *axim.Client
	webcommander *webcommander.Client
}

func (d *providerData) XtrakitClient() *xtrakit.Client           { return d.xtrakit }
func (d *providerData) RazorpayClient() *razorpay.Client         { return d.razorpay }
func (d *providerData) AximClient() *axim.Client                 { return d.axim }
func (d *providerData) WebCommanderClient() *webcommander.Client { return d.webcommander }
