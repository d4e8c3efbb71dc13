package xtrakit

import (
	"crypto/subtle"
	"errors"
	"net/http"
	"strconv"
	"strings"

	"github.com/customerops/terraform-provider-crm/internal/sandbox/httpjson"
	"github.com/customerops/terraform-provider-crm/internal/sandbox/records"
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

// Routes (internal/xtrakit/CONTRACT.md §1). "add" is only a route segment for POST; for other
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

// authError returns the vendor's 401 message (CONTRACT.md §3), or "" when
// the key is right.
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

// read decodes a create or PUT body and reads it with readInput(fields),
// answering 400 (not a JSON object) or 422 (invalid fields) itself.
func read[T any](w http.ResponseWriter, body []byte, fields func(*validator) T) (T, bool) {
	var zero T
	o, good := httpjson.DecodeObject(body, false)
	if !good {
		fail(w, http.StatusBadRequest, "Invalid JSON")
		return zero, false
	}
	in, errs := readInput(o, fields)
	if errs != nil {
		invalid(w, errs)
		return zero, false
	}
	return in, true
}

// customers serves /customers. Create and PUT take the same body and the same
// validation; PUT replaces the whole record (absent optionals become null).
type customers struct{ s *Store }

func (customers) notFound() string { return "Customer not found" }

func (c customers) list(w http.ResponseWriter, r *http.Request) {
	var group *int64
	if v, ok := r.URL.Query()["customer_group_id"]; ok {
		id, err := parseQueryInt(v[0])
		if err != nil {
			invalid(w, map[string][]string{"customer_group_id": {"The customer group id field must be an integer."}})
			return
		}
		group = &id
	}
	ok(w, "Customers retrieved successfully", map[string][]Customer{"customers": c.s.listCustomers(group)})
}

func (c customers) create(w http.ResponseWriter, body []byte) {
	cust, good := read(w, body, c.fields)
	if !good {
		return
	}
	cust, err := c.s.createCustomer(cust)
	if err != nil {
		unknownGroup(w)
		return
	}
	ok(w, "Customer created successfully", customerData{cust})
}

func (c customers) get(w http.ResponseWriter, id int64) {
	cust, groups, found := c.s.customerWithGroups(id)
	if !found {
		fail(w, http.StatusNotFound, c.notFound())
		return
	}
	ok(w, "Customer retrieved successfully", customerGroupData{cust, groups})
}

func (c customers) update(w http.ResponseWriter, id int64, body []byte) {
	// An unknown id is 404 even when the body is also invalid.
	if _, found := c.s.Customers.Get(id); !found {
		fail(w, http.StatusNotFound, c.notFound())
		return
	}
	cust, good := read(w, body, c.fields)
	if !good {
		return
	}
	cust, groups, err := c.s.updateCustomer(id, cust)
	switch {
	case errors.Is(err, records.ErrNotFound):
		fail(w, http.StatusNotFound, c.notFound())
	case err != nil:
		unknownGroup(w)
	default:
		ok(w, "Customer updated successfully", customerGroupData{cust, groups})
	}
}

func (c customers) delete(w http.ResponseWriter, id int64) {
	if c.s.deleteCustomer(id) != nil {
		fail(w, http.StatusNotFound, c.notFound())
		return
	}
	ok(w, "Customer deleted successfully", nil)
}

// fields reads a customer body's fields and checks that its group exists.
func (c customers) fields(v *validator) Customer {
	cust := v.customer()
	if cust.CustomerGroupID != nil {
		if _, found := c.s.Groups.Get(*cust.CustomerGroupID); !found {
			v.fail("customer_group_id", msgExists)
		}
	}
	return cust
}

// unknownGroup answers a group deleted between validation and the write.
func unknownGroup(w http.ResponseWriter) {
	invalid(w, map[string][]string{"customer_group_id": {"The selected customer group id is invalid."}})
}

// parseQueryInt reads an integer query value; an unknown group simply
// filters everything out.
func parseQueryInt(s string) (int64, error) {
	if strings.HasPrefix(s, "+") {
		return 0, errors.New("not an integer")
	}
	return strconv.ParseInt(s, 10, 64)
}
