package webcommander

import (
	"github.com/hashicorp/terraform-plugin-framework/diag"

	"github.com/customerops/terraform-provider-crm/internal/crud"
)

// ClientSource is what the provider hands every resource and data source
// as ProviderData. An interface, so this slice need not import the provider.
type ClientSource interface {
	// WebCommanderClient is nil when WebCommander is not configured.
	WebCommanderClient() *Client
}

var platformInfo = crud.Platform{
	Name:    "WebCommander",
	Example: "webcommander { store_url = ..., client_id = ..., client_secret = ..., username = ..., password = ..., redirect_uri = ... }",
	EnvHint: "the WEBCOMMANDER_STORE_URL, WEBCOMMANDER_CLIENT_ID, WEBCOMMANDER_CLIENT_SECRET, WEBCOMMANDER_USERNAME, " +
		"WEBCOMMANDER_PASSWORD and WEBCOMMANDER_REDIRECT_URI environment variables",
}

// clientFrom extracts the WebCommander client, or explains how to configure it.
func clientFrom(providerData any, diags *diag.Diagnostics) *Client {
	return crud.ClientFrom(providerData, ClientSource.WebCommanderClient, platformInfo, diags)
}
