package fields

import (
	"context"
	"fmt"
	"net/mail"
	"regexp"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
)

// EmailFormat validates a well-formed e-mail address: a bare RFC 5322
// address (no display name) whose domain has a dot.
func EmailFormat() validator.String {
	return rule{ok: ValidEmail, description: "must be a valid e-mail address such as name@example.com"}
}

// Satisfies refuses a configured string that ok rejects, saying
// description ("must be ..."), in the framework validators' words.
func Satisfies(ok func(string) bool, description string) validator.String {
	return rule{ok: ok, description: description}
}

// rule is a string validator refusing the values ok refuses, saying
// description (null and unknown values pass).
type rule struct {
	ok          func(string) bool
	description string
}

func (v rule) Description(context.Context) string             { return v.description }
func (v rule) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

func (v rule) ValidateString(ctx context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	if s := req.ConfigValue.ValueString(); !v.ok(s) {
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid Attribute Value Match",
			fmt.Sprintf("Attribute %s %s, got: %s", req.Path, v.Description(ctx), s))
	}
}

// ValidEmail is the rule EmailFormat applies, the one the contracts state
// ("a valid e-mail address"): an RFC 5322 address, without a display name
// or blanks. Nothing stricter: jane@localhost is a valid address, and a
// platform that takes it must not see it refused at plan time.
func ValidEmail(s string) bool {
	if strings.ContainsAny(s, " \t\r\n") {
		return false
	}
	a, err := mail.ParseAddress(s)
	return err == nil && a.Name == "" && a.Address == s
}

// MaxLength is the length rule most platforms document ("at most N
// characters"), counted in characters, not bytes.
func MaxLength(n int) validator.String {
	return stringvalidator.UTF8LengthAtMost(n)
}

var notBlank = regexp.MustCompile(`\S`)

// RequiredText is a required string of 1 to n characters that is not only
// white space (the APIs treat a blank value as missing).
func RequiredText(n int) validator.String {
	return stringvalidator.All(
		stringvalidator.UTF8LengthBetween(1, n),
		stringvalidator.RegexMatches(notBlank, "must not be blank"),
	)
}

// NotBlank refuses a value that is empty or only white space (a required
// field that the API would treat as missing).
func NotBlank() validator.String {
	return stringvalidator.RegexMatches(notBlank, "must not be blank")
}

// MatchesTrimmed is stringvalidator.RegexMatches applied to the value
// without the white space around it: the platform takes a code with blanks
// around it (and may store it trimmed), so only the code itself is checked.
func MatchesTrimmed(re *regexp.Regexp, message string) validator.String {
	return rule{ok: func(s string) bool { return re.MatchString(strings.TrimSpace(s)) }, description: message}
}

// RFC3339 validates a timestamp such as 2024-08-12T07:03:13Z (fractional
// seconds and a zone offset allowed), as time.Parse reads time.RFC3339.
func RFC3339() validator.String {
	return rule{ok: ValidRFC3339, description: "must be an RFC 3339 timestamp such as 2024-08-12T07:03:13Z"}
}

// ValidRFC3339 is the rule RFC3339 applies.
func ValidRFC3339(s string) bool {
	_, err := time.Parse(time.RFC3339, s)
	return err == nil
}
