package fields

import (
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/types"
)

// OptionalString maps an optional API string to state. The APIs answer
// null or "" for "not set"; which one the user wrote (omitted, or "") is
// kept from prior so neither spelling shows a diff.
func OptionalString(api *string, prior types.String) types.String {
	if api == nil || *api == "" {
		if !prior.IsNull() && !prior.IsUnknown() && prior.ValueString() == "" {
			return types.StringValue("")
		}
		return types.StringNull()
	}
	return types.StringValue(*api)
}

// OptionalEmail is OptionalString for EmailType attributes.
func OptionalEmail(api *string, prior Email) Email {
	s := OptionalString(api, prior.StringValue)
	if s.IsNull() {
		return EmailNull()
	}
	return EmailValue(s.ValueString())
}

// OptionalText is OptionalString for TextType attributes. A prior value of
// only blanks is kept when the API answers none: a platform that trims
// stores it as empty, and that is the same text.
func OptionalText(api *string, prior Text) Text {
	if api == nil || *api == "" {
		if !prior.IsNull() && !prior.IsUnknown() && strings.TrimSpace(prior.ValueString()) == "" {
			return prior
		}
		return TextNull()
	}
	return TextValue(*api)
}

// OptionalCode is OptionalText for CodeType attributes.
func OptionalCode(api *string, prior Code) Code {
	if api == nil || *api == "" {
		if !prior.IsNull() && !prior.IsUnknown() && strings.TrimSpace(prior.ValueString()) == "" {
			return prior
		}
		return CodeNull()
	}
	return CodeValue(*api)
}

// StringPointer is the request side: null and unknown are not sent.
func StringPointer(v interface {
	IsNull() bool
	IsUnknown() bool
	ValueString() string
}) *string {
	if v.IsNull() || v.IsUnknown() {
		return nil
	}
	s := v.ValueString()
	return &s
}

// Int64Pointer is StringPointer for integers.
func Int64Pointer(v types.Int64) *int64 {
	if v.IsNull() || v.IsUnknown() {
		return nil
	}
	n := v.ValueInt64()
	return &n
}
