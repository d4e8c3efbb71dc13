package razorpay

import (
	"bytes"
	"encoding/json"
	"errors"
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

// collection is the list envelope.
type collection struct {
	Entity string     `json:"entity"`
	Count  int        `json:"count"`
	Items  []Customer `json:"items"`
}

// wireNotes is notes as Razorpay writes them: [] when empty (a PHP empty
// array), an object otherwise.
type wireNotes map[string]string

func (n wireNotes) MarshalJSON() ([]byte, error) {
	if len(n) == 0 {
		return []byte("[]"), nil
	}
	return json.Marshal(map[string]string(n))
}

func (n *wireNotes) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	switch {
	case string(b) == "null":
		*n = nil
		return nil
	case len(b) > 0 && b[0] == '[':
		var arr []json.RawMessage
		if err := json.Unmarshal(b, &arr); err != nil {
			return err
		}
		if len(arr) != 0 {
			return errors.New("notes: a non-empty array is not a notes object")
		}
		*n = nil
		return nil
	}
	var m map[string]string
	if err := json.Unmarshal(b, &m); err != nil {
		return err
	}
	*n = m
	return nil
}

// customerJSON is Customer with notes in their wire form, fields in
// Razorpay's order.
type customerJSON struct {
	ID        string    `json:"id"`
	Entity    string    `json:"entity"`
	Name      string    `json:"name"`
	Email     string    `json:"email"`
	Contact   string    `json:"contact"`
	GSTIN     *string   `json:"gstin"`
	Notes     wireNotes `json:"notes"`
	CreatedAt int64     `json:"created_at"`
}

// MarshalJSON writes empty notes as [] (internal/razorpay/CONTRACT.md §6).
func (c Customer) MarshalJSON() ([]byte, error) {
	return json.Marshal(customerJSON{c.ID, c.Entity, c.Name, c.Email, c.Contact, c.GSTIN, wireNotes(c.Notes), c.CreatedAt})
}

// UnmarshalJSON reads notes given as [] or as an object.
func (c *Customer) UnmarshalJSON(b []byte) error {
	var v customerJSON
	if err := json.Unmarshal(b, &v); err != nil {
		return err
	}
	*c = Customer{v.ID, v.Entity, v.Name, v.Email, v.Contact, v.GSTIN, map[string]string(v.Notes), v.CreatedAt}
	return nil
}
