// Package httpjson is JSON over HTTP as every part of the sandbox speaks it:
// request bodies read up to a limit, JSON answers, and the control
// surface's routes for the records of one kind (seed, list, get, mutate and
// delete out of band). The platform emulators and the sandbox core share
// it, so that each of them writes only what its API does differently.
package httpjson

import (
	"encoding/json"
	"io"
	"net/http"
)

// MaxBody bounds what one request may send, and what the request log keeps
// of it.
const MaxBody = 1 << 20

// ReadBody reads a request body of at most MaxBody bytes. A larger or
// unreadable body reads as "<", which is not JSON, so that every platform
// answers it as the malformed body it is.
func ReadBody(r *http.Request) []byte {
	if r.Body == nil {
		return nil
	}
	b, err := io.ReadAll(io.LimitReader(r.Body, MaxBody+1))
	if err != nil || len(b) > MaxBody {
		return []byte("<")
	}
	return b
}

// Write answers v as JSON with status, as a platform API does: one compact
// document, no trailing newline. A value that cannot be encoded is answered
// 500 with broken(500), the platform's own error body.
func Write(w http.ResponseWriter, status int, v any, broken func(status int) []byte) {
	b, err := json.Marshal(v)
	if err != nil {
		status = http.StatusInternalServerError
		b = broken(status)
	}
	w.Header()["Content-Type"] = []string{"application/json"}
	w.WriteHeader(status)
	_, _ = w.Write(b)
}
