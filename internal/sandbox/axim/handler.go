package axim

import (
	"crypto/subtle"
	"errors"
	"mime"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/customerops/terraform-provider-crm/internal/sandbox/httpjson"
	"github.com/customerops/terraform-provider-crm/internal/sandbox/records"
)

// Handler serves the AximCommerce customers API. Request paths are relative
// to the base URL, e.g. "/customers/638df9e713920facde1a1cfa".
type Handler struct {
	store *Store
	token []byte
}

// NewHandler serves store, accepting only accessToken in the accessToken
// header.
func NewHandler(store *Store, accessToken string) *Handler {
	return &Handler{store: store, token: []byte(accessToken)}
}

// maxLimit is both the default and the largest page size (internal/axim/CONTRACT.md §2).
const maxLimit = 10

// Routes (internal/axim/CONTRACT.md §1): /customers (GET list, POST create) and
// /customers/{id} (GET, PUT, DELETE). Other paths are 404 "Route not found",
// other methods 405 "Method not allowed" (decided).
func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if !h.authorized(r) {
		fail(w, http.StatusUnauthorized, msgUnauthorized)
		return
	}
	rest, isCustomers := strings.CutPrefix(r.URL.Path, "/customers")
	switch {
	case !isCustomers || (rest != "" && rest[0] != '/'):
		fail(w, http.StatusNotFound, msgNoRoute)
	case rest == "":
		switch r.Method {
		case http.MethodGet:
			h.list(w, r.URL.Query())
		case http.MethodPost:
			h.create(w, r)
		default:
			notAllowed(w, "GET, POST")
		}
	case rest == "/" || strings.Contains(rest[1:], "/"):
		fail(w, http.StatusNotFound, msgNoRoute)
	default:
		id := rest[1:]
		if r.Method != http.MethodGet && r.Method != http.MethodPut && r.Method != http.MethodDelete {
			notAllowed(w, "GET, PUT, DELETE")
			return
		}
		// A malformed id is answered like an unknown one (decided).
		if !validID(id) {
			fail(w, http.StatusNotFound, msgNotFound)
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

// authorized checks the accessToken header: the raw token, no scheme.
func (h *Handler) authorized(r *http.Request) bool {
	v := r.Header.Values("accessToken")
	return len(v) == 1 && subtle.ConstantTimeCompare([]byte(v[0]), h.token) == 1
}

func notAllowed(w http.ResponseWriter, allow string) {
	w.Header().Set("Allow", allow)
	fail(w, http.StatusMethodNotAllowed, msgNoMethod)
}

// read decodes a create (create = true) or PUT body and reads it with
// readInput, answering 400 itself.
func (h *Handler) read(w http.ResponseWriter, r *http.Request, create bool) (Customer, bool) {
	if mt, _, err := mime.ParseMediaType(r.Header.Get("Content-Type")); err != nil || mt != "application/json" {
		fail(w, http.StatusBadRequest, msgContentType)
		return Customer{}, false
	}
	o, good := httpjson.DecodeObject(httpjson.ReadBody(r), true)
	if !good {
		fail(w, http.StatusBadRequest, msgInvalidJSON)
		return Customer{}, false
	}
	c, errs := readInput(o, create)
	if errs != nil {
		invalid(w, errs)
		return Customer{}, false
	}
	return c, true
}

func (h *Handler) create(w http.ResponseWriter, r *http.Request) {
	c, good := h.read(w, r, true)
	if !good {
		return
	}
	c, err := h.store.create(c)
	if err != nil {
		fail(w, http.StatusBadRequest, msgExists)
		return
	}
	ok(w, http.StatusCreated, msgCreated, c)
}

func (h *Handler) get(w http.ResponseWriter, id string) {
	c, found := h.store.Customers.Get(id)
	if !found {
		fail(w, http.StatusNotFound, msgNotFound)
		return
	}
	ok(w, http.StatusOK, msgFetched, c)
}

func (h *Handler) update(w http.ResponseWriter, r *http.Request, id string) {
	// An unknown id is 404 even when the body is also invalid.
	if _, found := h.store.Customers.Get(id); !found {
		fail(w, http.StatusNotFound, msgNotFound)
		return
	}
	c, good := h.read(w, r, false)
	if !good {
		return
	}
	c, err := h.store.update(id, c)
	switch {
	case errors.Is(err, records.ErrNotFound):
		fail(w, http.StatusNotFound, msgNotFound)
	case err != nil:
		fail(w, http.StatusBadRequest, msgExists)
	default:
		ok(w, http.StatusOK, msgUpdated, c)
	}
}

func (h *Handler) delete(w http.ResponseWriter, id string) {
	if !h.store.Customers.Delete(id) {
		fail(w, http.StatusNotFound, msgNotFound)
		return
	}
	ok(w, http.StatusOK, msgDeleted, nil)
}

// list pages the customers that match every filter given, in creation
// order: page from 1, limit 1.. (default 10, larger capped to 10).
func (h *Handler) list(w http.ResponseWriter, q url.Values) {
	var v validator
	page := v.positive(q, "page", 1)
	limit := min(v.positive(q, "limit", maxLimit), maxLimit)
	match := v.filters(q)
	if v.errs != nil {
		invalid(w, v.errs)
		return
	}
	// page-1 pages of limit lie before this one; beyond the end is empty.
	offset := maxOffset
	if page-1 < maxOffset/limit {
		offset = (page - 1) * limit
	}
	data, total := h.store.Customers.Page(match, offset, limit)
	writeJSON(w, http.StatusOK, envelope{Success: true, Message: msgListed, Data: data, Meta: &meta{page, limit, total}})
}

// maxOffset caps the offset so that (page-1)*limit cannot overflow, also
// where int is 32 bits (the provider ships for 386 and arm, sandbox
// included); no store holds that many customers.
const maxOffset = 1 << 29

// positive reads an optional positive decimal query parameter (the first
// value when repeated).
func (v *validator) positive(q url.Values, name string, def int) int {
	vals, present := q[name]
	if !present {
		return def
	}
	s := vals[0]
	n, err := strconv.Atoi(s)
	if err != nil || n < 1 || s[0] < '0' || s[0] > '9' {
		v.fail(name, msgPositive)
		return def
	}
	return n
}

// filters reads the list filters: email (exact, case-insensitive), status
// (one of Statuses), company (exact), email:in and id:in (comma-separated,
// blanks around items ignored; e-mails case-insensitive). A filter given
// with an empty value matches nothing. The first value of a repeated
// parameter counts.
func (v *validator) filters(q url.Values) func(*Customer) bool {
	var tests []func(*Customer) bool
	if vals, ok := q["email"]; ok {
		email := vals[0]
		tests = append(tests, func(c *Customer) bool { return strings.EqualFold(c.Email, email) })
	}
	if vals, ok := q["status"]; ok {
		status := vals[0]
		valid := false
		for _, s := range Statuses {
			valid = valid || s == status
		}
		if !valid {
			v.fail("status", msgStatus)
		}
		tests = append(tests, func(c *Customer) bool { return c.Status == status })
	}
	if vals, ok := q["company"]; ok {
		company := vals[0]
		tests = append(tests, func(c *Customer) bool { return c.Company != nil && *c.Company == company })
	}
	if vals, ok := q["email:in"]; ok {
		emails := splitList(vals[0])
		tests = append(tests, func(c *Customer) bool {
			for _, e := range emails {
				if strings.EqualFold(c.Email, e) {
					return true
				}
			}
			return false
		})
	}
	if vals, ok := q["id:in"]; ok {
		ids := map[string]bool{}
		for _, id := range splitList(vals[0]) {
			ids[id] = true
		}
		tests = append(tests, func(c *Customer) bool { return ids[c.ID] })
	}
	return func(c *Customer) bool {
		for _, t := range tests {
			if !t(c) {
				return false
			}
		}
		return true
	}
}

// splitList splits a comma-separated filter value, trimming each item and
// dropping empty ones.
func splitList(s string) []string {
	var out []string
	for item := range strings.SplitSeq(s, ",") {
		if item = strings.TrimSpace(item); item != "" {
			out = append(out, item)
		}
	}
	return out
}
