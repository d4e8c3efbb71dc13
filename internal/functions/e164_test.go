package functions_test

import (
	"context"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/customerops/terraform-provider-crm/internal/provider"
)

// call runs provider::crm::<name>(args...) through the server main.go
// serves, as Terraform calls it: the framework decodes the arguments, holds
// them to the definition (nulls included) and encodes the result or error.
// A nil arg is null.
func call(t *testing.T, name string, args ...*string) *tfprotov6.CallFunctionResponse {
	t.Helper()
	vals := make([]*tfprotov6.DynamicValue, 0, len(args))
	for _, a := range args {
		var v tftypes.Value
		if a == nil {
			v = tftypes.NewValue(tftypes.String, nil)
		} else {
			v = tftypes.NewValue(tftypes.String, *a)
		}
		dv, err := tfprotov6.NewDynamicValue(tftypes.String, v)
		if err != nil {
			t.Fatalf("encoding %v: %v", v, err)
		}
		vals = append(vals, &dv)
	}
	return callWith(t, name, vals)
}

func callWith(t *testing.T, name string, args []*tfprotov6.DynamicValue) *tfprotov6.CallFunctionResponse {
	t.Helper()
	resp, err := provider.NewServer("test")().CallFunction(context.Background(), &tfprotov6.CallFunctionRequest{Name: name, Arguments: args})
	if err != nil {
		t.Fatalf("CallFunction: %v", err)
	}
	return resp
}

// result decodes a successful call's string result; ok is false for null.
func result(t *testing.T, resp *tfprotov6.CallFunctionResponse) (s string, ok bool) {
	t.Helper()
	if resp.Error != nil {
		t.Fatalf("unexpected function error (argument %v): %s", argOf(resp.Error), resp.Error.Text)
	}
	v, err := resp.Result.Unmarshal(tftypes.String)
	if err != nil {
		t.Fatalf("decoding the result: %v", err)
	}
	if v.IsNull() {
		return "", false
	}
	if err := v.As(&s); err != nil {
		t.Fatalf("result %v is not a string: %v", v, err)
	}
	return s, true
}

func argOf(e *tfprotov6.FunctionError) any {
	if e.FunctionArgument == nil {
		return "none"
	}
	return *e.FunctionArgument
}

func ptr(s string) *string { return &s }

func TestE164_formats(t *testing.T) {
	for _, tc := range []struct{ number, region, want string }{
		// The task's and the README's examples.
		{"020 7946 0958", "GB", "+442079460958"},
		{"+1 (415) 555-2671", "US", "+14155552671"},
		{"98765 43210", "IN", "+919876543210"},
		// National numbers: trunk prefix, separators, parentheses.
		{"02079460958", "GB", "+442079460958"},
		{"020-7946-0958", "GB", "+442079460958"},
		{"020.7946.0958", "GB", "+442079460958"},
		{"(020) 7946 0958", "GB", "+442079460958"},
		{"07700 900123", "GB", "+447700900123"},
		{"098765 43210", "IN", "+919876543210"},
		{"(415) 555-2671", "US", "+14155552671"},
		{"415.555.2671", "US", "+14155552671"},
		{"1 415 555 2671", "US", "+14155552671"}, // NANP trunk prefix 1
		{"030 1234567", "DE", "+49301234567"},
		{"024 456 7890", "GH", "+233244567890"},
		{"06 1234 5678", "IT", "+390612345678"}, // Italy keeps its leading 0
		// Blanks around the number, odd blanks inside.
		{"  020 7946 0958  ", "GB", "+442079460958"},
		{"\t+44 20 7946 0958\n", "GB", "+442079460958"},
		{"020  7946   0958", "GB", "+442079460958"},
		{"+44\t20 7946 0958\r\n", "GB", "+442079460958"},      // a spreadsheet's tab and line end
		{"+44 20\n7946 0958", "GB", "+442079460958"},          // a line break inside
		{"+44\u00a020\u00a07946 0958", "GB", "+442079460958"}, // no-break spaces
		// International form, with + or the region's international prefix.
		{"+44 20 7946 0958", "GB", "+442079460958"},
		{"+44 (0)20 7946 0958", "GB", "+442079460958"}, // the (0) trunk prefix some write after +44
		{"+49 (0) 30 1234567", "DE", "+49301234567"},
		{"0044 20 7946 0958", "GB", "+442079460958"},
		{"00 44 20 7946 0958", "DE", "+442079460958"},
		{"+0044 20 7946 0958", "GB", "+442079460958"},
		{"+00 44 20 7946 0958", "FR", "+442079460958"},
		{"011 44 20 7946 0958", "US", "+442079460958"}, // the US international prefix
		{"+39 06 1234 5678", "IT", "+390612345678"},
		{"tel:+44-20-7946-0958", "GB", "+442079460958"}, // RFC 3966
		// A number in international form ignores default_region.
		{"+1 (415) 555-2671", "GB", "+14155552671"},
		{"+91 98765 43210", "US", "+919876543210"},
		{"+233 24 456 7890", "IN", "+233244567890"},
		// Extensions are dropped: E.164 has none.
		{"020 7946 0958 ext. 123", "GB", "+442079460958"},
		{"415-555-2671 x99", "US", "+14155552671"},
		{"+1 415 555 2671 extension 4", "US", "+14155552671"},
		// Letters of vanity numbers.
		{"1-800-FLOWERS", "US", "+18003569377"},
		// The region in any case, with blanks.
		{"020 7946 0958", "gb", "+442079460958"},
		{"(415) 555-2671", " us ", "+14155552671"},
		// Possible but not valid: accepted (a range the metadata does not
		// know of may be allocated by the time the number is used).
		{"+1 (415) 123-4567", "US", "+14151234567"},
		{"020 7946 095", "GB", "+44207946095"},
		// Non-geographic calling codes.
		{"+800 1234 5678", "GB", "+80012345678"},
	} {
		t.Run(tc.number+"/"+tc.region, func(t *testing.T) {
			got, ok := result(t, call(t, "e164", ptr(tc.number), ptr(tc.region)))
			if !ok || got != tc.want {
				t.Errorf("e164(%q, %q) = %q (null: %v), want %q", tc.number, tc.region, got, !ok, tc.want)
			}
		})
	}
}

func TestE164_noDefaultRegion(t *testing.T) {
	for _, region := range []*string{nil, ptr(""), ptr("  ")} {
		for number, want := range map[string]string{
			"+44 20 7946 0958":     "+442079460958",
			"+1 (415) 555-2671":    "+14155552671",
			"tel:+91-98765-43210":  "+919876543210",
			"  +233 24 456 7890 ":  "+233244567890",
			"+44 (0) 7700 900 123": "+447700900123",
		} {
			got, ok := result(t, call(t, "e164", ptr(number), region))
			if !ok || got != want {
				t.Errorf("e164(%q, %s) = %q (null: %v), want %q", number, show(region), got, !ok, want)
			}
		}
	}
}

func show(s *string) string {
	if s == nil {
		return "null"
	}
	return `"` + *s + `"`
}

// A null number gives null, whatever the region, so an optional phone
// stays unset.
func TestE164_nullNumber(t *testing.T) {
	for _, region := range []*string{ptr("GB"), nil, ptr("")} {
		if got, ok := result(t, call(t, "e164", nil, region)); ok {
			t.Errorf("e164(null, %s) = %q, want null", show(region), got)
		}
	}
}

// OpenTofu sends a null argument as no value at all (nil); it means null
// there too.
func TestE164_nullAsOpenTofuSendsIt(t *testing.T) {
	gb, err := tfprotov6.NewDynamicValue(tftypes.String, tftypes.NewValue(tftypes.String, "GB"))
	if err != nil {
		t.Fatal(err)
	}
	intl, err := tfprotov6.NewDynamicValue(tftypes.String, tftypes.NewValue(tftypes.String, "+44 20 7946 0958"))
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		args []*tfprotov6.DynamicValue
		want *string
	}{
		{"nil number", []*tfprotov6.DynamicValue{nil, &gb}, nil},
		{"empty number", []*tfprotov6.DynamicValue{{}, &gb}, nil},
		{"nil region", []*tfprotov6.DynamicValue{&intl, nil}, ptr("+442079460958")},
		{"both nil", []*tfprotov6.DynamicValue{nil, nil}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			args := append([]*tfprotov6.DynamicValue(nil), tc.args...)
			got, ok := result(t, callWith(t, "e164", args))
			switch {
			case tc.want == nil && ok:
				t.Errorf("got %q, want null", got)
			case tc.want != nil && (!ok || got != *tc.want):
				t.Errorf("got %q (null: %v), want %q", got, !ok, *tc.want)
			}
			for i := range args {
				if args[i] != tc.args[i] {
					t.Errorf("the request's argument %d was replaced in place", i)
				}
			}
		})
	}
}

func TestE164_refused(t *testing.T) {
	const (
		number int64 = 0
		region int64 = 1
	)
	for _, tc := range []struct {
		name           string
		number, region *string
		arg            int64
		want           string // in the error text
	}{
		// Not a phone number.
		{"empty", ptr(""), ptr("GB"), number, "number is empty: pass null for no number"},
		{"blanks", ptr("   "), ptr("GB"), number, "number is empty"},
		{"words", ptr("n/a"), ptr("GB"), number, `number "n/a" is not a phone number`},
		{"letters", ptr("abc"), ptr("US"), number, `number "abc" is not a phone number`},
		{"a plus alone", ptr("+"), ptr("GB"), number, "is not a phone number"},
		{"one digit", ptr("0"), ptr("GB"), number, "is not a phone number"},
		{"too long to parse", ptr("+44 20 7946 0958 0958 0958"), ptr("GB"), number, "too long to be a phone number"},
		{"two numbers on two lines", ptr("020 7946 0958\n020 7946 0959"), ptr("GB"), number, "is not a phone number"},
		// Parsed, but not a possible number.
		{"too short", ptr("12"), ptr("GB"), number, `number "12" has 2 digits, too few for a +44 (GB) number`},
		{"too long", ptr("+1 415 555 26711"), ptr("US"), number, "has 11 digits, too many for a +1 (US) number"},
		{"local only", ptr("555-2671"), ptr("US"), number, "is a local number without its area code"},
		{"another region's international prefix", ptr("0044 20 7946 0958"), ptr("US"), number, "too many for a +1 (US) number"},
		// No country.
		{"no such calling code", ptr("+999 123456"), ptr("GB"), number, "starts with a country calling code that does not exist"},
		{"national, null region", ptr("020 7946 0958"), nil, number, "has no valid country calling code (such as +44) and default_region is null or empty"},
		{"national, empty region", ptr("020 7946 0958"), ptr(""), number, "default_region is null or empty"},
		// Not a region code, even for a number in international form.
		{"UK is not ISO", ptr("020 7946 0958"), ptr("UK"), region, `default_region "UK" is not a region code`},
		{"unknown region", ptr("+44 20 7946 0958"), ptr("XX"), region, `default_region "XX" is not a region code`},
		{"ZZ, libphonenumber's unknown", ptr("+44 20 7946 0958"), ptr("ZZ"), region, "is not a region code"},
		{"non-geographic 001", ptr("+800 1234 5678"), ptr("001"), region, "is not a region code"},
		{"country name", ptr("+44 20 7946 0958"), ptr("United Kingdom"), region, `"United Kingdom" is not a region code`},
		{"region refused before an empty number", ptr(""), ptr("UK"), region, "is not a region code"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			resp := call(t, "e164", tc.number, tc.region)
			if resp.Error == nil {
				got, _ := result(t, resp)
				t.Fatalf("e164(%s, %s) = %q, want an error", show(tc.number), show(tc.region), got)
			}
			if resp.Error.FunctionArgument == nil || *resp.Error.FunctionArgument != tc.arg {
				t.Errorf("error names argument %v, want %d: %s", argOf(resp.Error), tc.arg, resp.Error.Text)
			}
			if !strings.Contains(resp.Error.Text, tc.want) {
				t.Errorf("error %q does not say %q", resp.Error.Text, tc.want)
			}
		})
	}
}

// The provider registers e164 with both parameters nullable and a string
// result, as the CLIs see it.
func TestE164_registered(t *testing.T) {
	resp, err := provider.NewServer("test")().GetFunctions(context.Background(), &tfprotov6.GetFunctionsRequest{})
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range resp.Diagnostics {
		t.Errorf("GetFunctions: %s: %s", d.Summary, d.Detail)
	}
	f, ok := resp.Functions["e164"]
	if !ok {
		t.Fatalf("the provider has no e164 function; it has %v", resp.Functions)
	}
	if len(f.Parameters) != 2 || f.Parameters[0].Name != "number" || f.Parameters[1].Name != "default_region" {
		t.Fatalf("parameters: %+v, want number, default_region", f.Parameters)
	}
	for _, p := range f.Parameters {
		if !p.AllowNullValue || p.AllowUnknownValues {
			t.Errorf("parameter %s: AllowNullValue %v, AllowUnknownValues %v; want true, false", p.Name, p.AllowNullValue, p.AllowUnknownValues)
		}
	}
	if !f.Return.Type.Is(tftypes.String) {
		t.Errorf("return type %v, want string", f.Return.Type)
	}
}
