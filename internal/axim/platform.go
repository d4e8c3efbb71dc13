// Package axim is the AximCommerce slice: its API client, provider block,
// customer resource and data sources.
//
// Its files follow the layout every platform package shares (see
// CONTRIBUTING.md); CONTRACT.md is the API as this code follows it.
package axim

import (
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/list"
	"github.com/hashicorp/terraform-plugin-framework/resource"

	"github.com/customerops/terraform-provider-crm/internal/platform"
	"github.com/customerops/terraform-provider-crm/internal/settings"
	"github.com/customerops/terraform-provider-crm/internal/transport"
)

// Environment variables read when the block leaves a setting out.
const (
	EnvAccessToken = "AXIM_ACCESS_TOKEN"
	EnvBaseURL     = "AXIM_BASE_URL"
)

var about = platform.About{
	Name:    "Axim",
	Block:   "axim",
	Example: "axim { base_url = ..., access_token = ... }",
	Settings: []settings.Setting{
		// Axim is per store: base_url has no default, so it is required.
		settings.BaseURL(EnvBaseURL, ""),
		{Name: "access_token", Env: EnvAccessToken, Sensitive: true, Doc: "Axim access token, sent in the `accessToken` header."},
	},
}

// Platform is AximCommerce as the provider sees it: the `axim {}` block
// (one store) and customers.
var Platform = platform.Platform{
	About:        about,
	Summary:      "AximCommerce settings (one store).",
	ConnectError: "base_url",
	Connect: platform.Builds(func(values map[string]string, base transport.Config) (*Client, error) {
		base.Auth = transport.HeaderToken{Header: "accessToken", Token: values["access_token"]}
		return NewClient(base)
	}),
	Resources:     []func() resource.Resource{NewCustomerResource},
	DataSources:   []func() datasource.DataSource{NewCustomerDataSource, NewCustomersDataSource},
	ListResources: []func() list.ListResource{NewCustomerListResource},
}
