package xtrakit

import (
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/diag"
)

// ClientSource is what the provider hands every resource and data source
// as ProviderData. An interface, so this slice need not import the provider.
type ClientSource interface {
	// XtrakitClient is nil when Xtrakit is not configured.
	XtrakitClient() *Client
}

// clientFrom extracts the Xtrakit client, or explains how to configure it.
// providerData is nil while Terraform validates, before the provider is
// configured: nothing to do then.
func clientFrom(providerData any, diags *diag.Diagnostics) *Client {
	if providerData == nil {
		return nil
	}
	src, ok := providerData.(ClientSource)
	if !ok {
		diags.AddError("Unexpected provider data", fmt.Sprintf("Expected a ClientSource, got %T. This is a bug in the provider.", providerData))
		return nil
	}
	client := src.XtrakitClient()
	if client == nil {
		diags.AddError("Xtrakit is not configured",
			"This configuration uses an Xtrakit resource or data source, but the provider has no Xtrakit credentials. "+
				"Add `xtrakit { api_key = ... }` to the crm provider block, or set the "+EnvAPIKey+" environment variable "+
				"(and "+EnvBaseURL+" for a non-default endpoint).")
	}
	return client
}
