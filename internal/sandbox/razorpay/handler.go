package razorpay

import (
	"crypto/subtle"
	"errors"
	"net/http"
	"strconv"
	"strings"

	"github.com/customerops/terraform-provider-crm/internal/sandbox/httpjson"
	"github.com/customerops/terraform-provider-crm/internal/sandbox/records"
)

// Handler serves the Razorpay customers API. Request paths are relative to
// the base URL (".../v1"), e.g. "/customers/cust_...".
type Handler struct {
	store         *Store
	keyID, secret []byte
}

// NewHandler serves store, accepting only keyID:keySecret as Basic auth.
func NewHandler(store *Store, keyID, keySecret string) *Handler {
	return &Handler{store: store, keyID: []byte(keyID), secret: []byte(keySecret)}
}

// Routes (internal/razorpay/CONTRACT.md §1): there is no DELETE, and Razorpay answers any route it
// does not have with 400, not 404 or 405.
func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if !h.authorized(r) {
		writeJSON(w, http.StatusUnauthorized, naError(codeBadRequest, msgInvalidKey))
		return
	}
	rest, isCustomers := strings.CutPrefix(r.URL.Path, "/customers")
	switch {
	case isCustomers && rest == "" && r.Method == http.MethodGet:
		h.list(w, r)
	case isCustomers && rest == "" && r.Method == http.MethodPost:
		h.create(w, httpjson.ReadBody(r))
	case isCustomers && len(rest) > 1 && rest[0] == '/' && !strings.Contains(rest[1:], "/") &&
		(r.Method == http.MethodGet || r.Method == http.MethodPut):
		id := rest[1:]
		if !validID(id) {
			inputError(w, msgBadID, "")
			return
		}
		if r.Method == http.MethodGet {
			h.get(w, id)
		} else {
			h.update(w, id, httpjson.ReadBody(r))
		}
	default:
		writeJSON(w, http.StatusBadRequest, naError(codeBadRequest, msgURLNotFound))
	}
}

// authorized checks Basic auth against the one key pair.
func (h *Handler) authorized(r *http.Request) bool {
	id, secret, ok := r.BasicAuth()
	return ok &&
		subtle.ConstantTimeCompare([]byte(id), h.keyID) == 1 &&
		subtle.ConstantTimeCompare([]byte(secret), h.secret) == 1
}

// validID: "cust_" + 14 alphanumerics.
func validID(id string) bool {
	rest, ok := strings.CutPrefix(id, "cust_")
	if !ok || len(rest) != 14 {
		return false
	}
	for i := 0; i < len(rest); i++ {
		if strings.IndexByte(idChars, rest[i]) < 0 {
			return false
		}
	}
	return true
}

// read decodes a create (create = true) or edit body and reads it with
// readInput, answering 400 itself.
func read(w http.ResponseWriter, body []byte, create bool) (input, bool) {
	o, ok := httpjson.DecodeObject(body, false)
	if !ok {
		inputError(w, msgInvalidJSON, "")
		return input{}, false
	}
	in, fe := readInput(o, create)
	if fe != nil {
		inputError(w, fe.desc, fe.field)
		return input{}, false
	}
	return in, true
}

func (h *Handler) create(w http.ResponseWriter, body []byte) {
	in, ok := read(w, body, true)
	if !ok {
		return
	}
	c, err := h.store.create(in)
	if err != nil {
		inputError(w, msgExists, "")
		return
	}
	writeJSON(w, http.StatusOK, c)
}

func (h *Handler) get(w http.ResponseWriter, id string) {
	c, ok := h.store.Customers.Get(id)
	if !ok {
		inputError(w, msgNoSuchID, "")
		return
	}
	writeJSON(w, http.StatusOK, c)
}

// update is the edit: it takes only name, contact and email; any other field is ignored.
func (h *Handler) update(w http.ResponseWriter, id string, body []byte) {
	if _, ok := h.store.Customers.Get(id); !ok {
		inputError(w, msgNoSuchID, "")
		return
	}
	in, ok := read(w, body, false)
	if !ok {
		return
	}
	c, err := h.store.update(id, in)
	switch {
	case errors.Is(err, records.ErrNotFound):
		inputError(w, msgNoSuchID, "")
	case err != nil:
		inputError(w, msgExists, "")
	default:
		writeJSON(w, http.StatusOK, c)
	}
}

// list pages newest first: count defaults to 10 and must be 1..100; skip >= 0.
func (h *Handler) list(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	count, fe := queryInt(q, "count", 10, 1, 100)
	if fe == nil {
		var skip int
		skip, fe = queryInt(q, "skip", 0, 0, -1)
		if fe == nil {
			items, _ := h.store.Customers.Page(nil, skip, count)
			writeJSON(w, http.StatusOK, collection{Entity: "collection", Count: len(items), Items: items})
			return
		}
	}
	inputError(w, fe.desc, fe.field)
}

// queryInt reads an integer query parameter within [lo, hi] (hi < 0: no cap).
func queryInt(q map[string][]string, name string, def, lo, hi int) (int, *fieldError) {
	v, ok := q[name]
	if !ok {
		return def, nil
	}
	n, err := strconv.Atoi(v[0])
	switch {
	case err != nil || strings.HasPrefix(v[0], "+"):
		return 0, &fieldError{"The " + name + " must be an integer.", name}
	case n < lo:
		return 0, &fieldError{"The " + name + " must be at least " + strconv.Itoa(lo) + ".", name}
	case hi >= 0 && n > hi:
		return 0, &fieldError{"The " + name + " may not be greater than " + strconv.Itoa(hi) + ".", name}
	}
	return n, nil
}
