package webcommander

import (
	"bytes"
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/customerops/terraform-provider-crm/internal/sandbox/normalize"
)

var (
	errNotFound = errors.New("not found")
	errExists   = errors.New("email taken")
)

// Store holds one WebCommander store's customers and OAuth tokens. It is
// safe for concurrent use; every method hands out copies.
type Store struct {
	normalize.Switches // applied by the API's writes only
	mu                 sync.RWMutex
	recs               map[int64]*Customer
	passwords          map[int64]string // the last password each customer was sent
	lastID, lastAddrID int64

	tok tokens
}

// NewStore returns an empty store whose access tokens live
// DefaultTokenLifetime.
func NewStore() *Store {
	return &Store{
		recs: map[int64]*Customer{}, passwords: map[int64]string{},
		tok: tokens{lifetime: DefaultTokenLifetime, access: map[string]time.Time{}, refresh: map[string]struct{}{}},
	}
}

// Seed stores c out of band and returns the stored copy. A zero id gets the
// next one (an existing id is overwritten); zero display_id, status,
// amounts, created_at, version and address ids are filled. Nothing is
// validated or normalised, and e-mail uniqueness is not checked (a drift
// test may want a clash).
func (s *Store) Seed(c Customer) Customer {
	s.mu.Lock()
	defer s.mu.Unlock()
	c = c.clone()
	if c.ID <= 0 {
		c.ID = s.lastID + 1
	}
	s.lastID = max(s.lastID, c.ID)
	if c.DisplayID == 0 {
		c.DisplayID = displayID(c.ID)
	}
	if c.Status == "" {
		c.Status = DefaultStatus
	}
	if c.StoreCredit == "" {
		c.StoreCredit = "0.00"
	}
	if c.CreditLimit == "" {
		c.CreditLimit = "0.00"
	}
	if c.CreatedAt == "" {
		c.CreatedAt = stamp()
	}
	if c.Version == 0 {
		c.Version = 1
	}
	s.fillAddressIDs(&c)
	s.recs[c.ID] = &c
	return c.clone()
}

// displayID is the display_id of customer id (decided: 1000 + id).
func displayID(id int64) int64 { return 1000 + id }

// fillAddressIDs gives every address without an id a new one. Callers hold
// mu.
func (s *Store) fillAddressIDs(c *Customer) {
	for i := range c.AddressIDs {
		if c.AddressIDs[i] == 0 {
			s.lastAddrID++
			c.AddressIDs[i] = s.lastAddrID
		}
	}
}

// Get returns the customer with id.
func (s *Store) Get(id int64) (Customer, bool) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	c, ok := s.recs[id]
	if !ok {
		return Customer{}, false
	}
	return c.clone(), true
}

// All returns every customer in id order.
func (s *Store) All() []Customer {
	out, _ := s.page(func(*Customer) bool { return true }, 0, -1)
	return out
}

// Password returns the last password the API received for customer id
// (create or PUT); false if none was sent or the customer is gone.
func (s *Store) Password(id int64) (string, bool) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	p, ok := s.passwords[id]
	return p, ok
}

// Mutate changes a stored customer out of band. fields uses the request's
// field names (e.g. {"city":"Perth","first_name":"X","store_credit":"10.00",
// "shipping_profile":2,"newsletter":{"subscribed":true}}) plus status,
// display_id, created_at, version and address_ids; id cannot change.
// version is bumped unless fields sets it. Unknown fields and wrong types
// are errors, so that a typo in a drift test fails loudly. Nothing is
// validated or normalised.
func (s *Store) Mutate(id int64, fields map[string]any) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	old, ok := s.recs[id]
	if !ok {
		return fmt.Errorf("webcommander: customer %d not found", id)
	}
	if _, bad := fields["id"]; bad {
		return fmt.Errorf("webcommander: customer %d: id cannot be patched", id)
	}
	raw, err := json.Marshal(old)
	if err != nil {
		return err
	}
	var m map[string]any
	d := json.NewDecoder(bytes.NewReader(raw))
	d.UseNumber()
	if err := d.Decode(&m); err != nil {
		return err
	}
	for _, k := range slices.Sorted(maps.Keys(fields)) {
		if _, known := m[k]; !known {
			return fmt.Errorf("webcommander: customer %d: unknown field %q", id, k)
		}
		m[k] = fields[k]
	}
	if _, set := fields["version"]; !set {
		m["version"] = old.Version + 1
	}
	if raw, err = json.Marshal(m); err != nil {
		return fmt.Errorf("webcommander: customer %d: %w", id, err)
	}
	var c Customer
	d = json.NewDecoder(bytes.NewReader(raw))
	d.DisallowUnknownFields()
	if err := d.Decode(&c); err != nil {
		return fmt.Errorf("webcommander: customer %d: %w", id, err)
	}
	c.ID = id
	s.fillAddressIDs(&c)
	s.recs[id] = &c
	return nil
}

// Delete removes a customer for good; the API's DELETE uses it too.
func (s *Store) Delete(id int64) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	_, ok := s.recs[id]
	delete(s.recs, id)
	delete(s.passwords, id)
	return ok
}

// emailTaken reports whether a customer other than self has email, compared
// case-insensitively. No e-mail clashes with nothing. Callers hold mu.
func (s *Store) emailTaken(self int64, email string) bool {
	if email == "" {
		return false
	}
	for id, c := range s.recs {
		if id != self && strings.EqualFold(c.Email, email) {
			return true
		}
	}
	return false
}

// create stores a validated create body unless its e-mail is taken.
func (s *Store) create(in *input) (Customer, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	c := Customer{Status: DefaultStatus, StoreCredit: "0.00", CreditLimit: "0.00"}
	s.apply(&c, in) // normalised first, so the uniqueness check sees what is stored
	if s.emailTaken(0, c.Email) {
		return Customer{}, errExists
	}
	s.lastID++
	c.ID, c.DisplayID, c.CreatedAt, c.Version = s.lastID, displayID(s.lastID), stamp(), 1
	s.fillAddressIDs(&c)
	s.recs[c.ID] = &c
	if in.password != nil {
		s.passwords[c.ID] = *in.password
	}
	return c.clone(), nil
}

// update is PUT: only the fields in carries change; version moves on.
func (s *Store) update(id int64, in *input) (Customer, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	old, ok := s.recs[id]
	if !ok {
		return Customer{}, errNotFound
	}
	c := old.clone()
	s.apply(&c, in)
	if s.emailTaken(id, c.Email) {
		return Customer{}, errExists
	}
	c.Version++
	s.recs[id] = &c
	if in.password != nil {
		s.passwords[id] = *in.password
	}
	return c.clone(), nil
}

// page returns, in id order, limit (< 0: all) of the customers that match,
// from offset on, and how many match in all.
func (s *Store) page(match func(*Customer) bool, offset, limit int) ([]Customer, int) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	recs := make([]*Customer, 0, len(s.recs))
	for _, c := range s.recs {
		if match(c) {
			recs = append(recs, c)
		}
	}
	slices.SortFunc(recs, func(a, b *Customer) int { return cmp.Compare(a.ID, b.ID) })
	total := len(recs)
	recs = recs[min(offset, total):]
	if limit >= 0 {
		recs = recs[:min(limit, len(recs))]
	}
	out := make([]Customer, len(recs))
	for i, c := range recs {
		out[i] = c.clone()
	}
	return out, total
}
