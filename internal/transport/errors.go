package transport

import (
	"errors"
	"fmt"
	"net/http"
	"strings"
)

// ErrNotFound matches (with errors.Is) an APIError that means "this record
// does not exist": a 404, or whatever a platform uses instead (Razorpay
// answers 400 "The id provided does not exist").
var ErrNotFound = errors.New("record not found")

// APIError is a non-2xx answer from a platform, decoded from its own error
// body so the diagnostic shows the platform's words, not ours.
type APIError struct {
	Platform string
	Method   string
	Path     string
	Status   int
	// Message is the platform's own error text.
	Message string
	// Field names the request field the platform blamed, when it says.
	Field string
	// Details holds further per-field messages, already formatted.
	Details []string
	// NotFound is set by the platform's decoder when the answer means the
	// record is gone.
	NotFound bool
	// Attempts is how many times the request was sent, retries included.
	Attempts int
}

func (e *APIError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s API: %s %s answered %d %s", e.Platform, e.Method, e.Path, e.Status, http.StatusText(e.Status))
	if e.Message != "" {
		fmt.Fprintf(&b, ": %s", e.Message)
	}
	if e.Field != "" {
		fmt.Fprintf(&b, " (field %q)", e.Field)
	}
	if len(e.Details) > 0 {
		fmt.Fprintf(&b, " [%s]", strings.Join(e.Details, "; "))
	}
	b.WriteString(attemptsSuffix(e.Attempts))
	return b.String()
}

// attemptsSuffix tells the user that retries were tried and spent.
func attemptsSuffix(n int) string {
	if n <= 1 {
		return ""
	}
	return fmt.Sprintf(" (after %d attempts)", n)
}

// Is lets callers write errors.Is(err, transport.ErrNotFound).
func (e *APIError) Is(target error) bool {
	return target == ErrNotFound && e.NotFound
}

// IsNotFound reports whether err means the record no longer exists.
func IsNotFound(err error) bool { return errors.Is(err, ErrNotFound) }

// AsAPIError returns the APIError inside err, if any.
func AsAPIError(err error) (*APIError, bool) {
	var apiErr *APIError
	ok := errors.As(err, &apiErr)
	return apiErr, ok
}

// IsOutcomeUnknown reports whether the platform may have acted on a
// request that failed: no answer at all (timeout, dropped connection), or
// a 500, 502, 503 or 504, which a gateway or an overloaded origin may send
// after the record was committed.
// A create that fails this way must be reconciled, not retried blindly.
// Requests never sent (credentials not obtained, the rate limiter gave up)
// are not: nothing can have been committed.
func IsOutcomeUnknown(err error) bool {
	if err == nil || isAuthError(err) || errors.Is(err, errNotSent) {
		return false
	}
	apiErr, answered := AsAPIError(err)
	if !answered {
		return true
	}
	switch apiErr.Status {
	case http.StatusInternalServerError, http.StatusBadGateway, http.StatusServiceUnavailable, http.StatusGatewayTimeout:
		return true
	}
	return false
}

// errNotSent marks a request that failed before it left the client.
var errNotSent = errors.New("request not sent")

// ErrorDecoder turns a platform's non-2xx body into an APIError. It fills
// Message, Field, Details and NotFound; the client fills the rest.
type ErrorDecoder func(status int, body []byte) *APIError
