package xtrakit

import (
	"errors"
	"net/http"
	"strconv"
	"strings"
)

// customers serves /customers. Create and PUT take the same body and the same
// validation; PUT replaces the whole record (absent optionals become null).
type customers struct{ s *Store }

type customerData struct {
	Customer Customer `json:"customer"`
}

// customerGroupData is GET and PUT's data: the customer plus its group.
type customerGroupData struct {
	Customer Customer `json:"customer"`
	Groups   []Group  `json:"customer-group"`
}

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
	cust, good := c.read(w, body)
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
	cust, good := c.read(w, body)
	if !good {
		return
	}
	cust, groups, err := c.s.updateCustomer(id, cust)
	switch {
	case errors.Is(err, errNotFound):
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

// read decodes and validates a customer body, answering 400/422 itself.
func (c customers) read(w http.ResponseWriter, body []byte) (Customer, bool) {
	f, good := decodeForm(body)
	if !good {
		fail(w, http.StatusBadRequest, "Invalid JSON")
		return Customer{}, false
	}
	cust := customerFromForm(f)
	if cust.CustomerGroupID != nil {
		if _, found := c.s.Groups.Get(*cust.CustomerGroupID); !found {
			f.fail("customer_group_id", msgExists)
		}
	}
	if f.errs != nil {
		invalid(w, f.errs)
		return Customer{}, false
	}
	return cust, true
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
