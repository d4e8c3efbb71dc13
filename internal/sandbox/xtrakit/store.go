package xtrakit

import (
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"sync"

	"github.com/customerops/terraform-provider-crm/internal/sandbox/normalize"
)

// Errors the store reports to the handlers.
var (
	errNotFound     = errors.New("not found")
	errUnknownGroup = errors.New("unknown group")
	errHasCustomers = errors.New("group has customers")
)

// Store holds one Xtrakit account's customers and groups. It is safe for
// concurrent use; every method hands out copies.
type Store struct {
	normalize.Switches // applied by the API's writes only
	mu                 sync.RWMutex
	lastCust           int64
	lastGroup          int64
	customers          map[int64]Customer
	groups             map[int64]Group
}

// NewStore returns an empty store whose ids start at 1.
func NewStore() *Store {
	return &Store{customers: map[int64]Customer{}, groups: map[int64]Group{}}
}

// SeedGroup stores g out of band, filling a zero id, the account fields and
// empty timestamps, and returns the stored copy. An existing id is overwritten.
func (s *Store) SeedGroup(g Group) Group {
	s.mu.Lock()
	defer s.mu.Unlock()
	if g.ID == 0 {
		s.lastGroup++
		g.ID = s.lastGroup
	} else if g.ID > s.lastGroup {
		s.lastGroup = g.ID
	}
	fillGroup(&g)
	s.groups[g.ID] = g
	return g
}

// SeedCustomer stores c out of band like SeedGroup; its group is not checked.
func (s *Store) SeedCustomer(c Customer) Customer {
	s.mu.Lock()
	defer s.mu.Unlock()
	if c.ID == 0 {
		s.lastCust++
		c.ID = s.lastCust
	} else if c.ID > s.lastCust {
		s.lastCust = c.ID
	}
	fillCustomer(&c)
	s.customers[c.ID] = c
	return c
}

func fillGroup(g *Group) {
	if g.UserID == "" {
		g.UserID = UserID
	}
	if g.BusinessCode == "" {
		g.BusinessCode = BusinessCode
	}
	if g.CreatedAt == "" {
		g.CreatedAt = now()
	}
	if g.UpdatedAt == "" {
		g.UpdatedAt = g.CreatedAt
	}
}

func fillCustomer(c *Customer) {
	if c.UserID == "" {
		c.UserID = UserID
	}
	if c.BusinessCode == "" {
		c.BusinessCode = BusinessCode
	}
	if c.CreatedAt == "" {
		c.CreatedAt = now()
	}
	if c.UpdatedAt == "" {
		c.UpdatedAt = c.CreatedAt
	}
}

// Group returns the group with id.
func (s *Store) Group(id int64) (Group, bool) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	g, ok := s.groups[id]
	return g, ok
}

// Customer returns the customer with id.
func (s *Store) Customer(id int64) (Customer, bool) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	c, ok := s.customers[id]
	return c, ok
}

// Groups returns every group, sorted by id.
func (s *Store) Groups() []Group {
	s.mu.RLock()
	out := make([]Group, 0, len(s.groups))
	for _, g := range s.groups {
		out = append(out, g)
	}
	s.mu.RUnlock()
	slices.SortFunc(out, func(a, b Group) int { return cmpID(a.ID, b.ID) })
	return out
}

// Customers returns every customer, sorted by id.
func (s *Store) Customers() []Customer { return s.listCustomers(nil) }

// listCustomers returns the customers (of one group when group is non-nil),
// sorted by id.
func (s *Store) listCustomers(group *int64) []Customer {
	s.mu.RLock()
	out := make([]Customer, 0, len(s.customers))
	for _, c := range s.customers {
		if group != nil && (c.CustomerGroupID == nil || *c.CustomerGroupID != *group) {
			continue
		}
		out = append(out, c)
	}
	s.mu.RUnlock()
	slices.SortFunc(out, func(a, b Customer) int { return cmpID(a.ID, b.ID) })
	return out
}

func cmpID(a, b int64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// MutateGroup changes a stored group out of band. patch uses the JSON field
// names; updated_at is bumped unless the patch sets it.
func (s *Store) MutateGroup(id int64, patch map[string]any) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	g, ok := s.groups[id]
	if !ok {
		return fmt.Errorf("xtrakit: group %d not found", id)
	}
	if err := applyPatch(&g, patch); err != nil {
		return fmt.Errorf("xtrakit: group %d: %w", id, err)
	}
	g.ID = id
	s.groups[id] = g
	return nil
}

// MutateCustomer changes a stored customer out of band, like MutateGroup.
func (s *Store) MutateCustomer(id int64, patch map[string]any) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	c, ok := s.customers[id]
	if !ok {
		return fmt.Errorf("xtrakit: customer %d not found", id)
	}
	if err := applyPatch(&c, patch); err != nil {
		return fmt.Errorf("xtrakit: customer %d: %w", id, err)
	}
	c.ID = id
	s.customers[id] = c
	return nil
}

// applyPatch overlays patch on the JSON form of *rec. Unknown fields and an id
// change are errors so that a typo in a drift test fails loudly.
func applyPatch[T any](rec *T, patch map[string]any) error {
	if _, ok := patch["id"]; ok {
		return errors.New("id cannot be patched")
	}
	raw, err := json.Marshal(rec)
	if err != nil {
		return err
	}
	var fields map[string]any
	if err := json.Unmarshal(raw, &fields); err != nil {
		return err
	}
	for k, v := range patch {
		if _, ok := fields[k]; !ok {
			return fmt.Errorf("unknown field %q", k)
		}
		fields[k] = v
	}
	if _, ok := patch["updated_at"]; !ok {
		fields["updated_at"] = now()
	}
	raw, err = json.Marshal(fields)
	if err != nil {
		return err
	}
	var out T
	if err := json.Unmarshal(raw, &out); err != nil {
		return err
	}
	*rec = out
	return nil
}

// DeleteGroup removes a group out of band, without the API's 409 check.
func (s *Store) DeleteGroup(id int64) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	_, ok := s.groups[id]
	delete(s.groups, id)
	return ok
}

// DeleteCustomer removes a customer out of band.
func (s *Store) DeleteCustomer(id int64) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	_, ok := s.customers[id]
	delete(s.customers, id)
	return ok
}

// The methods below are the API's own operations: the checks that depend on
// other records run under the same lock as the write.

func (s *Store) createCustomer(c Customer) (Customer, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if !s.groupExists(c.CustomerGroupID) {
		return Customer{}, errUnknownGroup
	}
	c = s.normCustomer(c)
	s.lastCust++
	c.ID = s.lastCust
	c.UserID, c.BusinessCode = UserID, BusinessCode
	c.CreatedAt = now()
	c.UpdatedAt = c.CreatedAt
	s.customers[c.ID] = c
	return c, nil
}

// replaceCustomer is PUT: every writable field comes from c.
func (s *Store) replaceCustomer(id int64, c Customer) (Customer, []Group, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	old, ok := s.customers[id]
	if !ok {
		return Customer{}, nil, errNotFound
	}
	if !s.groupExists(c.CustomerGroupID) {
		return Customer{}, nil, errUnknownGroup
	}
	c = s.normCustomer(c)
	c.ID, c.UserID, c.BusinessCode, c.CreatedAt = id, old.UserID, old.BusinessCode, old.CreatedAt
	c.UpdatedAt = now()
	s.customers[id] = c
	return c, s.groupsOf(c), nil
}

func (s *Store) customerWithGroups(id int64) (Customer, []Group, bool) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	c, ok := s.customers[id]
	if !ok {
		return Customer{}, nil, false
	}
	return c, s.groupsOf(c), true
}

func (s *Store) deleteCustomer(id int64) error {
	if !s.DeleteCustomer(id) {
		return errNotFound
	}
	return nil
}

func (s *Store) createGroup(g Group) Group {
	s.mu.Lock()
	defer s.mu.Unlock()
	g = s.normGroup(g)
	s.lastGroup++
	g.ID = s.lastGroup
	g.UserID, g.BusinessCode = UserID, BusinessCode
	g.CreatedAt = now()
	g.UpdatedAt = g.CreatedAt
	s.groups[g.ID] = g
	return g
}

func (s *Store) replaceGroup(id int64, g Group) (Group, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	old, ok := s.groups[id]
	if !ok {
		return Group{}, errNotFound
	}
	g = s.normGroup(g)
	g.ID, g.UserID, g.BusinessCode, g.CreatedAt = id, old.UserID, old.BusinessCode, old.CreatedAt
	g.UpdatedAt = now()
	s.groups[id] = g
	return g, nil
}

// deleteGroup refuses while any customer still names the group (contract: 409).
func (s *Store) deleteGroup(id int64) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, ok := s.groups[id]; !ok {
		return errNotFound
	}
	for _, c := range s.customers {
		if c.CustomerGroupID != nil && *c.CustomerGroupID == id {
			return errHasCustomers
		}
	}
	delete(s.groups, id)
	return nil
}

// groupExists reports whether id is nil or names a stored group. Callers hold mu.
func (s *Store) groupExists(id *int64) bool {
	if id == nil {
		return true
	}
	_, ok := s.groups[*id]
	return ok
}

// groupsOf is the "customer-group" array: the customer's group, or empty.
// A customer whose group was deleted out of band gets an empty array.
func (s *Store) groupsOf(c Customer) []Group {
	if c.CustomerGroupID != nil {
		if g, ok := s.groups[*c.CustomerGroupID]; ok {
			return []Group{g}
		}
	}
	return []Group{}
}
