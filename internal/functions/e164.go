// Package functions holds the provider-defined functions (Terraform 1.8+,
// OpenTofu 1.7+), called as provider::crm::<name>(...).
package functions

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"unicode"

	"github.com/hashicorp/terraform-plugin-framework/function"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/nyaruka/phonenumbers"
)

// All are the provider's functions.
func All() []func() function.Function {
	return []func() function.Function{NewE164}
}

// Argument positions of e164, for its errors.
const (
	argNumber int64 = iota
	argRegion
)

// NewE164 returns the e164 function.
func NewE164() function.Function { return e164{} }

// e164 writes a phone number in E.164 form (+<country code><number>) with
// Google's libphonenumber rules (github.com/nyaruka/phonenumbers), never
// with rules of its own.
type e164 struct{}

func (e164) Metadata(_ context.Context, _ function.MetadataRequest, resp *function.MetadataResponse) {
	resp.Name = "e164"
}

func (e164) Definition(_ context.Context, _ function.DefinitionRequest, resp *function.DefinitionResponse) {
	resp.Definition = function.Definition{
		Summary: "A phone number in E.164 form",
		MarkdownDescription: "Returns `number` in E.164 form, `+` then the country calling code and the national number with " +
			"no blanks or punctuation, as platforms store phone numbers: `provider::crm::e164(\"020 7946 0958\", \"GB\")` is " +
			"`\"+442079460958\"`. The number is read with the rules of Google's libphonenumber " +
			"([nyaruka/phonenumbers](https://github.com/nyaruka/phonenumbers)), so it may be written as people write numbers:\n\n" +
			"- national, with or without the trunk prefix (`020 7946 0958`, `98765 43210`), read in `default_region`;\n" +
			"- international, with `+` or the region's international prefix (`+44 20 7946 0958`, `0044 20 7946 0958` in `GB`, " +
			"`011 44 ...` in `US`, `+44 (0)20 7946 0958`): such a number keeps its own country, whatever `default_region` says;\n" +
			"- with spaces, dashes, dots, parentheses, tabs or line breaks inside and blanks around it, letters (`1-800-FLOWERS`), " +
			"or an extension (`ext. 123`, `x99`), which is dropped: E.164 has none.\n\n" +
			"The number must be **possible**: a country calling code that exists and a national number of a length that " +
			"country uses for complete numbers. It need not be **valid** (in a range the library's metadata knows to be " +
			"allocated): ranges are allocated all the time, so that check would refuse real customers' new numbers until " +
			"the provider is rebuilt, and a possible number is all E.164 formatting needs.\n\n" +
			"Refused, with an error naming the argument: an empty number; text that is not a phone number; a number too " +
			"short or too long for its country; a local number without its area code (`555-2671` in `US`: it has no single " +
			"E.164 form); a national number when `default_region` is null or empty; a `default_region` that is not a region " +
			"code (`UK`, `United Kingdom`), even for a number in international form, so a typo fails on every number.\n\n" +
			"A null `number` gives null, so an optional phone stays unset. `try(provider::crm::e164(x, \"GB\"), null)` turns " +
			"a refused number into null where one bad row should not stop the run.",
		Parameters: []function.Parameter{
			function.StringParameter{
				Name:           "number",
				AllowNullValue: true,
				MarkdownDescription: "The phone number as written, national or international. " +
					"Null gives null.",
			},
			function.StringParameter{
				Name:           "default_region",
				AllowNullValue: true,
				MarkdownDescription: "The region a number written without a country calling code is from: a two-letter " +
					"ISO 3166-1 region code such as `GB`, `US` or `IN`, in any case, always checked. Null or empty: " +
					"no default, so only numbers in international form are accepted.",
			},
		},
		Return: function.StringReturn{},
	}
}

func (e164) Run(ctx context.Context, req function.RunRequest, resp *function.RunResponse) {
	var number, region types.String
	resp.Error = req.Arguments.Get(ctx, &number, &region)
	if resp.Error != nil {
		return
	}
	if number.IsNull() {
		resp.Error = resp.Result.Set(ctx, types.StringNull())
		return
	}
	out, funcErr := formatE164(number.ValueString(), region.ValueString())
	if funcErr != nil {
		resp.Error = funcErr
		return
	}
	resp.Error = resp.Result.Set(ctx, types.StringValue(out))
}

// formatE164 is e164 on a number that is not null; region "" is no
// default region.
func formatE164(number, given string) (string, *function.FuncError) {
	region := strings.ToUpper(strings.TrimSpace(given))
	if region != "" && !phonenumbers.GetSupportedRegions()[region] {
		return "", function.NewArgumentFuncError(argRegion, fmt.Sprintf(
			"default_region %q is not a region code: use a two-letter ISO 3166-1 code such as \"GB\", \"US\" or \"IN\", "+
				"or null for numbers in international form only.", given))
	}
	// Any white space is a blank: the library takes spaces inside a number
	// but refuses a tab or a line break anywhere, as a spreadsheet cell or
	// a heredoc (which ends in "\n") leaves them.
	blanked := strings.TrimSpace(strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return ' '
		}
		return r
	}, number))
	if blanked == "" {
		return "", function.NewArgumentFuncError(argNumber,
			"number is empty: pass null for no number (the result is then null).")
	}
	parsed, err := phonenumbers.Parse(blanked, region)
	if err != nil {
		return "", function.NewArgumentFuncError(argNumber, parseError(number, region, err))
	}
	if reason := phonenumbers.IsPossibleNumberWithReason(parsed); reason != phonenumbers.IS_POSSIBLE {
		return "", function.NewArgumentFuncError(argNumber, impossible(number, parsed, reason))
	}
	return phonenumbers.Format(parsed, phonenumbers.E164), nil
}

// parseError says why phonenumbers.Parse refused number.
func parseError(number, region string, err error) string {
	switch {
	case errors.Is(err, phonenumbers.ErrInvalidCountryCode) && region == "":
		return fmt.Sprintf("number %q has no valid country calling code (such as +44) and default_region is null or "+
			"empty: give the number in international form or the region it is from.", number)
	case errors.Is(err, phonenumbers.ErrInvalidCountryCode):
		return fmt.Sprintf("number %q starts with a country calling code that does not exist.", number)
	default:
		return fmt.Sprintf("number %q is not a phone number: %s.", number, err)
	}
}

// impossible says why a parsed number is not a possible one.
func impossible(number string, parsed *phonenumbers.PhoneNumber, reason phonenumbers.ValidationResult) string {
	country := fmt.Sprintf("+%d", parsed.GetCountryCode())
	if r := phonenumbers.GetRegionCodeForCountryCode(int(parsed.GetCountryCode())); r != "" && r != "ZZ" && r != "001" {
		country += " (" + r + ")"
	}
	digits := len(phonenumbers.GetNationalSignificantNumber(parsed))
	var why string
	switch reason {
	case phonenumbers.IS_POSSIBLE_LOCAL_ONLY:
		why = fmt.Sprintf("is a local number without its area code (%d digits), which has no single E.164 form", digits)
	case phonenumbers.TOO_SHORT:
		why = fmt.Sprintf("has %d digits, too few for a %s number", digits, country)
	case phonenumbers.TOO_LONG:
		why = fmt.Sprintf("has %d digits, too many for a %s number", digits, country)
	case phonenumbers.INVALID_COUNTRY_CODE:
		why = fmt.Sprintf("has no valid country calling code (%s)", country)
	default: // INVALID_LENGTH
		why = fmt.Sprintf("has %d digits, a length no %s number has", digits, country)
	}
	return fmt.Sprintf("number %q %s.", number, why)
}
