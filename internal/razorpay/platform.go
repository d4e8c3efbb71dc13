// Package razorpay is the Razorpay slice: its API client, provider block,
// the crm_razorpay_customer resource and its data sources.
//
// Razorpay differs from the other platforms in ways the code below keeps
// visible: an unknown id answers 400 (not 404), customers cannot be
// deleted, email + contact is a unique key, and empty notes come back as [].
//
// Its files follow the layout every platform package shares (see
// CONTRIBUTING.md); CONTRACT.md is the API as this code follows it.
package razorpay

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
	EnvKeyID     = "RAZORPAY_KEY_ID"
	EnvKeySecret = "RAZORPAY_KEY_SECRET"
	EnvBaseURL   = "RAZORPAY_BASE_URL"
)

var about = platform.About{
	Name:    "Razorpay",
	Block:   "razorpay",
	Example: "razorpay { key_id = ..., key_secret = ... }",
	Settings: []settings.Setting{
		{Name: "key_id", Env: EnvKeyID, Doc: "Razorpay API key id (`rzp_live_...` or `rzp_test_...`), the user of HTTP Basic auth."},
		{Name: "key_secret", Env: EnvKeySecret, Sensitive: true, Doc: "Razorpay API key secret, the password of HTTP Basic auth. Masked in logs."},
		settings.BaseURL(EnvBaseURL, DefaultBaseURL),
	},
}

// Platform is Razorpay as the provider sees it: the `razorpay {}` block
// and customers.
var Platform = platform.Platform{
	About:        about,
	Summary:      "Razorpay settings.",
	ConnectError: "base_url",
	Connect: platform.Builds(func(values map[string]string, base transport.Config) (*Client, error) {
		base.Auth = transport.BasicAuth{Username: values["key_id"], Password: values["key_secret"]}
		return NewClient(base)
	}),
	Resources:     []func() resource.Resource{NewCustomerResource},
	DataSources:   []func() datasource.DataSource{NewCustomerDataSource, NewCustomersDataSource},
	ListResources: []func() list.ListResource{NewCustomerListResource},
}
