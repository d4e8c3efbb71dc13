package xtrakit_test

import (
	"fmt"
	"strconv"
)

func errorf(format string, args ...any) error { return fmt.Errorf(format, args...) }

// stringNumberEqual compares a group id (a string) with a customer's
// group_id (a number) by value.
type stringNumberEqual struct{}

func (stringNumberEqual) CompareValues(values ...any) error {
	if len(values) != 2 {
		return fmt.Errorf("want 2 values, got %d", len(values))
	}
	a, b := fmt.Sprint(values[0]), fmt.Sprint(values[1])
	if x, err := strconv.ParseFloat(a, 64); err == nil {
		a = strconv.FormatFloat(x, 'f', -1, 64)
	}
	if y, err := strconv.ParseFloat(b, 64); err == nil {
		b = strconv.FormatFloat(y, 'f', -1, 64)
	}
	if a != b {
		return fmt.Errorf("values differ: %s != %s", a, b)
	}
	return nil
}
