package razorpay

import (
	"github.com/hashicorp/terraform-plugin-framework/diag"

	"github.com/customerops/terraform-provider-crm/internal/crud"
)

// ClientSource is what the provider hands every resource and data source
// as ProviderData. An interface, so this slice need not import the provider.
type ClientSource interface {
	// RazorpayClient is nil when Razorpay is not configured.
	RazorpayClient() *Client
}

var platformInfo = crud.Platform{
	Name:    "Razorpay",
	Example: "razorpay { key_id = ..., key_secret = ... }",
	EnvHint: "the " + EnvKeyID + " and " + EnvKeySecret + " environment variables (and " + EnvBaseURL + " for a non-default endpoint)",
}

// clientFrom extracts the Razorpay client, or explains how to configure it.
func clientFrom(providerData any, diags *diag.Diagnostics) *Client {
	return crud.ClientFrom(providerData, ClientSource.RazorpayClient, platformInfo, diags)
}
