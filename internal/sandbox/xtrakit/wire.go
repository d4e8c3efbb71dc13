package xtrakit

import (
	"encoding/json"
	"net/http"

	"github.com/customerops/terraform-provider-crm/internal/sandbox/httpjson"
)

// envelope is the success body: {"status":200,"message":"...","data":{...}}.
type envelope struct {
	Status  int    `json:"status"`
	Message string `json:"message"`
	Data    any    `json:"data,omitempty"`
}

// apiError is every error body: {"status":N,"error":"..."} plus the 422 errors.
type apiError struct {
	Status int                 `json:"status"`
	Error  string              `json:"error"`
	Errors map[string][]string `json:"errors,omitempty"`
}

type customerData struct {
	Customer Customer `json:"customer"`
}

// customerGroupData is GET and PUT's data: the customer plus its group.
type customerGroupData struct {
	Customer Customer `json:"customer"`
	Groups   []Group  `json:"customer-group"`
}

type groupData struct {
	Group Group `json:"group"`
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	httpjson.Write(w, status, v, FaultBody)
}

func ok(w http.ResponseWriter, message string, data any) {
	writeJSON(w, http.StatusOK, envelope{Status: http.StatusOK, Message: message, Data: data})
}

func fail(w http.ResponseWriter, status int, msg string) {
	writeJSON(w, status, apiError{Status: status, Error: msg})
}

func invalid(w http.ResponseWriter, errs map[string][]string) {
	writeJSON(w, http.StatusUnprocessableEntity, apiError{
		Status: http.StatusUnprocessableEntity, Error: "Validation failed", Errors: errs,
	})
}

// FaultBody is Xtrakit's error body for a status the sandbox injects (429,
// 5xx): the same {"status","error"} shape as its other errors.
func FaultBody(status int) []byte {
	b, _ := json.Marshal(apiError{Status: status, Error: http.StatusText(status)})
	return b
}
