package razorpay

import (
	"encoding/json"
	"net/http"

	"github.com/customerops/terraform-provider-crm/internal/sandbox/httpjson"
)

// errorBody is Razorpay's error envelope. Field is left out when no single
// input field is at fault (unknown id, duplicate, unknown route, 401).
type errorBody struct {
	Error errorDetail `json:"error"`
}

type errorDetail struct {
	Code        string   `json:"code"`
	Description string   `json:"description"`
	Field       string   `json:"field,omitempty"`
	Source      string   `json:"source"`
	Step        string   `json:"step"`
	Reason      string   `json:"reason"`
	Metadata    struct{} `json:"metadata"`
}

const codeBadRequest = "BAD_REQUEST_ERROR"

// Messages the contract fixes.
const (
	msgInvalidKey    = "The api key provided is invalid"
	msgNoSuchID      = "The id provided does not exist"
	msgBadID         = "id is not a valid id"
	msgExists        = "Customer already exists for the merchant"
	msgShortContact  = "Contact number should be at least 8 digits, including country code"
	msgGSTIN         = "The gstin field is invalid"
	msgURLNotFound   = "The requested URL was not found on the server."
	msgFailExisting  = `fail_existing must be a string "0" or "1"`
	msgInvalidJSON   = "The request body is not valid JSON"
	msgServerFailure = "The server encountered an error. The incident has been reported to admins."
	msgTooMany       = "Too many requests"
)

func writeJSON(w http.ResponseWriter, status int, v any) {
	httpjson.Write(w, status, v, FaultBody)
}

// inputError is a 400 for bad input: Razorpay's validation body.
func inputError(w http.ResponseWriter, desc, field string) {
	writeJSON(w, http.StatusBadRequest, errorBody{errorDetail{
		Code: codeBadRequest, Description: desc, Field: field,
		Source: "business", Step: "payment_initiation", Reason: "input_validation_failed",
	}})
}

// naError is the body of errors raised before any business logic (auth,
// routing, faults): source, step and reason are "NA".
func naError(code, desc string) errorBody {
	return errorBody{errorDetail{Code: code, Description: desc, Source: "NA", Step: "NA", Reason: "NA"}}
}

// FaultBody is Razorpay's error body for a status the sandbox injects:
// BAD_REQUEST_ERROR "Too many requests" for 429, SERVER_ERROR for 5xx.
func FaultBody(status int) []byte {
	var e errorBody
	switch {
	case status == http.StatusTooManyRequests:
		e = naError(codeBadRequest, msgTooMany)
	case status >= 500:
		e = naError("SERVER_ERROR", msgServerFailure)
	default:
		e = naError(codeBadRequest, http.StatusText(status))
	}
	b, _ := json.Marshal(e)
	return b
}
