package httpjson

import (
	"encoding/json"
	"net/http"
	"strconv"
)

// Reply answers v as JSON with status, as the control surface does: one
// line, ended by a newline (pleasant with curl).
func Reply(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

// controlError is every control-surface error body: {"error": "..."}.
type controlError struct {
	Error string `json:"error"`
}

// Fail answers a control-surface error: {"error": msg}.
func Fail(w http.ResponseWriter, status int, msg string) {
	Reply(w, status, controlError{msg})
}

// Decode reads a control-surface JSON body into v and answers 400 itself
// when it cannot. Unknown fields are refused, so that a typo in a demo
// script fails loudly; numbers decoded into an interface stay json.Number,
// so that a patch keeps every digit it sends (an Axim metaField value
// 12345678901234567890 is not rounded through float64).
func Decode(w http.ResponseWriter, r *http.Request, v any) bool {
	d := json.NewDecoder(http.MaxBytesReader(w, r.Body, MaxBody))
	d.DisallowUnknownFields()
	d.UseNumber()
	if err := d.Decode(v); err != nil {
		Fail(w, http.StatusBadRequest, "invalid JSON: "+err.Error())
		return false
	}
	return true
}

// Collection is one kind of record as the control surface changes it out
// of band, bypassing the API's rules.
type Collection[K, T any] interface {
	Seed(rec T) T
	Get(id K) (T, bool)
	List() []T
	Mutate(id K, patch map[string]any) error
	Delete(id K) bool
}

// Records serves c under path (e.g. "/_sandbox/xtrakit/customers"):
//
//	GET    path       every record
//	POST   path       seed one: 201 with the record as stored
//	GET    path/{id}  one record, or 404
//	PATCH  path/{id}  change the fields the body names: 200 with the result
//	DELETE path/{id}  204, or 404
//
// id parses the {id} path segment; an id it refuses is 404 like an unknown
// one.
func Records[K, T any](m *http.ServeMux, path string, id func(string) (K, bool), c Collection[K, T]) {
	withID := func(h func(w http.ResponseWriter, r *http.Request, id K)) http.HandlerFunc {
		return func(w http.ResponseWriter, r *http.Request) {
			k, ok := id(r.PathValue("id"))
			if !ok {
				notFound(w)
				return
			}
			h(w, r, k)
		}
	}
	m.HandleFunc("GET "+path, func(w http.ResponseWriter, _ *http.Request) {
		Reply(w, http.StatusOK, c.List())
	})
	m.HandleFunc("POST "+path, func(w http.ResponseWriter, r *http.Request) {
		var rec T
		if Decode(w, r, &rec) {
			Reply(w, http.StatusCreated, c.Seed(rec))
		}
	})
	m.HandleFunc("GET "+path+"/{id}", withID(func(w http.ResponseWriter, _ *http.Request, id K) {
		found(w, c, id)
	}))
	m.HandleFunc("PATCH "+path+"/{id}", withID(func(w http.ResponseWriter, r *http.Request, id K) {
		if _, ok := c.Get(id); !ok {
			notFound(w)
			return
		}
		var patch map[string]any
		if !Decode(w, r, &patch) {
			return
		}
		if err := c.Mutate(id, patch); err != nil {
			Fail(w, http.StatusBadRequest, err.Error())
			return
		}
		found(w, c, id)
	}))
	m.HandleFunc("DELETE "+path+"/{id}", withID(func(w http.ResponseWriter, _ *http.Request, id K) {
		if !c.Delete(id) {
			notFound(w)
			return
		}
		w.WriteHeader(http.StatusNoContent)
	}))
}

func found[K, T any](w http.ResponseWriter, c Collection[K, T], id K) {
	rec, ok := c.Get(id)
	if !ok {
		notFound(w)
		return
	}
	Reply(w, http.StatusOK, rec)
}

func notFound(w http.ResponseWriter) { Fail(w, http.StatusNotFound, "not found") }

// IntID reads a numeric record id.
func IntID(s string) (int64, bool) {
	id, err := strconv.ParseInt(s, 10, 64)
	return id, err == nil
}

// StringID takes the path segment as the id.
func StringID(s string) (string, bool) { return s, true }
