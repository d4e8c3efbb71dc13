package settings

import (
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework-validators/float64validator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	pschema "github.com/hashicorp/terraform-plugin-framework/provider/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/customerops/terraform-provider-crm/internal/transport"
)

// Endpoint is the part of every platform block that says where and how
// fast to call: embed it in the block's config struct.
type Endpoint struct {
	BaseURL           types.String  `tfsdk:"base_url"`
	RequestsPerSecond types.Float64 `tfsdk:"requests_per_second"`
}

// EndpointSpec describes one platform's endpoint settings.
type EndpointSpec struct {
	Platform   string // "Xtrakit"
	DefaultURL string // "" when the platform has no default (a per-store URL)
	EnvBaseURL string // "XTRAKIT_BASE_URL"
}

// Attributes are base_url and requests_per_second, to add to the block.
func (s EndpointSpec) Attributes(into map[string]pschema.Attribute) map[string]pschema.Attribute {
	def := "Required unless `" + s.EnvBaseURL + "` is set."
	if s.DefaultURL != "" {
		def = "Defaults to `" + s.DefaultURL + "`; falls back to `" + s.EnvBaseURL + "`."
	}
	into["base_url"] = pschema.StringAttribute{
		MarkdownDescription: "API base URL. " + def + " Must be `https://`, or `http://` towards a loopback address (such as the local sandbox).",
		Optional:            true,
	}
	into["requests_per_second"] = RequestsPerSecond(s.Platform)
	return into
}

// BaseURL is base_url as a Setting for Resolve (required when the
// platform has no default URL).
func (s EndpointSpec) BaseURL(e Endpoint) Setting {
	return Setting{Name: "base_url", Env: s.EnvBaseURL, Value: e.BaseURL, Default: s.DefaultURL}
}

// RequireKnown reports an unknown requests_per_second.
func (s EndpointSpec) RequireKnown(diags *diag.Diagnostics, block path.Path, e Endpoint) {
	RequireKnown(diags, block.AtName("requests_per_second"), e.RequestsPerSecond, "")
}

// Apply sets the resolved base URL and the shared rate limiter on cfg.
func (s EndpointSpec) Apply(baseURL string, e Endpoint, cfg *transport.Config) {
	cfg.BaseURL = baseURL
	cfg.Limiter = Limiter(e.RequestsPerSecond)
}

// RequestsPerSecond is a platform block's requests_per_second setting.
func RequestsPerSecond(platform string) pschema.Float64Attribute {
	return pschema.Float64Attribute{
		MarkdownDescription: fmt.Sprintf("Optional hard cap on requests per second to %s, shared by every resource of this provider instance. "+
			"Without it there is no fixed cap: requests go out as fast as Terraform's parallelism allows until %s answers 429, "+
			"then the provider slows to the rate %s accepts (honouring `Retry-After` and `RateLimit-*`/`X-RateLimit-*` headers) "+
			"and probes back up, as AWS SDKs' adaptive retry mode does.", platform, platform, platform),
		Optional:   true,
		Validators: []validator.Float64{float64validator.AtLeast(0.1)},
	}
}

// Limiter is the shared limiter, capped at requests_per_second when set.
func Limiter(v types.Float64) *transport.Limiter {
	var rps float64
	if !v.IsNull() && !v.IsUnknown() {
		rps = v.ValueFloat64()
	}
	return transport.NewLimiter(rps)
}
