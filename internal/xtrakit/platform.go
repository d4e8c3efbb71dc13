// Package xtrakit is the Xtrakit slice: its API client, provider block,
// resources and data sources for customers and customer groups.
//
// Its files follow the layout every platform package shares (see
// CONTRIBUTING.md); CONTRACT.md is the API as this code follows it.
package xtrakit

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
	EnvAPIKey  = "XTRAKIT_API_KEY"
	EnvBaseURL = "XTRAKIT_BASE_URL"
)

var about = platform.About{
	Name:    "Xtrakit",
	Block:   "xtrakit",
	Example: "xtrakit { api_key = ... }",
	Settings: []settings.Setting{
		{Name: "api_key", Env: EnvAPIKey, Sensitive: true, Doc: "Xtrakit API key, sent as `Authorization: Bearer <key>`."},
		settings.BaseURL(EnvBaseURL, DefaultBaseURL),
	},
}

// Platform is Xtrakit as the provider sees it: the `xtrakit {}` block,
// customers and customer groups.
var Platform = platform.Platform{
	About:        about,
	Summary:      "Xtrakit settings.",
	ConnectError: "base_url",
	Connect: platform.Builds(func(values map[string]string, base transport.Config) (*Client, error) {
		base.Auth = transport.BearerToken(values["api_key"])
		return NewClient(base)
	}),
	Resources: []func() resource.Resource{NewCustomerGroupResource, NewCustomerResource},
	DataSources: []func() datasource.DataSource{
		NewCustomerDataSource, NewCustomerGroupDataSource, NewCustomersDataSource,
	},
	ListResources: []func() list.ListResource{NewCustomerGroupListResource, NewCustomerListResource},
}
