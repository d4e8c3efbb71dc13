package crud

import (
	"fmt"
	"regexp"
)

// IDForm is the form of a platform's record ids. An id is checked before
// it goes into a URL, or into state on import, so a typo fails with a
// clear message instead of a confusing API error (or a request to
// another path).
type IDForm struct {
	What    string         // "an Axim customer"
	Pattern *regexp.Regexp // the whole id
	Rule    string         // "24 lower-case hexadecimal characters"
}

// PositiveIntegers is the form of ids that are positive integers written
// plainly ("007" and "+7" would name the same record to a parser, not to
// the API), at most 19 digits (an int64 has 19).
var PositiveIntegers = regexp.MustCompile(`^[1-9][0-9]{0,18}$`)

// Check reports whether id has the form.
func (f IDForm) Check(id string) error {
	if !f.Pattern.MatchString(id) {
		return fmt.Errorf("%q is not %s id: ids are %s", id, f.What, f.Rule)
	}
	return nil
}

// Path is prefix/id, once id is checked.
func (f IDForm) Path(prefix, id string) (string, error) {
	if err := f.Check(id); err != nil {
		return "", err
	}
	return prefix + "/" + id, nil
}
