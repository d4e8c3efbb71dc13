package axim

import (
	"github.com/hashicorp/terraform-plugin-framework/diag"

	"github.com/customerops/terraform-provider-crm/internal/crud"
)

// ClientSource is what the provider hands every resource and data source
// as ProviderData. An interface, so this slice need not import the provider.
type ClientSource interface {
	// AximClient is nil when Axim is not configured.
	AximClient() *Client
}

var platformInfo = crud.Platform{
	Name:    "Axim",
	Example: "axim { base_url = ..., access_token = ... }",
	EnvHint: "the " + EnvBaseURL + " and " + EnvAccessToken + " environment variables",
}

// clientFrom extracts the Axim client, or explains how to configure it.
func clientFrom(providerData any, diags *diag.Diagnostics) *Client {
	return crud.ClientFrom(providerData, ClientSource.AximClient, platformInfo, diags)
}
