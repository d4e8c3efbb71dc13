package fields

import (
	"context"
	"fmt"
	"strings"
	"testing"

	fwattr "github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// ---- Email ----

func TestEmailSemanticEquals(t *testing.T) {
	ctx := context.Background()
	cases := []struct {
		name string
		a    Email
		b    any // basetypes.StringValuable
		want bool
	}{
		{"identical", EmailValue("jane@example.com"), EmailValue("jane@example.com"), true},
		{"different case", EmailValue("Jane.Doe@Example.COM"), EmailValue("jane.doe@example.com"), true},
		{"different address", EmailValue("jane@example.com"), EmailValue("john@example.com"), false},
		{"same letters other domain", EmailValue("jane@example.com"), EmailValue("jane@example.org"), false},
		{"plain string value is not an Email", EmailValue("jane@example.com"), types.StringValue("jane@example.com"), false},
		{"known vs null", EmailValue("jane@example.com"), EmailNull(), false},
		{"null vs known", EmailNull(), EmailValue("jane@example.com"), false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var got bool
			var diags diag.Diagnostics
			switch b := tc.b.(type) {
			case Email:
				got, diags = tc.a.StringSemanticEquals(ctx, b)
			case types.String:
				got, diags = tc.a.StringSemanticEquals(ctx, b)
			default:
				t.Fatalf("unexpected %T", tc.b)
			}
			if diags.HasError() {
				t.Fatalf("diagnostics: %v", diags)
			}
			if got != tc.want {
				t.Errorf("StringSemanticEquals(%v, %v) = %v, want %v", tc.a, tc.b, got, tc.want)
			}
		})
	}
}

// Equal is the framework's strict equality: case and null-ness matter, and
// only Email values compare equal to an Email.
func TestEmailEqualIsStrict(t *testing.T) {
	cases := []struct {
		name string
		a    Email
		b    fwattr.Value
		want bool
	}{
		{"same", EmailValue("a@x.com"), EmailValue("a@x.com"), true},
		{"case differs", EmailValue("A@x.com"), EmailValue("a@x.com"), false},
		{"null vs null", EmailNull(), EmailNull(), true},
		{"null vs empty", EmailNull(), EmailValue(""), false},
		{"empty vs null", EmailValue(""), EmailNull(), false},
		{"unknown vs unknown", Email{StringValue: types.StringUnknown()}, Email{StringValue: types.StringUnknown()}, true},
		{"unknown vs null", Email{StringValue: types.StringUnknown()}, EmailNull(), false},
		{"types.String with same text", EmailValue("a@x.com"), types.StringValue("a@x.com"), false},
		{"other type", EmailValue("a@x.com"), types.Int64Value(1), false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if got := tc.a.Equal(tc.b); got != tc.want {
				t.Errorf("%v.Equal(%v) = %v, want %v", tc.a, tc.b, got, tc.want)
			}
		})
	}
}

func TestEmailTypeEqualAndValueType(t *testing.T) {
	ctx := context.Background()
	if !(EmailType{}).Equal(EmailType{}) {
		t.Error("EmailType must equal EmailType")
	}
	if (EmailType{}).Equal(types.StringType) {
		t.Error("EmailType must not equal types.StringType")
	}
	if _, ok := (EmailType{}).ValueType(ctx).(Email); !ok {
		t.Errorf("ValueType = %T, want Email", (EmailType{}).ValueType(ctx))
	}
	if !EmailValue("a@x.com").Type(ctx).Equal(EmailType{}) {
		t.Error("Email.Type must be EmailType")
	}
	if s := (EmailType{}).String(); s != "fields.EmailType" {
		t.Errorf("String() = %q", s)
	}
}

func TestEmailTypeValueFromTerraformRoundTrip(t *testing.T) {
	ctx := context.Background()
	cases := []struct {
		name string
		in   tftypes.Value
		want Email
	}{
		{"known", tftypes.NewValue(tftypes.String, "Jane@Example.com"), EmailValue("Jane@Example.com")},
		{"empty", tftypes.NewValue(tftypes.String, ""), EmailValue("")},
		{"null", tftypes.NewValue(tftypes.String, nil), EmailNull()},
		{"unknown", tftypes.NewValue(tftypes.String, tftypes.UnknownValue), Email{StringValue: types.StringUnknown()}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			v, err := EmailType{}.ValueFromTerraform(ctx, tc.in)
			if err != nil {
				t.Fatalf("ValueFromTerraform: %v", err)
			}
			e, ok := v.(Email)
			if !ok {
				t.Fatalf("got %T, want Email", v)
			}
			if !e.Equal(tc.want) {
				t.Errorf("got %v, want %v", e, tc.want)
			}
			back, err := e.ToTerraformValue(ctx)
			if err != nil {
				t.Fatalf("ToTerraformValue: %v", err)
			}
			if !back.Equal(tc.in) {
				t.Errorf("round trip: got %v, want %v", back, tc.in)
			}
		})
	}

	if _, err := (EmailType{}).ValueFromTerraform(ctx, tftypes.NewValue(tftypes.Number, 1)); err == nil {
		t.Error("a number must not convert to an Email")
	}
}

func TestEmailTypeValueFromString(t *testing.T) {
	v, diags := EmailType{}.ValueFromString(context.Background(), types.StringValue("a@x.com"))
	if diags.HasError() {
		t.Fatal(diags)
	}
	if !v.(Email).Equal(EmailValue("a@x.com")) {
		t.Errorf("got %v", v)
	}
}

// ---- validators ----

func validateString(v validator.String, value types.String) diag.Diagnostics {
	req := validator.StringRequest{Path: path.Root("email"), PathExpression: path.MatchRoot("email"), ConfigValue: value}
	var resp validator.StringResponse
	v.ValidateString(context.Background(), req, &resp)
	return resp.Diagnostics
}

func TestEmailFormat(t *testing.T) {
	cases := []struct {
		in    string
		valid bool
	}{
		{"jane@example.com", true},
		{"jane.doe+newsletter@example.com", true},
		{"jane@mail.example.co.uk", true},
		{"j_doe-1@sub.example.io", true},
		{"janeexample.com", false},
		{"jane@localhost", true}, // valid, and the platforms take it
		{"jane@example.com.", false},
		{"jane@example.", false},
		{"jane @example.com", false},
		{" jane@example.com", false},
		{"jane@example.com ", false},
		{"jane@exa mple.com", false},
		{"jane\t@example.com", false},
		{"Jane <jane@example.com>", false},
		{"<jane@example.com>", false},
		{"\"Jane\" <jane@example.com>", false},
		{"jane@example.com, john@example.com", false},
		{"@example.com", false},
		{"jane@", false},
		{"", false},
	}
	for _, tc := range cases {
		t.Run(fmt.Sprintf("%q", tc.in), func(t *testing.T) {
			if got := ValidEmail(tc.in); got != tc.valid {
				t.Errorf("ValidEmail(%q) = %v, want %v", tc.in, got, tc.valid)
			}
			diags := validateString(EmailFormat(), types.StringValue(tc.in))
			if diags.HasError() == tc.valid {
				t.Errorf("EmailFormat on %q: errors=%v, want valid=%v", tc.in, diags, tc.valid)
			}
			if !tc.valid {
				d := diags.Errors()[0]
				if !strings.Contains(d.Detail(), "email") || !strings.Contains(d.Detail(), tc.in) {
					t.Errorf("detail should name the attribute and the value: %q", d.Detail())
				}
				if wp, ok := d.(diag.DiagnosticWithPath); !ok || !wp.Path().Equal(path.Root("email")) {
					t.Errorf("error should be on path email: %v", d)
				}
			}
		})
	}
}

func TestEmailFormatSkipsNullAndUnknown(t *testing.T) {
	for _, v := range []types.String{types.StringNull(), types.StringUnknown()} {
		if diags := validateString(EmailFormat(), v); diags.HasError() {
			t.Errorf("%v: unexpected %v", v, diags)
		}
	}
	ctx := context.Background()
	if d := EmailFormat().Description(ctx); d == "" || d != EmailFormat().MarkdownDescription(ctx) {
		t.Errorf("descriptions: %q / %q", d, EmailFormat().MarkdownDescription(ctx))
	}
}

func TestRFC3339(t *testing.T) {
	cases := []struct {
		in    string
		valid bool
	}{
		{"2024-08-12T07:03:13Z", true},
		{"2024-08-12T07:03:13.111Z", true},
		{"2024-08-12T12:33:13+05:30", true},
		{"2024-08-12", false},
		{"2024-08-12 07:03:13Z", false},
		{"2024-08-12T07:03:13", false}, // no zone
		{"1723446193", false},
		{" 2024-08-12T07:03:13Z", false},
		{"2024-13-12T07:03:13Z", false},
		{"", false},
	}
	for _, tc := range cases {
		diags := validateString(RFC3339(), types.StringValue(tc.in))
		if diags.HasError() == tc.valid {
			t.Errorf("RFC3339 on %q: errors=%v, want valid=%v", tc.in, diags, tc.valid)
		}
	}
	for _, v := range []types.String{types.StringNull(), types.StringUnknown()} {
		if diags := validateString(RFC3339(), v); diags.HasError() {
			t.Errorf("%v: unexpected %v", v, diags)
		}
	}
}

func TestRequiredText(t *testing.T) {
	cases := []struct {
		name  string
		in    string
		valid bool
	}{
		{"empty", "", false},
		{"blank", "   ", false},
		{"tabs and newlines", "\t\n ", false},
		{"one char", "a", true},
		{"padded text", "  a  ", true},
		{"255 ascii", strings.Repeat("a", 255), true},
		{"256 ascii", strings.Repeat("a", 256), false},
		{"255 two-byte chars", strings.Repeat("é", 255), true},
		{"256 two-byte chars", strings.Repeat("é", 256), false},
		{"255 four-byte chars", strings.Repeat("😀", 255), true},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			diags := validateString(RequiredText(255), types.StringValue(tc.in))
			if diags.HasError() == tc.valid {
				t.Errorf("RequiredText(255) on %d bytes: errors=%v, want valid=%v", len(tc.in), diags, tc.valid)
			}
		})
	}
	for _, v := range []types.String{types.StringNull(), types.StringUnknown()} {
		if diags := validateString(RequiredText(255), v); diags.HasError() {
			t.Errorf("%v: unexpected %v", v, diags)
		}
	}
}

func TestMaxLengthCountsCharacters(t *testing.T) {
	cases := []struct {
		in    string
		valid bool
	}{
		{"", true},
		{strings.Repeat("é", 255), true},
		{strings.Repeat("é", 256), false},
		{strings.Repeat("a", 255), true},
		{strings.Repeat("a", 256), false},
	}
	for _, tc := range cases {
		if diags := validateString(MaxLength(255), types.StringValue(tc.in)); diags.HasError() == tc.valid {
			t.Errorf("MaxLength(255) on %d bytes: errors=%v, want valid=%v", len(tc.in), diags, tc.valid)
		}
	}
}

// ---- values ----

func strp(s string) *string { return &s }

func TestOptionalString(t *testing.T) {
	cases := []struct {
		name  string
		api   *string
		prior types.String
		want  types.String
	}{
		{"nil, prior null", nil, types.StringNull(), types.StringNull()},
		{"empty, prior null", strp(""), types.StringNull(), types.StringNull()},
		{"nil, prior unknown", nil, types.StringUnknown(), types.StringNull()},
		{"empty, prior unknown", strp(""), types.StringUnknown(), types.StringNull()},
		{"nil, prior empty", nil, types.StringValue(""), types.StringValue("")},
		{"empty, prior empty", strp(""), types.StringValue(""), types.StringValue("")},
		{"nil, prior value (cleared out of band)", nil, types.StringValue("old"), types.StringNull()},
		{"empty, prior value", strp(""), types.StringValue("old"), types.StringNull()},
		{"value, prior null", strp("x"), types.StringNull(), types.StringValue("x")},
		{"value, prior empty", strp("x"), types.StringValue(""), types.StringValue("x")},
		{"value, prior other", strp("new"), types.StringValue("old"), types.StringValue("new")},
		{"blank is a value", strp(" "), types.StringNull(), types.StringValue(" ")},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if got := OptionalString(tc.api, tc.prior); !got.Equal(tc.want) {
				t.Errorf("OptionalString = %v, want %v", got, tc.want)
			}
		})
	}
}

func TestOptionalEmail(t *testing.T) {
	cases := []struct {
		name  string
		api   *string
		prior Email
		want  Email
	}{
		{"nil, prior null", nil, EmailNull(), EmailNull()},
		{"empty, prior null", strp(""), EmailNull(), EmailNull()},
		{"nil, prior unknown", nil, Email{StringValue: types.StringUnknown()}, EmailNull()},
		{"nil, prior empty", nil, EmailValue(""), EmailValue("")},
		{"empty, prior empty", strp(""), EmailValue(""), EmailValue("")},
		{"value kept as the API spells it", strp("jane@example.com"), EmailValue("Jane@Example.com"), EmailValue("jane@example.com")},
		{"value, prior null", strp("a@x.com"), EmailNull(), EmailValue("a@x.com")},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := OptionalEmail(tc.api, tc.prior)
			if !got.Equal(tc.want) {
				t.Errorf("OptionalEmail = %v, want %v", got, tc.want)
			}
		})
	}
}

func TestStringPointer(t *testing.T) {
	if p := StringPointer(types.StringNull()); p != nil {
		t.Errorf("null: got %q", *p)
	}
	if p := StringPointer(types.StringUnknown()); p != nil {
		t.Errorf("unknown: got %q", *p)
	}
	if p := StringPointer(types.StringValue("")); p == nil || *p != "" {
		t.Errorf(`"": got %v`, p)
	}
	if p := StringPointer(types.StringValue("x")); p == nil || *p != "x" {
		t.Errorf(`"x": got %v`, p)
	}
	// Email satisfies the same interface.
	if p := StringPointer(EmailNull()); p != nil {
		t.Errorf("null email: got %q", *p)
	}
	if p := StringPointer(Email{StringValue: types.StringUnknown()}); p != nil {
		t.Errorf("unknown email: got %q", *p)
	}
	if p := StringPointer(EmailValue("a@x.com")); p == nil || *p != "a@x.com" {
		t.Errorf("email: got %v", p)
	}
}

func TestInt64Pointer(t *testing.T) {
	if p := Int64Pointer(types.Int64Null()); p != nil {
		t.Errorf("null: got %d", *p)
	}
	if p := Int64Pointer(types.Int64Unknown()); p != nil {
		t.Errorf("unknown: got %d", *p)
	}
	if p := Int64Pointer(types.Int64Value(0)); p == nil || *p != 0 {
		t.Errorf("0: got %v", p)
	}
	if p := Int64Pointer(types.Int64Value(42)); p == nil || *p != 42 {
		t.Errorf("42: got %v", p)
	}
}
