package settings

import (
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// Setting is one string setting of a platform block.
type Setting struct {
	Name      string // attribute in the block: "api_key"
	Env       string // its environment variable: "XTRAKIT_API_KEY"
	Doc       string // its documentation, without the variable (added)
	Sensitive bool   // a credential: hidden in plans, masked in logs
	Default   string // "" when the setting is required
	// Locates marks a setting that says where the platform is, not who
	// the user is (a base URL). Given alone, in the environment, it does
	// not mark the platform as used: a shell that exports AXIM_BASE_URL
	// for another tool must not fail every plan that never uses Axim.
	Locates bool

	Value types.String // as configured, filled in by the caller of Resolve
}

// Resolve reads a platform block's settings, each from the block, else
// its environment variable, else its default. It returns ok=false, with
// no error, when the platform is simply not used: no block, and no
// required credential given anywhere. When it is used (the block is
// there, or a required setting that is not a Locates one is given), every
// required setting must be given: each one missing, like each one unknown
// at plan time, is an error on its attribute naming its variable. The
// errors are this block's alone, so one bad block never hides another's.
func Resolve(block path.Path, present bool, list ...Setting) (values map[string]string, ok bool, diags diag.Diagnostics) {
	for _, s := range list {
		RequireKnown(&diags, block.AtName(s.Name), s.Value, s.Env)
	}
	if diags.HasError() {
		return nil, false, diags
	}
	values = make(map[string]string, len(list))
	wanted := present
	for _, s := range list {
		v := StringSetting(s.Value, s.Env, "")
		wanted = wanted || (v != "" && s.Default == "" && !s.Locates)
		if v == "" {
			v = s.Default
		}
		values[s.Name] = v
	}
	if !wanted {
		return nil, false, diags
	}
	for _, s := range list {
		if values[s.Name] == "" {
			MissingSetting(&diags, block.AtName(s.Name), s.Env)
		}
	}
	return values, !diags.HasError(), diags
}
