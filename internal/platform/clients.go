package platform

import (
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"
)

// Clients is the provider data every resource and data source receives:
// each configured platform's client by block name (absent when the
// platform is not configured).
type Clients map[string]any

// ClientFrom extracts a's client from the provider data, or explains how
// to configure the platform.
func ClientFrom[C any](providerData any, a About, diags *diag.Diagnostics) *C {
	clients, ok := providerData.(Clients)
	if !ok {
		diags.AddError("Unexpected provider data",
			fmt.Sprintf("Expected the provider's clients, got %T. This is a bug in the provider.", providerData))
		return nil
	}
	raw, found := clients[a.Block]
	if !found || raw == nil {
		diags.AddError(a.Name+" is not configured",
			fmt.Sprintf("This configuration uses a %s resource or data source, but the provider has no %s credentials. "+
				"Add `%s` to the crm provider block, or set %s.", a.Name, a.Name, a.Example, a.envHint()))
		return nil
	}
	client, ok := raw.(*C)
	if !ok {
		diags.AddError("Unexpected provider data",
			fmt.Sprintf("Expected a %s client, got %T. This is a bug in the provider.", a.Name, raw))
		return nil
	}
	return client
}

// envHint names the platform's variables: "the A and B environment
// variables (C is optional)".
func (a About) envHint() string {
	var required, optional []string
	for _, s := range a.Settings {
		if s.Default == "" {
			required = append(required, s.Env)
		} else {
			optional = append(optional, s.Env)
		}
	}
	hint := "the " + joinAnd(required) + " environment variable"
	if len(required) > 1 {
		hint += "s"
	}
	if len(optional) > 0 {
		hint += " (" + joinAnd(optional) + " optional)"
	}
	return hint
}

func joinAnd(list []string) string {
	if len(list) < 2 {
		return strings.Join(list, "")
	}
	return strings.Join(list[:len(list)-1], ", ") + " and " + list[len(list)-1]
}

// Bind is the Bind of a resource or data source spec (crud): it extracts
// a's client from the provider data and hands it to use, or reports how to
// configure the platform and returns T's zero value (nil ops or lookups).
func Bind[C, T any](a About, use func(*C) T) func(providerData any, diags *diag.Diagnostics) T {
	return func(providerData any, diags *diag.Diagnostics) T {
		c := ClientFrom[C](providerData, a, diags)
		if c == nil {
			var none T
			return none
		}
		return use(c)
	}
}
