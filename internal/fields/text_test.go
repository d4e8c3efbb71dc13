package fields

import (
	"context"
	"regexp"
	"testing"

	fwattr "github.com/hashicorp/terraform-plugin-framework/attr"
	dschema "github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	rschema "github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-framework/types/basetypes"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// What "the same value" means per custom type: the configured spelling and
// the platform's answer, in both directions.
func TestSemanticEqualityRules(t *testing.T) {
	ctx := context.Background()
	type pair struct {
		prior, answer string
		same          bool
	}
	cases := map[string]struct {
		value func(string) basetypes.StringValuableWithSemanticEquals
		pairs []pair
	}{
		"Text": {func(s string) basetypes.StringValuableWithSemanticEquals { return TextValue(s) }, []pair{
			{"Accra", "Accra", true},
			{"Accra ", "Accra", true},
			{" Accra\t\n", "Accra", true},
			{"Accra\u00a0", "Accra", true}, // Unicode white space, as strings.TrimSpace
			{"   ", "", true},
			{"Accra", "accra", false}, // case is meaning in free text
			{"New  York", "New York", false},
			{"Accra", "Tema", false},
		}},
		"Code": {func(s string) basetypes.StringValuableWithSemanticEquals { return CodeValue(s) }, []pair{
			{"29XAbbA4369J1PA", "29XABBA4369J1PA", true}, // Razorpay's own example, upper-cased
			{"us", "US", true},
			{" US ", "US", true},
			{"29XAbbA4369J1PA", "27XABBA4369J1PA", false},
			{"US", "USA", false},
		}},
		"Email": {func(s string) basetypes.StringValuableWithSemanticEquals { return EmailValue(s) }, []pair{
			{"John.Doe@Example.com", "john.doe@example.com", true}, // local part too
			{"JANE@EXAMPLE.COM", "jane@example.com", true},
			{"jane@example.com ", "jane@example.com", true},
			{"jane@example.com", "jane@example.org", false},
			{"jane.doe@example.com", "janedoe@example.com", false},
		}},
	}
	for name, tc := range cases {
		for _, p := range tc.pairs {
			for _, dir := range [][2]string{{p.prior, p.answer}, {p.answer, p.prior}} {
				got, diags := tc.value(dir[1]).StringSemanticEquals(ctx, tc.value(dir[0]))
				if diags.HasError() {
					t.Fatalf("%s: %v", name, diags)
				}
				if got != p.same {
					t.Errorf("%s: %q vs %q: same = %v, want %v", name, dir[0], dir[1], got, p.same)
				}
			}
		}
	}
}

// Each type is the same only as itself: a Text never equals a Code or a
// plain string, even with the same letters, and Equal stays strict.
func TestCustomTypesAreDistinct(t *testing.T) {
	ctx := context.Background()
	if eq, _ := TextValue("US").StringSemanticEquals(ctx, CodeValue("US")); eq {
		t.Error("a Text must not be semantically equal to a Code")
	}
	if eq, _ := CodeValue("US").StringSemanticEquals(ctx, types.StringValue("US")); eq {
		t.Error("a Code must not be semantically equal to a types.String")
	}
	strict := []struct {
		a, b fwattr.Value
		want bool
	}{
		{TextValue("Accra"), TextValue("Accra"), true},
		{TextValue("Accra "), TextValue("Accra"), false},
		{TextValue("Accra"), types.StringValue("Accra"), false},
		{CodeValue("us"), CodeValue("US"), false},
		{CodeValue("US"), TextValue("US"), false},
		{TextNull(), TextNull(), true},
		{TextNull(), TextValue(""), false},
		{TextUnknown(), TextUnknown(), true},
		{CodeNull(), CodeNull(), true},
	}
	for _, c := range strict {
		if got := c.a.Equal(c.b); got != c.want {
			t.Errorf("%v.Equal(%v) = %v, want %v", c.a, c.b, got, c.want)
		}
	}
	for _, typ := range []struct {
		t, same basetypes.StringTypable
		name    string
	}{{TextType{}, TextType{}, "fields.TextType"}, {CodeType{}, CodeType{}, "fields.CodeType"}} {
		if typ.t.String() != typ.name || !typ.t.Equal(typ.same) || typ.t.Equal(types.StringType) || typ.t.Equal(EmailType{}) {
			t.Errorf("%s: String/Equal wrong", typ.name)
		}
		if vt := typ.t.ValueType(ctx); vt.Type(ctx).String() != typ.name {
			t.Errorf("%s: ValueType is a %T", typ.name, vt)
		}
	}
}

func TestTextAndCodeFromTerraform(t *testing.T) {
	ctx := context.Background()
	for _, in := range []tftypes.Value{
		tftypes.NewValue(tftypes.String, " Accra "),
		tftypes.NewValue(tftypes.String, nil),
		tftypes.NewValue(tftypes.String, tftypes.UnknownValue),
	} {
		tv, err := TextType{}.ValueFromTerraform(ctx, in)
		if err != nil {
			t.Fatal(err)
		}
		cv, err := CodeType{}.ValueFromTerraform(ctx, in)
		if err != nil {
			t.Fatal(err)
		}
		if _, ok := tv.(Text); !ok {
			t.Errorf("TextType gave a %T", tv)
		}
		if _, ok := cv.(Code); !ok {
			t.Errorf("CodeType gave a %T", cv)
		}
		for _, v := range []fwattr.Value{tv, cv} {
			back, err := v.ToTerraformValue(ctx)
			if err != nil || !back.Equal(in) {
				t.Errorf("round trip of %v: %v (%v)", in, back, err)
			}
		}
	}
	if _, err := (TextType{}).ValueFromTerraform(ctx, tftypes.NewValue(tftypes.Number, 1)); err == nil {
		t.Error("a number must not convert to a Text")
	}
	if v, d := (CodeType{}).ValueFromString(ctx, types.StringValue("us")); d.HasError() || !v.(Code).Equal(CodeValue("us")) {
		t.Errorf("ValueFromString: %v %v", v, d)
	}
	if v, d := (TextType{}).ValueFromString(ctx, types.StringValue("x")); d.HasError() || !v.(Text).Equal(TextValue("x")) {
		t.Errorf("ValueFromString: %v %v", v, d)
	}
}

// OptionalText: null or "" from the API is "not set", in the spelling the
// user wrote; a value of only blanks that a platform stored trimmed is
// the same value, never null (that would be an inconsistent result).
func TestOptionalTextAndCode(t *testing.T) {
	cases := []struct {
		name  string
		api   *string
		prior Text
		want  Text
	}{
		{"nil, prior null", nil, TextNull(), TextNull()},
		{"empty, prior unknown", strp(""), TextUnknown(), TextNull()},
		{"nil, prior empty", nil, TextValue(""), TextValue("")},
		{"empty, prior blanks", strp(""), TextValue("  "), TextValue("  ")},
		{"nil, prior blanks", nil, TextValue("\t"), TextValue("\t")},
		{"nil, prior value (cleared out of band)", nil, TextValue("Suite 2"), TextNull()},
		{"value as answered", strp("Suite 2"), TextValue(" Suite 2 "), TextValue("Suite 2")},
		{"blanks answered", strp(" "), TextNull(), TextValue(" ")},
	}
	for _, tc := range cases {
		if got := OptionalText(tc.api, tc.prior); !got.Equal(tc.want) {
			t.Errorf("OptionalText %s = %v, want %v", tc.name, got, tc.want)
		}
		want := CodeNull()
		if !tc.want.IsNull() {
			want = CodeValue(tc.want.ValueString())
		}
		prior := Code{StringValue: tc.prior.StringValue}
		if got := OptionalCode(tc.api, prior); !got.Equal(want) {
			t.Errorf("OptionalCode %s = %v, want %v", tc.name, got, want)
		}
	}
}

func TestMatchesTrimmed(t *testing.T) {
	v := MatchesTrimmed(regexp.MustCompile(`(?i)^[A-Z]{2}$`), "must be a 2-letter country code")
	for in, valid := range map[string]bool{"US": true, "us": true, " US ": true, "US\n": true, "USA": false, "U S": false, "": false, "  ": false} {
		if d := validateString(v, types.StringValue(in)); d.HasError() == valid {
			t.Errorf("%q: errors=%v, want valid=%v", in, d, valid)
		}
	}
	for _, in := range []types.String{types.StringNull(), types.StringUnknown()} {
		if d := validateString(v, in); d.HasError() {
			t.Errorf("%v: %v", in, d)
		}
	}
	if d := v.Description(context.Background()); d != "must be a 2-letter country code" || d != v.MarkdownDescription(context.Background()) {
		t.Errorf("description %q", d)
	}
}

// Every resource string field takes messy values as written: no validator
// refuses blanks around a value, an e-mail in upper case or a code in
// lower case; its type says which spellings are the same. The data source
// attribute has the same type, so both read into one model.
func TestResourceFieldsAcceptMessyValues(t *testing.T) {
	fields := []struct {
		f     StringField
		typ   fwattr.Type
		messy []string
	}{
		{StringField{Name: "city", Required: true, Validators: []validator.String{RequiredText(255)}}, TextType{}, []string{" Accra", "Accra ", "Accra\n"}},
		{StringField{Name: "zip", Validators: []validator.String{MaxLength(255)}}, TextType{}, []string{"00233 ", " "}},
		{StringField{Name: "email", Email: true, Validators: []validator.String{EmailFormat()}}, EmailType{}, []string{"John.Doe@Example.com", "JANE@EXAMPLE.COM"}},
		{StringField{Name: "gstin", Code: true}, CodeType{}, []string{"29XAbbA4369J1PA", "29xabba4369j1pa"}},
	}
	for _, c := range fields {
		a := c.f.Resource().(rschema.StringAttribute)
		if !a.CustomType.Equal(c.typ) {
			t.Errorf("%s: resource type %v, want %v", c.f.Name, a.CustomType, c.typ)
		}
		if d := c.f.DataSource().(dschema.StringAttribute); !d.CustomType.Equal(c.typ) {
			t.Errorf("%s: data source type %v, want %v", c.f.Name, d.CustomType, c.typ)
		}
		for _, s := range c.messy {
			for _, v := range a.Validators {
				if d := validateString(v, types.StringValue(s)); d.HasError() {
					t.Errorf("%s: %q refused: %v", c.f.Name, s, d)
				}
			}
		}
	}
	// The platform's own rules still apply.
	email := StringField{Name: "email", Email: true, Validators: []validator.String{EmailFormat()}}.Resource().(rschema.StringAttribute)
	if d := validateString(email.Validators[0], types.StringValue(" jane@example.com")); !d.HasError() {
		t.Error("an e-mail with blanks in it is no address: the platforms refuse it, so must the provider")
	}
}
