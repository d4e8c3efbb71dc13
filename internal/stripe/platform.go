// Package stripe is the Stripe slice: its API client, provider block,
// customer resource, data sources and list resource.
//
// Its files follow the layout every platform package shares (see
// CONTRIBUTING.md); CONTRACT.md is the API as this code follows it. Stripe
// adds auth.go: the headers every request carries (bearer key, pinned
// Stripe-Version, Stripe-Account). Request bodies are forms (Form, a
// transport.FormBody); a create's or an update's Idempotency-Key is a
// header of that request alone.
package stripe

import (
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	fwlist "github.com/hashicorp/terraform-plugin-framework/list"
	"github.com/hashicorp/terraform-plugin-framework/resource"

	"github.com/customerops/terraform-provider-crm/internal/platform"
	"github.com/customerops/terraform-provider-crm/internal/settings"
	"github.com/customerops/terraform-provider-crm/internal/transport"
)

// Environment variables read when the block leaves a setting out.
const (
	EnvAPIKey  = "STRIPE_API_KEY"
	EnvBaseURL = "STRIPE_BASE_URL"
	EnvAccount = "STRIPE_ACCOUNT"
)

// DefaultBaseURL is Stripe's API; paths start with /v1.
const DefaultBaseURL = "https://api.stripe.com"

var about = platform.About{
	Name:    "Stripe",
	Block:   "stripe",
	Example: "stripe { api_key = ... }",
	Settings: []settings.Setting{
		settings.BaseURL(EnvBaseURL, DefaultBaseURL),
		{Name: "api_key", Env: EnvAPIKey, Sensitive: true,
			Doc: "Stripe secret or restricted key (`sk_...`, `rk_...`), sent as `Authorization: Bearer`. Every request also pins " +
				"`Stripe-Version: " + APIVersion + "`, the API version the provider is built against."},
		{Name: "stripe_account", Env: EnvAccount, Default: NoAccount, Locates: true,
			Doc: "Connect: the connected account (`acct_...`) to act for, sent as the `Stripe-Account` header. " +
				"Defaults to `" + NoAccount + "`: no header, the API key's own account."},
	},
}

// Platform is Stripe as the provider sees it: the `stripe {}` block and
// customers.
var Platform = platform.Platform{
	About:        about,
	Summary:      "Stripe settings.",
	ConnectError: "base_url",
	Connect: platform.Builds(func(values map[string]string, base transport.Config) (*Client, error) {
		base.Auth = shaper{key: values["api_key"], account: values["stripe_account"]}
		return NewClient(base)
	}),
	Resources:     []func() resource.Resource{NewCustomerResource},
	DataSources:   []func() datasource.DataSource{NewCustomerDataSource, NewCustomersDataSource},
	ListResources: []func() fwlist.ListResource{NewCustomerListResource},
}
