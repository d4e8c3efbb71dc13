package webcommander

import (
	"encoding/json"
	"net/http"
	"strings"

	"github.com/customerops/terraform-provider-crm/internal/sandbox/httpjson"
)

// Messages: the contract fixes the name-required and duplicate ones; the
// rest are decided in the same style.
const (
	msgNameRequired  = "Customer name is required"
	msgEmailTaken    = "The email address is already registered"
	msgNotFound      = "Customer not found"
	msgBadToken      = "Invalid or expired access token"
	msgBadClient     = "Invalid client credentials"
	msgBadUser       = "Invalid username or password"
	msgBadRefresh    = "Invalid or expired refresh token"
	msgNoGrant       = "grant_type is required"
	msgBadGrant      = "Unsupported grant_type"
	msgInvalidJSON   = "Invalid JSON body"
	msgContentType   = "Content-Type must be application/json"
	msgNoRoute       = "Route not found"
	msgNoMethod      = "Method not allowed"
	msgEmailInvalid  = "The email address is not valid"
	msgGender        = "Gender must be one of male, female, other"
	msgStatus        = "Status must be one of active, inactive, pending, approval_awaiting, awaiting_verification"
	msgCountry       = "Unknown country"
	msgProfile       = "Unknown shipping profile"
	msgAmount        = "%s must be a non-negative decimal string with at most 2 decimals"
	msgString        = "%s must be a string"
	msgBoolean       = "%s must be a boolean"
	msgObject        = "%s must be an object"
	msgNewsletter    = "newsletter must be an object {\"subscribed\": boolean}"
	msgPassword      = "Password must not be empty"
	msgNonNegative   = "%s must be a non-negative integer"
	msgPositive      = "%s must be a positive integer"
	slugValidation   = "validation_failed"
	slugBadRequest   = "bad_request"
	slugUnauthorized = "unauthorized"
	slugBadClient    = "invalid_client"
	slugBadGrant     = "invalid_grant"
	slugNoGrantType  = "unsupported_grant_type"
	slugNotFound     = "not_found"
	slugConflict     = "conflict"
	slugNoMethod     = "method_not_allowed"
)

// Field error codes.
const (
	codeRequired = "required"
	codeInvalid  = "invalid"
)

// fieldError is one entry of the error body's errors list.
type fieldError struct {
	Field   string `json:"field"`
	Code    string `json:"code"`
	Message string `json:"message"`
}

// errorBody is every error (contract §3); errors only on validation.
type errorBody struct {
	Status  string       `json:"status"`
	Code    int          `json:"code"`
	Message string       `json:"message"`
	Error   string       `json:"error"`
	Errors  []fieldError `json:"errors,omitempty"`
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	httpjson.Write(w, status, v, FaultBody)
}

func fail(w http.ResponseWriter, status int, slug, message string) {
	writeJSON(w, status, errorBody{Status: "error", Code: status, Message: message, Error: slug})
}

// invalid is a 400 listing every failing field; its message is the first
// one's, so that "Customer name is required" is the message as well.
func invalid(w http.ResponseWriter, errs []fieldError) {
	writeJSON(w, http.StatusBadRequest, errorBody{Status: "error", Code: http.StatusBadRequest,
		Message: errs[0].Message, Error: slugValidation, Errors: errs})
}

// FaultBody is WebCommander's error body for a status the sandbox injects
// (429, 5xx): the status text as message, its snake_case as error.
func FaultBody(status int) []byte {
	text := http.StatusText(status)
	slug := strings.ToLower(strings.NewReplacer(" ", "_", "-", "_", "'", "").Replace(text))
	if slug == "" {
		slug = "error"
	}
	b, _ := json.Marshal(errorBody{Status: "error", Code: status, Message: text, Error: slug})
	return b
}
