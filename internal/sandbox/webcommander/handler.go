package webcommander

import (
	"errors"
	"mime"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/customerops/terraform-provider-crm/internal/sandbox/httpjson"
	"github.com/customerops/terraform-provider-crm/internal/sandbox/records"
)

// Handler serves one WebCommander store. Request paths are relative to the
// store URL, e.g. "/api/v4/admin/customers/3".
type Handler struct {
	store *Store
	creds Credentials
}

// NewHandler serves store, issuing tokens to creds only.
func NewHandler(store *Store, creds Credentials) *Handler {
	return &Handler{store: store, creds: creds}
}

// APIBase is the API's path under the store URL.
const APIBase = "/api/v4"

// maxLimit is both the default and the largest page size (internal/webcommander/CONTRACT.md §2).
const maxLimit = 20

// ServeHTTP routes (internal/webcommander/CONTRACT.md §1): /api/v4/oauth2/token (POST, no bearer
// needed), then, with a bearer token, /api/v4/admin/customers (GET list,
// POST create) and /api/v4/admin/customers/{id} (GET, PUT, DELETE).
// Other paths are 404 "Route not found", other methods 405 (decided).
func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	rest, inAPI := strings.CutPrefix(r.URL.Path, APIBase)
	switch {
	case !inAPI || (rest != "" && rest[0] != '/'):
		fail(w, http.StatusNotFound, slugNotFound, msgNoRoute)
		return
	case rest == "/oauth2/token":
		if r.Method != http.MethodPost {
			notAllowed(w, "POST")
			return
		}
		h.token(w, r)
		return
	case !h.authorized(r):
		fail(w, http.StatusUnauthorized, slugUnauthorized, msgBadToken)
		return
	}
	rest, isCustomers := strings.CutPrefix(rest, "/admin/customers")
	switch {
	case !isCustomers || (rest != "" && rest[0] != '/') || rest == "/" || strings.Contains(rest[min(1, len(rest)):], "/"):
		fail(w, http.StatusNotFound, slugNotFound, msgNoRoute)
	case rest == "":
		switch r.Method {
		case http.MethodGet:
			h.list(w, r.URL.Query())
		case http.MethodPost:
			h.create(w, r)
		default:
			notAllowed(w, "GET, POST")
		}
	default:
		if r.Method != http.MethodGet && r.Method != http.MethodPut && r.Method != http.MethodDelete {
			notAllowed(w, "GET, PUT, DELETE")
			return
		}
		// A malformed id is answered like an unknown one (decided).
		id, err := strconv.ParseInt(rest[1:], 10, 64)
		if err != nil || id <= 0 || !digits(rest[1:]) {
			fail(w, http.StatusNotFound, slugNotFound, msgNotFound)
			return
		}
		switch r.Method {
		case http.MethodGet:
			h.get(w, id)
		case http.MethodPut:
			h.update(w, r, id)
		default:
			h.delete(w, id)
		}
	}
}

func notAllowed(w http.ResponseWriter, allow string) {
	w.Header().Set("Allow", allow)
	fail(w, http.StatusMethodNotAllowed, slugNoMethod, msgNoMethod)
}

// jsonBody answers 400 unless the request says its body is JSON.
func jsonBody(w http.ResponseWriter, r *http.Request) bool {
	if mt, _, err := mime.ParseMediaType(r.Header.Get("Content-Type")); err != nil || mt != "application/json" {
		fail(w, http.StatusBadRequest, slugBadRequest, msgContentType)
		return false
	}
	return true
}

// read decodes a create (create = true) or PUT body and reads it with
// readInput, answering 400 itself.
func read(w http.ResponseWriter, r *http.Request, create bool) (*input, bool) {
	if !jsonBody(w, r) {
		return nil, false
	}
	o, good := httpjson.DecodeObject(httpjson.ReadBody(r), true)
	if !good {
		fail(w, http.StatusBadRequest, slugBadRequest, msgInvalidJSON)
		return nil, false
	}
	in, errs := readInput(o, create)
	if errs != nil {
		invalid(w, errs)
		return nil, false
	}
	return in, true
}

func (h *Handler) create(w http.ResponseWriter, r *http.Request) {
	in, good := read(w, r, true)
	if !good {
		return
	}
	c, err := h.store.create(in)
	if err != nil {
		fail(w, http.StatusConflict, slugConflict, msgEmailTaken)
		return
	}
	writeJSON(w, http.StatusCreated, customerBody{toWire(&c)})
}

func (h *Handler) get(w http.ResponseWriter, id int64) {
	c, found := h.store.Customers.Get(id)
	if !found {
		fail(w, http.StatusNotFound, slugNotFound, msgNotFound)
		return
	}
	writeJSON(w, http.StatusOK, customerBody{toWire(&c)})
}

func (h *Handler) update(w http.ResponseWriter, r *http.Request, id int64) {
	// An unknown id is 404 even when the body is also invalid.
	if _, found := h.store.Customers.Get(id); !found {
		fail(w, http.StatusNotFound, slugNotFound, msgNotFound)
		return
	}
	in, good := read(w, r, false)
	if !good {
		return
	}
	c, err := h.store.update(id, in)
	switch {
	case errors.Is(err, records.ErrNotFound):
		fail(w, http.StatusNotFound, slugNotFound, msgNotFound)
	case err != nil:
		fail(w, http.StatusConflict, slugConflict, msgEmailTaken)
	default:
		writeJSON(w, http.StatusOK, customerBody{toWire(&c)})
	}
}

func (h *Handler) delete(w http.ResponseWriter, id int64) {
	if !h.store.Customers.Delete(id) {
		fail(w, http.StatusNotFound, slugNotFound, msgNotFound)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

// list pages the customers in id order: limit 1.. (default 20, larger
// capped to 20), offset 0.., email exact and case-insensitive (present but
// empty: matches nothing). A repeated parameter uses its first value.
func (h *Handler) list(w http.ResponseWriter, q url.Values) {
	var v validator
	limit := min(v.count(q, "limit", maxLimit, 1), maxLimit)
	offset := v.count(q, "offset", 0, 0)
	if v.errs != nil {
		invalid(w, v.errs)
		return
	}
	match := func(*Customer) bool { return true }
	if vals, ok := q["email"]; ok {
		email := vals[0]
		match = func(c *Customer) bool { return email != "" && strings.EqualFold(c.Email, email) }
	}
	page, total := h.store.Customers.Page(match, offset, limit)
	out := listBody{Customers: make([]wireCustomer, len(page)),
		Pagination: pagination{Total: total, Limit: limit, Offset: offset, HasNext: offset+len(page) < total}}
	for i := range page {
		out.Customers[i] = toWire(&page[i])
	}
	writeJSON(w, http.StatusOK, out)
}

// maxCount bounds limit and offset so that offset+limit cannot overflow,
// also where int is 32 bits (the provider ships for 386 and arm, sandbox
// included).
const maxCount = 1 << 29

// count reads an optional decimal query parameter of at least least.
func (v *validator) count(q url.Values, name string, def, least int) int {
	vals, ok := q[name]
	if !ok {
		return def
	}
	n, err := strconv.Atoi(vals[0])
	if err != nil || n < least || !digits(vals[0]) {
		msg := msgNonNegative
		if least > 0 {
			msg = msgPositive
		}
		v.fail(name, codeInvalid, msg)
		return def
	}
	return min(n, maxCount)
}
