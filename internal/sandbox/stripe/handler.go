package stripe

import (
	"bytes"
	"crypto/subtle"
	"encoding/base64"
	"encoding/json"
	"mime"
	"net/http"
	"net/url"
	"strings"

	"github.com/customerops/terraform-provider-crm/internal/sandbox/httpjson"
)

// Handler serves Stripe's customers API. Request paths are relative to the
// base URL, e.g. "/v1/customers/cus_NffrFeUfNV2Hib".
type Handler struct {
	store *Store
	key   []byte
}

// NewHandler serves store, accepting only key.
func NewHandler(store *Store, key string) *Handler {
	return &Handler{store: store, key: []byte(key)}
}

const collection = "/v1/customers"

// Routes (internal/stripe/CONTRACT.md §1): /v1/customers (GET list, POST
// create) and /v1/customers/{id} (GET, POST update, DELETE).
func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if msg := h.unauthorized(r); msg != "" {
		fail(w, http.StatusUnauthorized, apiError{Message: msg})
		return
	}
	rest, ok := strings.CutPrefix(r.URL.Path, collection)
	switch {
	case !ok || (rest != "" && rest[0] != '/') || rest == "/" || strings.Contains(strings.TrimPrefix(rest, "/"), "/"):
		fail(w, http.StatusNotFound, apiError{Message: "Unrecognized request URL (" + r.Method + ": " + r.URL.Path + ")."})
	case rest == "" && r.Method == http.MethodGet:
		h.list(w, r.URL.Query())
	case rest == "" && r.Method == http.MethodPost:
		h.create(w, r)
	case rest == "":
		fail(w, http.StatusNotFound, apiError{Message: "Unrecognized request URL (" + r.Method + ": " + r.URL.Path + ")."})
	default:
		id := rest[1:]
		switch r.Method {
		case http.MethodGet:
			h.get(w, id)
		case http.MethodPost:
			h.update(w, r, id)
		case http.MethodDelete:
			h.delete(w, id)
		default:
			fail(w, http.StatusNotFound, apiError{Message: "Unrecognized request URL (" + r.Method + ": " + r.URL.Path + ")."})
		}
	}
}

// create is POST /v1/customers (CONTRACT.md §1), idempotent with a key.
func (h *Handler) create(w http.ResponseWriter, r *http.Request) {
	h.keyed(w, r, func(in *input) (int, any) { return http.StatusOK, h.store.create(in) })
}

// update is POST /v1/customers/{id}: only the parameters it carries change
// (CONTRACT.md §5); an unknown or deleted customer is 404.
func (h *Handler) update(w http.ResponseWriter, r *http.Request, id string) {
	h.keyed(w, r, func(in *input) (int, any) {
		c, err := h.store.update(id, in)
		if err != nil {
			return http.StatusNotFound, errorBody{Error: noSuchCustomerError(id)}
		}
		return http.StatusOK, c
	})
}

// delete is DELETE /v1/customers/{id}: the deleted object, or 404.
func (h *Handler) delete(w http.ResponseWriter, id string) {
	if !h.store.delete(id) {
		fail(w, http.StatusNotFound, noSuchCustomer(id))
		return
	}
	writeJSON(w, http.StatusOK, Deleted{ID: id, Object: "customer", Deleted: true})
}

func noSuchCustomerError(id string) apiError {
	e := noSuchCustomer(id)
	e.Type = typeInvalid
	e.DocURL = "https://stripe.com/docs/error-codes/" + e.Code
	return e
}

// unauthorized is the 401 message, or "" for the right key as a bearer
// token or as Basic auth's user.
func (h *Handler) unauthorized(r *http.Request) string {
	v := r.Header.Values("Authorization")
	if len(v) == 0 {
		return "You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY')."
	}
	var key string
	if len(v) == 1 {
		if t, ok := strings.CutPrefix(v[0], "Bearer "); ok {
			key = t
		} else if b, ok := strings.CutPrefix(v[0], "Basic "); ok {
			if raw, err := base64.StdEncoding.DecodeString(b); err == nil {
				key, _, _ = strings.Cut(string(raw), ":")
			}
		}
	}
	if key == "" || subtle.ConstantTimeCompare([]byte(key), h.key) != 1 {
		return "Invalid API Key provided: " + mask(key)
	}
	return ""
}

// mask shows a key as Stripe does: its start and its last 4 characters.
func mask(k string) string {
	if len(k) <= 8 {
		return strings.Repeat("*", len(k))
	}
	return k[:8] + strings.Repeat("*", len(k)-12) + k[len(k)-4:]
}

// read reads a POST body: form-encoded, else 400.
func read(r *http.Request) (url.Values, *apiError) {
	body := httpjson.ReadBody(r)
	if len(bytes.TrimSpace(body)) == 0 {
		return url.Values{}, nil
	}
	if mt, _, err := mime.ParseMediaType(r.Header.Get("Content-Type")); err != nil || mt != "application/x-www-form-urlencoded" {
		return nil, &apiError{Message: "Invalid request: the body must be application/x-www-form-urlencoded."}
	}
	v, err := url.ParseQuery(string(body))
	if err != nil {
		return nil, &apiError{Message: "Invalid request: the body is not a valid form."}
	}
	return v, nil
}

// keyed handles a POST: its body read and validated, then do; with an
// Idempotency-Key, the first answer that passed validation is kept and
// replayed to the same request, the key with other parameters is refused,
// and so is a request whose key another one still being handled holds (409,
// Stripe-Should-Retry: true) (internal/stripe/CONTRACT.md §6).
func (h *Handler) keyed(w http.ResponseWriter, r *http.Request, do func(*input) (int, any)) {
	vals, ferr := read(r)
	if ferr != nil {
		fail(w, http.StatusBadRequest, *ferr)
		return
	}
	key := r.Header.Get("Idempotency-Key")
	if key == "" {
		in, err := readInput(vals)
		if err != nil {
			fail(w, http.StatusBadRequest, *err)
			return
		}
		status, body := do(in)
		writeJSON(w, status, body)
		return
	}
	if len(key) > 255 {
		fail(w, http.StatusBadRequest, apiError{Type: typeIdempotency, Message: "Idempotency-Key must be at most 255 characters."})
		return
	}
	request := r.Method + " " + r.URL.Path + "?" + vals.Encode()
	s := h.store
	s.keyed.Lock()
	if prev, seen := s.replays[key]; seen {
		s.keyed.Unlock()
		if prev.request != request {
			fail(w, http.StatusBadRequest, apiError{Type: typeIdempotency, Message: "Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '" + key + "' if you meant to execute a different request."})
			return
		}
		w.Header().Set("Idempotent-Replayed", "true")
		if prev.status >= 400 {
			// Another retry would replay the same error.
			w.Header().Set(ShouldRetry, "false")
		}
		w.Header()["Content-Type"] = []string{"application/json"}
		w.WriteHeader(prev.status)
		_, _ = w.Write(prev.body)
		return
	}
	if s.inFlight[key] {
		s.keyed.Unlock()
		fail(w, http.StatusConflict, keyInUse(key))
		return
	}
	in, err := readInput(vals)
	if err != nil {
		s.keyed.Unlock()
		fail(w, http.StatusBadRequest, *err) // not kept: validation failed
		return
	}
	s.inFlight[key] = true
	s.keyed.Unlock()

	status, v := do(in)
	body, merr := json.Marshal(v)
	if merr != nil {
		status, body = http.StatusInternalServerError, FaultBody(http.StatusInternalServerError)
	}
	s.keyed.Lock()
	s.replays[key] = replay{request: request, status: status, body: body}
	delete(s.inFlight, key)
	s.keyed.Unlock()
	FaultHeader(status, w.Header())
	w.Header()["Content-Type"] = []string{"application/json"}
	w.WriteHeader(status)
	_, _ = w.Write(body)
}

func (h *Handler) get(w http.ResponseWriter, id string) {
	if c, ok := h.store.Customers.Get(id); ok {
		writeJSON(w, http.StatusOK, c)
		return
	}
	if h.store.isDeleted(id) {
		writeJSON(w, http.StatusOK, Deleted{ID: id, Object: "customer", Deleted: true})
		return
	}
	fail(w, http.StatusNotFound, noSuchCustomer(id))
}

func (h *Handler) list(w http.ResponseWriter, q url.Values) {
	lq, err := readListQuery(q)
	if err != nil {
		fail(w, http.StatusBadRequest, *err)
		return
	}
	for param, id := range map[string]string{"starting_after": lq.startingAfter, "ending_before": lq.endingBefore} {
		if id == "" {
			continue
		}
		if _, ok := h.store.Customers.Get(id); !ok {
			e := noSuchCustomer(id)
			e.Param = param
			fail(w, http.StatusBadRequest, e)
			return
		}
	}
	data, more := h.store.page(lq)
	if data == nil {
		data = []Customer{}
	}
	writeJSON(w, http.StatusOK, list{Object: "list", Data: data, HasMore: more, URL: collection})
}
