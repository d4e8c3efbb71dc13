package fields

import (
	"context"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types/basetypes"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// Real customer data is messy, and the platforms take it as it is: a city
// that ends in a blank, an e-mail written John.Doe@Example.com, a GSTIN in
// mixed case. The provider accepts every value its platform accepts, as
// written. Where the contracts are silent, a platform may store such a
// value in its own spelling (trimmed, e-mails in lower case, GSTINs in
// upper case): the types below then compare the configured value and the
// platform's answer by meaning, so the configured spelling stays in state
// (no perpetual diff, no "inconsistent result after apply"). After an
// import, state holds the platform's stored spelling, which is what a
// generated configuration writes; a hand-written configuration in another
// spelling plans one in-place update, and none after it.

// SameText is the rule of Text: equal once the white space around them
// (Unicode, as strings.TrimSpace) is removed.
func SameText(a, b string) bool { return strings.TrimSpace(a) == strings.TrimSpace(b) }

// SameCode is the rule of Code: SameText, ignoring case as well.
func SameCode(a, b string) bool { return strings.EqualFold(strings.TrimSpace(a), strings.TrimSpace(b)) }

// TextType is a string type whose values are the same when they differ only
// in the white space around them. Every free-text attribute uses it.
type TextType struct{ basetypes.StringType }

var _ basetypes.StringTypable = TextType{}

func (t TextType) Equal(o attr.Type) bool {
	other, ok := o.(TextType)
	return ok && t.StringType.Equal(other.StringType)
}

func (t TextType) String() string { return "fields.TextType" }

func (t TextType) ValueFromString(_ context.Context, in basetypes.StringValue) (basetypes.StringValuable, diag.Diagnostics) {
	return Text{StringValue: in}, nil
}

func (t TextType) ValueFromTerraform(ctx context.Context, in tftypes.Value) (attr.Value, error) {
	s, err := stringFromTerraform(ctx, t.StringType, in)
	if err != nil {
		return nil, err
	}
	return Text{StringValue: s}, nil
}

func (t TextType) ValueType(context.Context) attr.Value { return Text{} }

// Text is a value of TextType.
type Text struct{ basetypes.StringValue }

var _ basetypes.StringValuableWithSemanticEquals = Text{}

// Equal is strict, as the framework requires: blanks count.
func (v Text) Equal(o attr.Value) bool {
	other, ok := o.(Text)
	return ok && v.StringValue.Equal(other.StringValue)
}

func (v Text) Type(context.Context) attr.Type { return TextType{} }

// StringSemanticEquals keeps the configured (or prior) spelling when the
// platform answers the same text without its surrounding blanks.
func (v Text) StringSemanticEquals(_ context.Context, nv basetypes.StringValuable) (bool, diag.Diagnostics) {
	other, ok := nv.(Text)
	return ok && SameText(v.ValueString(), other.ValueString()), nil
}

// TextValue, TextNull and TextUnknown build Text values like the
// framework's types.String* helpers.
func TextValue(s string) Text { return Text{StringValue: basetypes.NewStringValue(s)} }
func TextNull() Text          { return Text{StringValue: basetypes.NewStringNull()} }
func TextUnknown() Text       { return Text{StringValue: basetypes.NewStringUnknown()} }

// CodeType is a string type for codes and identifiers whose letters' case
// carries no meaning (a GSTIN, an ISO country code): values are the same
// when they differ only in case and in the white space around them.
type CodeType struct{ basetypes.StringType }

var _ basetypes.StringTypable = CodeType{}

func (t CodeType) Equal(o attr.Type) bool {
	other, ok := o.(CodeType)
	return ok && t.StringType.Equal(other.StringType)
}

func (t CodeType) String() string { return "fields.CodeType" }

func (t CodeType) ValueFromString(_ context.Context, in basetypes.StringValue) (basetypes.StringValuable, diag.Diagnostics) {
	return Code{StringValue: in}, nil
}

func (t CodeType) ValueFromTerraform(ctx context.Context, in tftypes.Value) (attr.Value, error) {
	s, err := stringFromTerraform(ctx, t.StringType, in)
	if err != nil {
		return nil, err
	}
	return Code{StringValue: s}, nil
}

func (t CodeType) ValueType(context.Context) attr.Value { return Code{} }

// Code is a value of CodeType.
type Code struct{ basetypes.StringValue }

var _ basetypes.StringValuableWithSemanticEquals = Code{}

// Equal is strict, as the framework requires: case and blanks count.
func (v Code) Equal(o attr.Value) bool {
	other, ok := o.(Code)
	return ok && v.StringValue.Equal(other.StringValue)
}

func (v Code) Type(context.Context) attr.Type { return CodeType{} }

// StringSemanticEquals keeps the configured (or prior) spelling when the
// platform answers the same code in another case or without blanks.
func (v Code) StringSemanticEquals(_ context.Context, nv basetypes.StringValuable) (bool, diag.Diagnostics) {
	other, ok := nv.(Code)
	return ok && SameCode(v.ValueString(), other.ValueString()), nil
}

// CodeValue and CodeNull build Code values.
func CodeValue(s string) Code { return Code{StringValue: basetypes.NewStringValue(s)} }
func CodeNull() Code          { return Code{StringValue: basetypes.NewStringNull()} }

// stringFromTerraform is the framework's string conversion, for the custom
// types to wrap.
func stringFromTerraform(ctx context.Context, t basetypes.StringType, in tftypes.Value) (basetypes.StringValue, error) {
	v, err := t.ValueFromTerraform(ctx, in)
	if err != nil {
		return basetypes.StringValue{}, err
	}
	s, ok := v.(basetypes.StringValue)
	if !ok {
		return basetypes.StringValue{}, fmt.Errorf("unexpected value type %T", v)
	}
	return s, nil
}
