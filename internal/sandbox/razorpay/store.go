package razorpay

import (
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/customerops/terraform-provider-crm/internal/sandbox/normalize"
)

var (
	errNotFound = errors.New("not found")
	errExists   = errors.New("customer already exists")
)

// Store holds one merchant's customers. It is safe for concurrent use; every
// method hands out copies.
type Store struct {
	normalize.Switches // applied by the API's writes only
	mu                 sync.RWMutex
	seq                int64
	recs               map[string]record
}

// record keeps the insertion sequence to order customers created in the same
// second newest first, as Razorpay lists them.
type record struct {
	c   Customer
	seq int64
}

// NewStore returns an empty store.
func NewStore() *Store { return &Store{recs: map[string]record{}} }

// Seed stores c out of band, filling an empty id, entity and created_at, and
// returns the stored copy. An existing id is overwritten; uniqueness is not
// checked (a drift test may want a clash).
func (s *Store) Seed(c Customer) Customer {
	s.mu.Lock()
	defer s.mu.Unlock()
	if c.ID == "" {
		c.ID = s.newID()
	}
	c.Entity = "customer"
	if c.CreatedAt == 0 {
		c.CreatedAt = time.Now().Unix()
	}
	c = c.clone()
	s.put(c)
	return c.clone()
}

// Get returns the customer with id.
func (s *Store) Get(id string) (Customer, bool) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	r, ok := s.recs[id]
	return r.c.clone(), ok
}

// All returns every customer, newest first.
func (s *Store) All() []Customer {
	s.mu.RLock()
	recs := make([]record, 0, len(s.recs))
	for _, r := range s.recs {
		recs = append(recs, r)
	}
	s.mu.RUnlock()
	slices.SortFunc(recs, func(a, b record) int {
		if c := cmp.Compare(b.c.CreatedAt, a.c.CreatedAt); c != 0 {
			return c
		}
		return cmp.Compare(b.seq, a.seq)
	})
	out := make([]Customer, len(recs))
	for i, r := range recs {
		out[i] = r.c.clone()
	}
	return out
}

// Mutate changes a stored customer out of band. patch uses the JSON field
// names (notes as an object or []); id and entity cannot change.
func (s *Store) Mutate(id string, patch map[string]any) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	r, ok := s.recs[id]
	if !ok {
		return fmt.Errorf("razorpay: customer %s not found", id)
	}
	for _, k := range []string{"id", "entity"} {
		if _, bad := patch[k]; bad {
			return fmt.Errorf("razorpay: customer %s: %s cannot be patched", id, k)
		}
	}
	raw, err := json.Marshal(r.c)
	if err != nil {
		return err
	}
	var fields map[string]any
	if err := json.Unmarshal(raw, &fields); err != nil {
		return err
	}
	for k, v := range patch {
		if _, known := fields[k]; !known {
			return fmt.Errorf("razorpay: customer %s: unknown field %q", id, k)
		}
		fields[k] = v
	}
	if raw, err = json.Marshal(fields); err != nil {
		return err
	}
	var c Customer
	if err := json.Unmarshal(raw, &c); err != nil {
		return fmt.Errorf("razorpay: customer %s: %w", id, err)
	}
	r.c = c
	s.recs[id] = r
	return nil
}

// Remove deletes a customer out of band. The API itself has no delete.
func (s *Store) Remove(id string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	_, ok := s.recs[id]
	delete(s.recs, id)
	return ok
}

// put stores c as the newest record. Callers hold mu.
func (s *Store) put(c Customer) {
	s.seq++
	s.recs[c.ID] = record{c: c, seq: s.seq}
}

const idChars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"

// newID returns an unused "cust_" + 14 alphanumerics. Callers hold mu.
func (s *Store) newID() string {
	for {
		var b [19]byte
		copy(b[:], "cust_")
		for i := 5; i < len(b); i++ {
			b[i] = idChars[rand.IntN(len(idChars))]
		}
		if _, taken := s.recs[string(b[:])]; !taken {
			return string(b[:])
		}
	}
}

// clash returns the customer other than self with the same email + contact
// pair (decided: e-mail compared case-insensitively; a customer with neither
// e-mail nor contact never clashes). Callers hold mu.
func (s *Store) clash(self, email, contact string) (Customer, bool) {
	if email == "" && contact == "" {
		return Customer{}, false
	}
	for id, r := range s.recs {
		if id != self && r.c.Contact == contact && strings.EqualFold(r.c.Email, email) {
			return r.c, true
		}
	}
	return Customer{}, false
}

// create stores c unless its email + contact pair is taken: then the existing
// customer comes back when failExisting is false, errExists otherwise.
func (s *Store) create(c Customer, failExisting bool) (Customer, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	// Normalised first, so the clash check sees what would be stored.
	c = s.normCreate(c)
	if old, ok := s.clash("", c.Email, c.Contact); ok {
		if failExisting {
			return Customer{}, errExists
		}
		return old.clone(), nil
	}
	c.ID = s.newID()
	c.Entity = "customer"
	c.CreatedAt = time.Now().Unix()
	s.put(c)
	return c.clone(), nil
}

// edit changes the given fields (nil = unchanged) of an existing customer.
func (s *Store) edit(id string, name, email, contact *string) (Customer, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	r, ok := s.recs[id]
	if !ok {
		return Customer{}, errNotFound
	}
	name, email, contact = s.normEdit(name, email, contact)
	c := r.c
	if name != nil {
		c.Name = *name
	}
	if email != nil {
		c.Email = *email
	}
	if contact != nil {
		c.Contact = *contact
	}
	if _, taken := s.clash(id, c.Email, c.Contact); taken {
		return Customer{}, errExists
	}
	r.c = c
	s.recs[id] = r
	return c.clone(), nil
}
