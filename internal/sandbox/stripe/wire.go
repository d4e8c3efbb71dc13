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
)

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
	httpjson.Write(w, status, v, FaultBody)
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

// FaultBody is Stripe's error body for a status the sandbox answers itself
// (429, 5xx).
func FaultBody(status int) []byte {
	e := apiError{Type: typeAPI, Message: http.StatusText(status)}
	if status == http.StatusTooManyRequests {
		e = apiError{Type: typeInvalid, Code: codeRateLimit, Message: "Too many requests hit the API too quickly."}
	}
	b, _ := json.Marshal(errorBody{Error: e})
	return b
}
