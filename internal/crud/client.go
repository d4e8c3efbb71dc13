package crud

import (
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/diag"
)

// Platform names a platform in "not configured" errors.
type Platform struct {
	Name    string // "Xtrakit"
	Example string // "xtrakit { api_key = ... }"
	EnvHint string // "the XTRAKIT_API_KEY environment variable (and XTRAKIT_BASE_URL for ...)"
}

// ClientFrom extracts a platform's client from the provider data with pick
// (a method expression of the platform's ClientSource interface, so slices
// need not import the provider), or explains how to configure the platform.
func ClientFrom[S any, C any](providerData any, pick func(S) *C, p Platform, diags *diag.Diagnostics) *C {
	src, ok := providerData.(S)
	if !ok {
		diags.AddError("Unexpected provider data",
			fmt.Sprintf("Expected a %s client source, got %T. This is a bug in the provider.", p.Name, providerData))
		return nil
	}
	client := pick(src)
	if client == nil {
		diags.AddError(p.Name+" is not configured",
			fmt.Sprintf("This configuration uses a %s resource or data source, but the provider has no %s credentials. "+
				"Add `%s` to the crm provider block, or set %s.", p.Name, p.Name, p.Example, p.EnvHint))
	}
	return client
}
