package xtrakit

import (
	"crypto/subtle"
	"net/http"
	"strconv"
	"strings"

	"github.com/customerops/terraform-provider-crm/internal/sandbox/httpjson"
)

// Handler serves the Xtrakit API. Request paths are relative to the base URL
// (".../api/v1"), e.g. "/customers/3".
type Handler struct {
	store *Store
	key   []byte
}

// NewHandler serves store, accepting apiKey as the only bearer token.
func NewHandler(store *Store, apiKey string) *Handler {
	return &Handler{store: store, key: []byte(apiKey)}
}

// Routes (contract §1). "add" is only a route segment for POST; for other
// methods it is an id that is not an integer, so it is "not found" like any
// other bad id. Unknown paths and methods are decided: 404 / 405 in the usual
// error shape.
func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if msg := h.authError(r); msg != "" {
		fail(w, http.StatusUnauthorized, msg)
		return
	}
	resource, rest, _ := strings.Cut(strings.TrimPrefix(r.URL.Path, "/"), "/")
	var c collection
	switch resource {
	case "customers":
		c = customers{h.store}
	case "customer-groups":
		c = groups{h.store}
	default:
		fail(w, http.StatusNotFound, "Route not found")
		return
	}
	switch {
	case rest == "" && !strings.HasSuffix(r.URL.Path, "/"):
		if r.Method != http.MethodGet {
			notAllowed(w, "GET")
			return
		}
		c.list(w, r)
	case rest == "add" && r.Method == http.MethodPost:
		c.create(w, httpjson.ReadBody(r))
	case strings.Contains(rest, "/"):
		fail(w, http.StatusNotFound, "Route not found")
	default:
		if r.Method != http.MethodGet && r.Method != http.MethodPut && r.Method != http.MethodDelete {
			notAllowed(w, "GET, PUT, DELETE")
			return
		}
		id, ok := parseID(rest)
		if !ok {
			fail(w, http.StatusNotFound, c.notFound())
			return
		}
		switch r.Method {
		case http.MethodGet:
			c.get(w, id)
		case http.MethodPut:
			c.update(w, id, httpjson.ReadBody(r))
		default:
			c.delete(w, id)
		}
	}
}

// collection is one resource's handlers: customers or customer groups.
type collection interface {
	list(w http.ResponseWriter, r *http.Request)
	create(w http.ResponseWriter, body []byte)
	get(w http.ResponseWriter, id int64)
	update(w http.ResponseWriter, id int64, body []byte)
	delete(w http.ResponseWriter, id int64)
	notFound() string
}

// authError returns the seed's 401 message, or "" when the key is right.
func (h *Handler) authError(r *http.Request) string {
	auth := r.Header.Get("Authorization")
	// The scheme is case-insensitive (RFC 9110); the token is not.
	if len(auth) < 7 || !strings.EqualFold(auth[:7], "Bearer ") || strings.TrimSpace(auth[7:]) == "" {
		return "Unauthorized: Missing Bearer Token"
	}
	if subtle.ConstantTimeCompare([]byte(auth[7:]), h.key) != 1 {
		return "Unauthorized: Invalid API Key"
	}
	return ""
}

func notAllowed(w http.ResponseWriter, allow string) {
	w.Header().Set("Allow", allow)
	fail(w, http.StatusMethodNotAllowed, "Method not allowed")
}

// parseID accepts a positive decimal id made of digits only.
func parseID(s string) (int64, bool) {
	if s == "" || s[0] < '1' || s[0] > '9' {
		return 0, false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return 0, false
		}
	}
	id, err := strconv.ParseInt(s, 10, 64)
	return id, err == nil
}
