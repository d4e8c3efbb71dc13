// Package settings declares the settings of a platform's provider block and
// resolves them: each from the block, else its environment variable, else
// its default, with the errors a user needs (unknown at plan time, missing,
// naming the attribute and the variable). It also builds the block's schema
// and the optional requests_per_second cap.
package settings

import (
	"fmt"
	"os"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// StringSetting resolves a provider setting: the configured value, else the
// environment variable env, else def.
func StringSetting(v types.String, env, def string) string {
	if !v.IsNull() && !v.IsUnknown() {
		return v.ValueString()
	}
	if env != "" {
		if s := os.Getenv(env); s != "" {
			return s
		}
	}
	return def
}

// RequireKnown adds an attribute error when a provider setting is unknown at
// configure time (it depends on a resource not yet created), naming the
// attribute and its environment variable.
func RequireKnown(diags *diag.Diagnostics, p path.Path, v attr.Value, env string) {
	if !v.IsUnknown() {
		return
	}
	detail := fmt.Sprintf("The provider cannot create its API client because %s is unknown until apply. "+
		"Set it to a value known at plan time", p)
	if env != "" {
		detail += fmt.Sprintf(", or use the %s environment variable", env)
	}
	diags.AddAttributeError(p, "Unknown "+p.String(), detail+".")
}

// MissingSetting adds an attribute error for a required setting that is
// neither configured nor in the environment.
func MissingSetting(diags *diag.Diagnostics, p path.Path, env string) {
	diags.AddAttributeError(p, "Missing "+p.String(),
		fmt.Sprintf("Set %s in the provider configuration or the %s environment variable. "+
			"If either is already set, make sure the value is not empty.", p, env))
}
