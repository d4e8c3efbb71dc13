package fields

import (
	"strings"
	"testing"

	rschema "github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

func TestCanonicalSpellings(t *testing.T) {
	cases := []struct {
		name  string
		v     validator.String
		in    string
		valid bool
	}{
		{"trimmed", Trimmed(), "Jane Doe", true},
		{"inner blanks kept", Trimmed(), "Jane  Doe", true},
		{"empty", Trimmed(), "", true},
		{"leading space", Trimmed(), " Jane", false},
		{"trailing tab", Trimmed(), "Jane\t", false},
		{"trailing newline", Trimmed(), "Jane\n", false},
		{"only blanks", Trimmed(), "  ", false},
		{"non-breaking space", Trimmed(), "Jane\u00a0", false},
		{"lower", LowerCase(), "jane.doe@example.com", true},
		{"mixed", LowerCase(), "Jane.Doe@example.com", false},
		{"non-ascii upper", LowerCase(), "émile@exÉmple.com", false},
		{"upper", UpperCase(), "29ABCDE1234F1Z5", true},
		{"lower gstin", UpperCase(), "29abcde1234f1z5", false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			diags := validateString(tc.v, types.StringValue(tc.in))
			if diags.HasError() == tc.valid {
				t.Fatalf("%q: errors=%v, want valid=%v", tc.in, diags, tc.valid)
			}
			if !tc.valid && !strings.Contains(diags.Errors()[0].Detail(), "email") {
				t.Errorf("the error must name the attribute: %s", diags.Errors()[0].Detail())
			}
		})
	}
	for _, v := range []validator.String{Trimmed(), LowerCase(), UpperCase()} {
		if d := validateString(v, types.StringNull()); d.HasError() {
			t.Errorf("null: %v", d)
		}
		if d := validateString(v, types.StringUnknown()); d.HasError() {
			t.Errorf("unknown: %v", d)
		}
	}
}

// Every resource string field refuses surrounding blanks; e-mail fields
// also refuse upper case.
func TestResourceFieldsAskForThePlatformsSpelling(t *testing.T) {
	name := StringField{Name: "name", Required: true}.Resource().(rschema.StringAttribute)
	email := StringField{Name: "email", Email: true}.Resource().(rschema.StringAttribute)
	run := func(a rschema.StringAttribute, s string) bool {
		for _, v := range a.Validators {
			if validateString(v, types.StringValue(s)).HasError() {
				return false
			}
		}
		return true
	}
	if run(name, " Jane") || !run(name, "Jane") {
		t.Error("name: surrounding blanks must be refused, a trimmed name accepted")
	}
	if run(email, "Jane@example.com") || run(email, " jane@example.com") || !run(email, "jane@example.com") {
		t.Error("email: upper case and blanks must be refused, a lower-case address accepted")
	}
}
