// Package platform is how a platform describes itself to the provider: one
// Platform value per platform package (its provider block, settings and
// environment variables, the client it builds, its resources and data
// sources, list resources). The provider iterates over a list of them, so a new platform
// is its own package plus one line in that list.
package platform

import (
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/list"
	"github.com/hashicorp/terraform-plugin-framework/resource"

	"github.com/customerops/terraform-provider-crm/internal/settings"
)

// Platform is everything the provider needs to know about one platform.
type Platform struct {
	About
	// Summary is a sentence for the block's documentation: what it
	// configures ("Xtrakit settings.").
	Summary string
	// Connect builds the platform's API client from the resolved settings
	// (by name) and the transport settings every platform shares.
	Connect Connect
	// ConnectError names the setting blamed when Connect fails, such as
	// "base_url" (an invalid URL is the usual cause).
	ConnectError string

	Resources   []func() resource.Resource
	DataSources []func() datasource.DataSource
	// ListResources are what `terraform query` and `generate` list: one
	// per managed resource type, under the resource's name.
	ListResources []func() list.ListResource
}

// About names a platform in messages: kept apart from Platform so that a
// package's resources can refer to it without an initialisation cycle.
type About struct {
	Name  string // "Xtrakit": in messages and docs
	Block string // "xtrakit": its provider block
	// Example is the block as a user would add it, for "not configured"
	// errors: "xtrakit { api_key = ... }".
	Example string
	// Settings are the block's string settings, each with its variable.
	Settings []settings.Setting
}
