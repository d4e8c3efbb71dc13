package axim

import (
	"encoding/json"
	"net/http"

	"github.com/customerops/terraform-provider-crm/internal/sandbox/httpjson"
)

// Messages: the contract fixes the update, delete, 401, 404 and duplicate
// ones; the rest are decided in the same style.
const (
	msgCreated      = "Customer created successfully"
	msgFetched      = "Customer retrieved successfully"
	msgListed       = "Customers retrieved successfully"
	msgUpdated      = "Customer updated successfully"
	msgDeleted      = "Customer deleted successfully"
	msgNotFound     = "Customer not found"
	msgUnauthorized = "Unauthorized"
	msgExists       = "Customer with this email already exists"
	msgValidation   = "Validation failed"
	msgInvalidJSON  = "Invalid JSON body"
	msgContentType  = "Content-Type must be application/json"
	msgNoRoute      = "Route not found"
	msgNoMethod     = "Method not allowed"
)

// envelope is the success body: {"success":true,"message":"...","data":...},
// plus meta on lists. Delete has no data.
type envelope struct {
	Success bool   `json:"success"`
	Message string `json:"message"`
	Data    any    `json:"data,omitempty"`
	Meta    *meta  `json:"meta,omitempty"`
}

// meta is a list's paging: the page and limit used, and how many match.
type meta struct {
	Page  int `json:"page"`
	Limit int `json:"limit"`
	Total int `json:"total"`
}

// errorBody is every error: {"success":false,"message":"..."} plus the
// field errors of a validation failure.
type errorBody struct {
	Success bool         `json:"success"`
	Message string       `json:"message"`
	Errors  []fieldError `json:"errors,omitempty"`
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	httpjson.Write(w, status, v, FaultBody)
}

func ok(w http.ResponseWriter, status int, message string, data any) {
	writeJSON(w, status, envelope{Success: true, Message: message, Data: data})
}

func fail(w http.ResponseWriter, status int, message string) {
	writeJSON(w, status, errorBody{Message: message})
}

// invalid is a 400 listing every failing field.
func invalid(w http.ResponseWriter, errs []fieldError) {
	writeJSON(w, http.StatusBadRequest, errorBody{Message: msgValidation, Errors: errs})
}

// FaultBody is Axim's error body for a status the sandbox injects (429,
// 5xx): {"success":false,"message":<the status text>}.
func FaultBody(status int) []byte {
	b, _ := json.Marshal(errorBody{Message: http.StatusText(status)})
	return b
}
