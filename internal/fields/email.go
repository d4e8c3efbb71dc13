package fields

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types/basetypes"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// SameEmail is the rule of EmailType: the same address in any case, the
// local part included, and with or without blanks around it. Every
// platform's contract treats an address case-insensitively (uniqueness,
// look-ups), and a platform may store it in lower case.
func SameEmail(a, b string) bool { return SameCode(a, b) }

// EmailType is a string type whose values compare case-insensitively, so an
// API that lowercases addresses causes neither a diff nor "Provider produced
// inconsistent result after apply". Addresses are accepted in any case.
type EmailType struct{ basetypes.StringType }

var _ basetypes.StringTypable = EmailType{}

func (t EmailType) Equal(o attr.Type) bool {
	other, ok := o.(EmailType)
	return ok && t.StringType.Equal(other.StringType)
}

func (t EmailType) String() string { return "fields.EmailType" }

func (t EmailType) ValueFromString(_ context.Context, in basetypes.StringValue) (basetypes.StringValuable, diag.Diagnostics) {
	return Email{StringValue: in}, nil
}

func (t EmailType) ValueFromTerraform(ctx context.Context, in tftypes.Value) (attr.Value, error) {
	s, err := stringFromTerraform(ctx, t.StringType, in)
	if err != nil {
		return nil, err
	}
	return Email{StringValue: s}, nil
}

func (t EmailType) ValueType(context.Context) attr.Value { return Email{} }

// Email is a value of EmailType.
type Email struct{ basetypes.StringValue }

var _ basetypes.StringValuableWithSemanticEquals = Email{}

func (v Email) Equal(o attr.Value) bool {
	other, ok := o.(Email)
	return ok && v.StringValue.Equal(other.StringValue)
}

func (v Email) Type(context.Context) attr.Type { return EmailType{} }

// StringSemanticEquals keeps the configured spelling when the API returns
// the same address in another case.
func (v Email) StringSemanticEquals(_ context.Context, nv basetypes.StringValuable) (bool, diag.Diagnostics) {
	other, ok := nv.(Email)
	return ok && SameEmail(v.ValueString(), other.ValueString()), nil
}

// EmailValue and EmailNull build Email values like the
// framework's types.String* helpers.
func EmailValue(s string) Email { return Email{StringValue: basetypes.NewStringValue(s)} }
func EmailNull() Email          { return Email{StringValue: basetypes.NewStringNull()} }
