package fields

import (
	"context"
	"fmt"
	"strings"
	"unicode"

	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
)

// Real APIs normalise where their docs are silent: they trim blanks, store
// e-mails in lower case, GSTINs in upper case. A value written any other way
// would come back changed; semantic equality hides that on refresh and
// apply, but not in the first plan after an import, where the state holds
// the platform's spelling and the configuration the user's. So the
// provider asks for the spelling the platform keeps, at plan time.

// Trimmed refuses a value that starts or ends with white space.
func Trimmed() validator.String {
	return canonical{
		rule: "must not start or end with spaces, tabs or line breaks (platforms trim them, so the value would " +
			"come back changed); remove them, or wrap the value in trimspace()",
		ok: func(s string) bool { return strings.TrimFunc(s, unicode.IsSpace) == s },
	}
}

// LowerCase refuses a value with upper-case letters (e-mail addresses).
func LowerCase() validator.String {
	return canonical{
		rule: "must be written in lower case (platforms store e-mail addresses in lower case, so another spelling " +
			"would show as a change after an import); use lower()",
		ok: func(s string) bool { return strings.ToLower(s) == s },
	}
}

// UpperCase refuses a value with lower-case letters (GSTINs).
func UpperCase() validator.String {
	return canonical{
		rule: "must be written in upper case, as issued (the platform stores it in upper case, so another spelling " +
			"would show as a change after an import); use upper()",
		ok: func(s string) bool { return strings.ToUpper(s) == s },
	}
}

type canonical struct {
	rule string
	ok   func(string) bool
}

func (c canonical) Description(context.Context) string             { return c.rule }
func (c canonical) MarkdownDescription(ctx context.Context) string { return c.Description(ctx) }

func (c canonical) ValidateString(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	if s := req.ConfigValue.ValueString(); !c.ok(s) {
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid Attribute Value",
			fmt.Sprintf("Attribute %s %s, got: %q", req.Path, c.rule, s))
	}
}
