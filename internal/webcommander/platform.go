// Package webcommander is the WebCommander slice: its OAuth 2.0 client,
// provider block, customer resource and data sources.
//
// Its files follow the layout every platform package shares (see
// CONTRIBUTING.md); CONTRACT.md is the API as this code follows it.
package webcommander

import (
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/list"
	"github.com/hashicorp/terraform-plugin-framework/resource"

	"github.com/customerops/terraform-provider-crm/internal/platform"
	"github.com/customerops/terraform-provider-crm/internal/settings"
	"github.com/customerops/terraform-provider-crm/internal/transport"
)

var about = platform.About{
	Name:    "WebCommander",
	Block:   "webcommander",
	Example: "webcommander { store_url = ..., client_id = ..., client_secret = ..., username = ..., password = ..., redirect_uri = ... }",
	Settings: []settings.Setting{
		{Name: "store_url", Env: "WEBCOMMANDER_STORE_URL", Locates: true, Doc: "The store's URL, such as `https://store.example.com` " +
			"(the API is under `/api/v4`). Required: WebCommander is per store. Must be `https://`, or `http://` towards a loopback address."},
		{Name: "client_id", Env: "WEBCOMMANDER_CLIENT_ID", Doc: "OAuth client id."},
		{Name: "client_secret", Env: "WEBCOMMANDER_CLIENT_SECRET", Sensitive: true, Doc: "OAuth client secret."},
		{Name: "username", Env: "WEBCOMMANDER_USERNAME", Doc: "Administrator user name, sent base64-encoded in `auth_string`."},
		{Name: "password", Env: "WEBCOMMANDER_PASSWORD", Sensitive: true, Doc: "Administrator password, sent base64-encoded in `auth_string`."},
		{Name: "redirect_uri", Env: "WEBCOMMANDER_REDIRECT_URI", Doc: "The OAuth client's redirect URI."},
	},
}

// Platform is WebCommander as the provider sees it: the `webcommander {}`
// block (one store, OAuth 2.0) and customers.
var Platform = platform.Platform{
	About:        about,
	Summary:      "WebCommander settings (one store; OAuth 2.0).",
	ConnectError: "store_url",
	Connect: platform.Builds(func(values map[string]string, base transport.Config) (*Client, error) {
		base.BaseURL = strings.TrimRight(values["store_url"], "/") + "/api/v4"
		return NewClient(base, Credentials{
			ClientID: values["client_id"], ClientSecret: values["client_secret"], Username: values["username"],
			Password: values["password"], RedirectURI: values["redirect_uri"],
		})
	}),
	Resources:     []func() resource.Resource{NewCustomerResource},
	DataSources:   []func() datasource.DataSource{NewCustomerDataSource, NewCustomersDataSource},
	ListResources: []func() list.ListResource{NewCustomerListResource},
}
