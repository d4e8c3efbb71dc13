package attr

import (
	"regexp"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
)

// emailPattern is deliberately plain: one @, a dot in the domain, no spaces.
// The platforms check further; this catches typos at plan time.
var emailPattern = regexp.MustCompile(`^[^\s@]+@[^\s@]+\.[^\s@]+$`)

// EmailFormat validates a well-formed e-mail address.
func EmailFormat() validator.String {
	return stringvalidator.RegexMatches(emailPattern, "must be a valid e-mail address (name@domain.tld)")
}

// MaxLength is the length rule most platforms document ("at most N
// characters"), counted in characters, not bytes.
func MaxLength(n int) validator.String {
	return stringvalidator.UTF8LengthAtMost(n)
}

// RequiredText is a required string that must not be empty and is at most n
// characters long.
func RequiredText(n int) validator.String {
	return stringvalidator.UTF8LengthBetween(1, n)
}
