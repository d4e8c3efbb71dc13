package transport

import (
	"context"
	"errors"
	"fmt"
	"io"
	"testing"
)

func TestAPIErrorMessage(t *testing.T) {
	cases := []struct {
		err  APIError
		want string
	}{
		{
			APIError{Platform: "xtrakit", Method: "PUT", Path: "/customers/7", Status: 422,
				Message: "email is invalid", Field: "email", Details: []string{"email: bad format", "phone: too short"}},
			`xtrakit API: PUT /customers/7 answered 422 Unprocessable Entity: email is invalid (field "email") [email: bad format; phone: too short]`,
		},
		{
			APIError{Platform: "razorpay", Method: "GET", Path: "/v1/customers/cust_1", Status: 400, Message: "The id provided does not exist"},
			`razorpay API: GET /v1/customers/cust_1 answered 400 Bad Request: The id provided does not exist`,
		},
		{
			APIError{Platform: "axim", Method: "DELETE", Path: "/x", Status: 404},
			`axim API: DELETE /x answered 404 Not Found`,
		},
		{
			APIError{Platform: "axim", Method: "POST", Path: "/x", Status: 400, Field: "name"},
			`axim API: POST /x answered 400 Bad Request (field "name")`,
		},
	}
	for _, tc := range cases {
		if got := tc.err.Error(); got != tc.want {
			t.Errorf("Error() =\n  %s\nwant\n  %s", got, tc.want)
		}
	}
}

func TestErrNotFoundMatching(t *testing.T) {
	notFound := &APIError{Platform: "p", Status: 404, NotFound: true}
	platformNotFound := &APIError{Platform: "razorpay", Status: 400, Message: "The id provided does not exist", NotFound: true}
	plain404 := &APIError{Platform: "p", Status: 404}
	conflict := &APIError{Platform: "p", Status: 409}

	for _, err := range []error{notFound, platformNotFound, fmt.Errorf("reading: %w", notFound), fmt.Errorf("a: %w", fmt.Errorf("b: %w", platformNotFound))} {
		if !errors.Is(err, ErrNotFound) || !IsNotFound(err) {
			t.Errorf("%v: want errors.Is(err, ErrNotFound)", err)
		}
	}
	for _, err := range []error{plain404, conflict, fmt.Errorf("x: %w", conflict), errors.New("record not found"), io.EOF, nil} {
		if errors.Is(err, ErrNotFound) || IsNotFound(err) {
			t.Errorf("%v: must not match ErrNotFound", err)
		}
	}
	// Is only answers for ErrNotFound.
	if notFound.Is(io.EOF) || notFound.Is(errors.New("record not found")) {
		t.Error("APIError.Is matched an unrelated error")
	}
}

func TestAsAPIError(t *testing.T) {
	inner := &APIError{Platform: "p", Status: 500}
	if got, ok := AsAPIError(fmt.Errorf("wrapped: %w", inner)); !ok || got != inner {
		t.Errorf("AsAPIError(wrapped) = %v, %v", got, ok)
	}
	if got, ok := AsAPIError(errors.New("x")); ok || got != nil {
		t.Errorf("AsAPIError(plain) = %v, %v", got, ok)
	}
	if _, ok := AsAPIError(nil); ok {
		t.Error("AsAPIError(nil) ok")
	}
}

func TestIsOutcomeUnknown(t *testing.T) {
	apiErr := &APIError{Platform: "p", Status: 422}
	known := []error{nil, apiErr, fmt.Errorf("create: %w", apiErr), &APIError{NotFound: true}, &APIError{Status: 429}, &APIError{Status: 409}}
	for _, err := range known {
		if IsOutcomeUnknown(err) {
			t.Errorf("IsOutcomeUnknown(%v) = true, want false", err)
		}
	}
	unknown := []error{io.EOF, io.ErrUnexpectedEOF, context.DeadlineExceeded, fmt.Errorf("p API: POST /x: %w", io.EOF),
		&APIError{Status: 500}, &APIError{Status: 502}, fmt.Errorf("create: %w", &APIError{Status: 503}), &APIError{Status: 504}}
	for _, err := range unknown {
		if !IsOutcomeUnknown(err) {
			t.Errorf("IsOutcomeUnknown(%v) = false, want true", err)
		}
	}
}
