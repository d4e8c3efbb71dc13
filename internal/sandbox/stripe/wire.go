package stripe

import (
	"encoding/json"
	"net/http"

	"github.com/customerops/terraform-provider-crm/internal/sandbox/httpjson"
)

// Error types and codes (internal/stripe/CONTRACT.md §3).
const (
	typeInvalid     = "invalid_request_error"
	typeIdempotency = "idempotency_error"
	typeAPI         = "api_error"

	codeMissing      = "resource_missing"
	codeParamInvalid = "parameter_invalid"
	// codeParamInvalidInt is a value that should be an integer and is not.
	codeParamInvalidInt = "parameter_invalid_integer"
	codeParamUnknown    = "parameter_unknown"
	codeParamMissing    = "parameter_missing"
	codeEmailInvalid    = "email_invalid"
	codeRateLimit       = "rate_limit"
	codeKeyInUse        = "idempotency_key_in_use"
)

// ShouldRetry is the header with which Stripe tells a client whether
// retrying an error would help (internal/stripe/CONTRACT.md §3).
const ShouldRetry = "Stripe-Should-Retry"

// apiError is the inside of Stripe's error body.
type apiError struct {
	Type    string `json:"type"`
	Code    string `json:"code,omitempty"`
	Message string `json:"message"`
	Param   string `json:"param,omitempty"`
	DocURL  string `json:"doc_url,omitempty"`
}

// errorBody is every error: {"error":{...}}.
type errorBody struct {
	Error apiError `json:"error"`
}

// list is a list object.
type list struct {
	Object  string     `json:"object"`
	Data    []Customer `json:"data"`
	HasMore bool       `json:"has_more"`
	URL     string     `json:"url"`
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	FaultHeader(status, w.Header())
	httpjson.Write(w, status, v, FaultBody)
}

// FaultHeader is Stripe's advice on retrying an error it answers with
// status (internal/stripe/CONTRACT.md §3): "true" on a 409 (a request
// with the same idempotency key still being handled) and a 429 (a retry
// after a wait may pass), "false" on any other 4xx, which a retry would
// only repeat. A 5xx gets none: the sandbox's stand for a gateway's or an
// unknown failure, where Stripe does not say. Success gets none.
func FaultHeader(status int, h http.Header) {
	switch {
	case status == http.StatusConflict || status == http.StatusTooManyRequests:
		h.Set(ShouldRetry, "true")
	case status >= 400 && status < 500:
		h.Set(ShouldRetry, "false")
	}
}

func fail(w http.ResponseWriter, status int, e apiError) {
	if e.Type == "" {
		e.Type = typeInvalid
	}
	if e.Code != "" {
		e.DocURL = "https://stripe.com/docs/error-codes/" + e.Code
	}
	writeJSON(w, status, errorBody{Error: e})
}

// noSuchCustomer is the 404 for an unknown or deleted customer.
func noSuchCustomer(id string) apiError {
	return apiError{Code: codeMissing, Message: "No such customer: '" + id + "'", Param: "id"}
}

// keyInUse is the 409 for a request whose idempotency key another request
// still being handled holds.
func keyInUse(key string) apiError {
	return apiError{Type: typeIdempotency, Code: codeKeyInUse, DocURL: "https://stripe.com/docs/error-codes/" + codeKeyInUse,
		Message: "There is currently another in-progress request using this Idempotency-Key (that probably means you submitted twice, and the other request is still going through): " + key + ". Please try again later."}
}

// FaultBody is Stripe's error body for a status the sandbox answers itself
// (429, 409, 5xx).
func FaultBody(status int) []byte {
	e := apiError{Type: typeAPI, Message: http.StatusText(status)}
	switch status {
	case http.StatusTooManyRequests:
		e = apiError{Type: typeInvalid, Code: codeRateLimit, Message: "Too many requests hit the API too quickly."}
	case http.StatusConflict:
		e = keyInUse("(injected)")
	}
	b, _ := json.Marshal(errorBody{Error: e})
	return b
}
