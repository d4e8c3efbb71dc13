package xtrakit

import (
	"errors"

	"github.com/customerops/terraform-provider-crm/internal/sandbox/normalize"
	"github.com/customerops/terraform-provider-crm/internal/sandbox/records"
)

// Errors the store reports to the handlers, besides records.ErrNotFound.
var (
	errUnknownGroup = errors.New("unknown group")
	errHasCustomers = errors.New("group has customers")
)

// Store holds one Xtrakit account's customers and groups, each in id
// order, ids from 1. It is safe for concurrent use; every method hands out
// copies. Seeded records get the account fields and timestamps they lack,
// and a seeded customer's group is not checked; Delete skips the API's 409
// check on groups; Mutate bumps updated_at unless the patch sets it.
type Store struct {
	normalize.Switches // applied by the API's writes only
	Customers          *records.Table[int64, Customer]
	Groups             *records.Table[int64, Group]
}

// NewStore returns an empty store.
func NewStore() *Store {
	return &Store{
		Customers: records.New(records.Kind[int64, Customer]{
			Label: "xtrakit: customer", ID: func(c *Customer) *int64 { return &c.ID },
			Assign: records.NextInt[Customer], Frozen: []string{"id"}, Touch: touch[Customer],
			Defaults: func(c *Customer) { fillAccount(&c.UserID, &c.BusinessCode, &c.CreatedAt, &c.UpdatedAt) },
		}),
		Groups: records.New(records.Kind[int64, Group]{
			Label: "xtrakit: group", ID: func(g *Group) *int64 { return &g.ID },
			Assign: records.NextInt[Group], Frozen: []string{"id"}, Touch: touch[Group],
			Defaults: func(g *Group) { fillAccount(&g.UserID, &g.BusinessCode, &g.CreatedAt, &g.UpdatedAt) },
		}),
	}
}

// fillAccount fills the account fields and timestamps a seed left empty.
func fillAccount(userID, businessCode, createdAt, updatedAt *string) {
	if *userID == "" {
		*userID = UserID
	}
	if *businessCode == "" {
		*businessCode = BusinessCode
	}
	if *createdAt == "" {
		*createdAt = now()
	}
	if *updatedAt == "" {
		*updatedAt = *createdAt
	}
}

// touch is what an out-of-band change bumps: updated_at.
func touch[T any](*T) (string, any) { return "updated_at", now() }

// The methods below are the API's own operations. The checks that depend on
// other records run under the same lock as the write; a customer write
// reads the groups under the customers' lock, never the other way round.

// listCustomers returns the customers (of one group when group is non-nil),
// sorted by id.
func (s *Store) listCustomers(group *int64) []Customer {
	var match func(*Customer) bool
	if group != nil {
		match = func(c *Customer) bool { return c.CustomerGroupID != nil && *c.CustomerGroupID == *group }
	}
	out, _ := s.Customers.Page(match, 0, -1)
	return out
}

func (s *Store) createCustomer(c Customer) (Customer, error) {
	var out Customer
	err := s.Customers.Update(func(tx *records.Tx[int64, Customer]) error {
		if !s.groupExists(c.CustomerGroupID) {
			return errUnknownGroup
		}
		c = s.normalizeCustomer(c)
		c.ID = tx.NewID()
		c.UserID, c.BusinessCode = UserID, BusinessCode
		c.CreatedAt = now()
		c.UpdatedAt = c.CreatedAt
		out = tx.Put(c)
		return nil
	})
	return out, err
}

// updateCustomer is PUT: it replaces every writable field with c's.
func (s *Store) updateCustomer(id int64, c Customer) (Customer, []Group, error) {
	var groups []Group
	c, err := s.Customers.Change(id, func(_ *records.Tx[int64, Customer], old Customer) (Customer, error) {
		if !s.groupExists(c.CustomerGroupID) {
			return c, errUnknownGroup
		}
		c = s.normalizeCustomer(c)
		c.UserID, c.BusinessCode, c.CreatedAt = old.UserID, old.BusinessCode, old.CreatedAt
		c.UpdatedAt = now()
		groups = s.groupsOf(c)
		return c, nil
	})
	return c, groups, err
}

func (s *Store) customerWithGroups(id int64) (c Customer, groups []Group, ok bool) {
	s.Customers.View(func(tx *records.Tx[int64, Customer]) {
		if c, ok = tx.Get(id); ok {
			groups = s.groupsOf(c)
		}
	})
	return c, groups, ok
}

func (s *Store) deleteCustomer(id int64) error {
	if !s.Customers.Delete(id) {
		return records.ErrNotFound
	}
	return nil
}

func (s *Store) createGroup(g Group) Group {
	var out Group
	_ = s.Groups.Update(func(tx *records.Tx[int64, Group]) error {
		g = s.normalizeGroup(g)
		g.ID = tx.NewID()
		g.UserID, g.BusinessCode = UserID, BusinessCode
		g.CreatedAt = now()
		g.UpdatedAt = g.CreatedAt
		out = tx.Put(g)
		return nil
	})
	return out
}

// updateGroup is PUT: it replaces every writable field with g's.
func (s *Store) updateGroup(id int64, g Group) (Group, error) {
	return s.Groups.Change(id, func(_ *records.Tx[int64, Group], old Group) (Group, error) {
		g = s.normalizeGroup(g)
		g.UserID, g.BusinessCode, g.CreatedAt = old.UserID, old.BusinessCode, old.CreatedAt
		g.UpdatedAt = now()
		return g, nil
	})
}

// deleteGroup refuses while any customer still names the group (409).
func (s *Store) deleteGroup(id int64) error {
	var err error
	s.Customers.View(func(customers *records.Tx[int64, Customer]) {
		err = s.Groups.Update(func(tx *records.Tx[int64, Group]) error {
			if !tx.Has(id) {
				return records.ErrNotFound
			}
			if _, used := customers.Find(0, func(c *Customer) bool {
				return c.CustomerGroupID != nil && *c.CustomerGroupID == id
			}); used {
				return errHasCustomers
			}
			tx.Delete(id)
			return nil
		})
	})
	return err
}

// groupExists reports whether id is nil or names a stored group.
func (s *Store) groupExists(id *int64) bool {
	if id == nil {
		return true
	}
	_, ok := s.Groups.Get(*id)
	return ok
}

// groupsOf is the "customer-group" array: the customer's group, or empty.
// A customer whose group was deleted out of band gets an empty array.
func (s *Store) groupsOf(c Customer) []Group {
	if c.CustomerGroupID != nil {
		if g, ok := s.Groups.Get(*c.CustomerGroupID); ok {
			return []Group{g}
		}
	}
	return []Group{}
}
