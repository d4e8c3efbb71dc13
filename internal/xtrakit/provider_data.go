package xtrakit

import (
	"github.com/hashicorp/terraform-plugin-framework/diag"

	"github.com/customerops/terraform-provider-crm/internal/crud"
)

// ClientSource is what the provider hands every resource and data source
// as ProviderData. An interface, so this slice need not import the provider.
type ClientSource interface {
	// XtrakitClient is nil when Xtrakit is not configured.
	XtrakitClient() *Client
}

var platformInfo = crud.Platform{
	Name:    "Xtrakit",
	Example: "xtrakit { api_key = ... }",
	EnvHint: "the " + EnvAPIKey + " environment variable (and " + EnvBaseURL + " for a non-default endpoint)",
}

// clientFrom extracts the Xtrakit client, or explains how to configure it.
func clientFrom(providerData any, diags *diag.Diagnostics) *Client {
	return crud.ClientFrom(providerData, ClientSource.XtrakitClient, platformInfo, diags)
}
