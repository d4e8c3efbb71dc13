package razorpay

import (
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/diag"
)

// ClientSource is what the provider hands every resource and data source
// as ProviderData. An interface, so this slice need not import the provider.
type ClientSource interface {
	// RazorpayClient is nil when Razorpay is not configured.
	RazorpayClient() *Client
}

// clientFrom extracts the Razorpay client, or explains how to configure it.
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
	client := src.RazorpayClient()
	if client == nil {
		diags.AddError("Razorpay is not configured",
			"This configuration uses a Razorpay resource or data source, but the provider has no Razorpay credentials. "+
				"Add `razorpay { key_id = ..., key_secret = ... }` to the crm provider block, or set the "+EnvKeyID+" and "+
				EnvKeySecret+" environment variables (and "+EnvBaseURL+" for a non-default endpoint).")
	}
	return client
}
