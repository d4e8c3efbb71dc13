package settings

import (
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// Setting is one string setting of a platform block.
type Setting struct {
	Name    string       // attribute in the block: "api_key"
	Env     string       // its environment variable: "XTRAKIT_API_KEY"
	Value   types.String // as configured
	Default string       // "" when the setting is required
}

// Resolve reads a platform block's settings, each from the block, else
// its environment variable, else its default. It returns ok=false, with
// no error, when the platform is simply not used: no block, and no
// required setting given anywhere. When it is used (the block is there,
// or a required setting is given), every required setting must be given:
// each one missing, like each one unknown at plan time, is an error on
// its attribute naming its variable.
func Resolve(diags *diag.Diagnostics, block path.Path, present bool, list ...Setting) (values map[string]string, ok bool) {
	for _, s := range list {
		RequireKnown(diags, block.AtName(s.Name), s.Value, s.Env)
	}
	if diags.HasError() {
		return nil, false
	}
	values = make(map[string]string, len(list))
	wanted := present
	for _, s := range list {
		v := StringSetting(s.Value, s.Env, "")
		wanted = wanted || (v != "" && s.Default == "")
		if v == "" {
			v = s.Default
		}
		values[s.Name] = v
	}
	if !wanted {
		return nil, false
	}
	for _, s := range list {
		if values[s.Name] == "" {
			MissingSetting(diags, block.AtName(s.Name), s.Env)
		}
	}
	return values, !diags.HasError()
}
