package settings

import (
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework-validators/float64validator"
	pschema "github.com/hashicorp/terraform-plugin-framework/provider/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/customerops/terraform-provider-crm/internal/transport"
)

// BaseURL is a platform's base_url setting; def is "" for a platform
// without a default (one URL per store), which makes it required.
func BaseURL(env, def string) Setting {
	doc := "API base URL of the store. Required: each store has its own."
	if def != "" {
		doc = "API base URL. Defaults to `" + def + "`."
	}
	return Setting{
		Name: "base_url", Env: env, Default: def, Locates: true,
		Doc: doc + " Must be `https://`, or `http://` towards a loopback address (such as the local sandbox).",
	}
}

// Attributes is the schema of a platform block with these settings, plus
// requests_per_second.
func Attributes(platform string, list []Setting) map[string]pschema.Attribute {
	attrs := map[string]pschema.Attribute{"requests_per_second": RequestsPerSecond(platform)}
	for _, s := range list {
		attrs[s.Name] = pschema.StringAttribute{
			MarkdownDescription: s.Doc + " Falls back to `" + s.Env + "`.",
			Optional:            true,
			Sensitive:           s.Sensitive,
		}
	}
	return attrs
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
