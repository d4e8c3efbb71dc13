package axim

import (
	"encoding/binary"
	"encoding/hex"
	"math/rand/v2"
	"strings"
	"time"

	"github.com/customerops/terraform-provider-crm/internal/sandbox/normalize"
	"github.com/customerops/terraform-provider-crm/internal/sandbox/records"
)

// Store holds one Axim store's customers, in creation order. It is safe for
// concurrent use; every method hands out copies.
//
// Seed fills an empty id, role, createdBy or createdAt (updatedAt defaults
// to createdAt); any write makes nil address and metaFields empty and gives
// every address without an id one. Seeding over an existing id keeps its
// place in the creation order. Seed and Mutate neither validate, normalise
// nor check e-mail uniqueness (a drift test may want a clash); Mutate may
// not change the id and moves updatedAt on unless the patch sets it.
type Store struct {
	normalize.Switches // applied by the API's writes only
	Customers          *records.Table[string, Customer]

	// ObjectId parts: a per-store random value and a counter, used under
	// the customers' lock.
	idRand  [5]byte
	idCount uint32
}

// NewStore returns an empty store.
func NewStore() *Store {
	s := &Store{idCount: rand.Uint32()}
	binary.BigEndian.PutUint32(s.idRand[:4], rand.Uint32())
	s.idRand[4] = byte(rand.Uint32())
	s.Customers = records.New(records.Kind[string, Customer]{
		Label: "axim: customer", ID: func(c *Customer) *string { return &c.ID },
		Assign: func(tx *records.Tx[string, Customer], id string) string {
			if id == "" {
				return s.newCustomerID(tx)
			}
			return id
		},
		Defaults: seedDefaults, Complete: s.fillLists, Clone: Customer.clone,
		Order: records.Inserted[Customer], Frozen: []string{"id"},
		Touch: func(old *Customer) (string, any) { return "updatedAt", later(old.UpdatedAt) },
	})
	return s
}

// seedDefaults fills the server-set fields a seed left empty.
func seedDefaults(c *Customer) {
	if c.Role == "" {
		c.Role = RoleID
	}
	if c.CreatedBy == (CreatedBy{}) {
		c.CreatedBy = CreatedBy{ID: CreatorID, Name: CreatorName}
	}
	if c.CreatedAt == "" {
		c.CreatedAt = stamp(now())
	}
	if c.UpdatedAt == "" {
		c.UpdatedAt = c.CreatedAt
	}
}

// fillLists makes nil lists empty and gives every address without an id a
// new one.
func (s *Store) fillLists(c *Customer) {
	if c.Address == nil {
		c.Address = []Address{}
	}
	if c.MetaFields == nil {
		c.MetaFields = []MetaField{}
	}
	for i := range c.Address {
		if c.Address[i].ID == "" {
			c.Address[i].ID = s.newID()
		}
	}
}

// newID returns a MongoDB ObjectId-style id: 4 bytes of Unix seconds, 5
// random bytes fixed per store and a 3-byte counter, as 24 lower-case hex
// characters.
func (s *Store) newID() string {
	var b [12]byte
	binary.BigEndian.PutUint32(b[:4], uint32(time.Now().Unix()))
	copy(b[4:9], s.idRand[:])
	s.idCount++
	b[9], b[10], b[11] = byte(s.idCount>>16), byte(s.idCount>>8), byte(s.idCount)
	return hex.EncodeToString(b[:])
}

// newCustomerID is a new id not used by any customer (seeded ids included).
func (s *Store) newCustomerID(tx *records.Tx[string, Customer]) string {
	for {
		if id := s.newID(); !tx.Has(id) {
			return id
		}
	}
}

// validID reports whether id is 24 lower-case hex characters.
func validID(id string) bool {
	if len(id) != 24 {
		return false
	}
	for i := 0; i < len(id); i++ {
		if c := id[i]; (c < '0' || c > '9') && (c < 'a' || c > 'f') {
			return false
		}
	}
	return true
}

// later is the updatedAt of a write: now, but always after prev (so that a
// write in the same millisecond still moves updatedAt on).
func later(prev string) string {
	t := now().Truncate(time.Millisecond)
	if p, err := time.Parse(TimeLayout, prev); err == nil && !t.After(p) {
		t = p.Add(time.Millisecond)
	}
	return stamp(t)
}

// emailTaken reports whether a customer other than self has email, compared
// case-insensitively.
func emailTaken(tx *records.Tx[string, Customer], self, email string) bool {
	_, taken := tx.Find(self, func(c *Customer) bool { return strings.EqualFold(c.Email, email) })
	return taken
}

// create stores a validated customer (writable fields only) unless its
// e-mail is taken.
func (s *Store) create(c Customer) (Customer, error) {
	var out Customer
	err := s.Customers.Update(func(tx *records.Tx[string, Customer]) error {
		// Normalised first, so the uniqueness check sees what would be stored.
		c = s.normalizeCustomer(c)
		if emailTaken(tx, "", c.Email) {
			return records.ErrExists
		}
		c.ID = tx.NewID()
		c.Role = RoleID
		c.VerifiedEmail, c.Newsletter, c.IsB2B = false, false, false
		c.CreatedBy = CreatedBy{ID: CreatorID, Name: CreatorName}
		c.CreatedAt = stamp(now())
		c.UpdatedAt = c.CreatedAt
		out = tx.Put(c)
		return nil
	})
	return out, err
}

// update is PUT: every writable field comes from c (absent optionals are
// cleared, every address gets a new id), except that an empty Status keeps
// the stored one. Server-set fields are kept; updatedAt moves on.
func (s *Store) update(id string, c Customer) (Customer, error) {
	return s.Customers.Change(id, func(tx *records.Tx[string, Customer], old Customer) (Customer, error) {
		c = s.normalizeCustomer(c)
		if emailTaken(tx, id, c.Email) {
			return c, records.ErrExists
		}
		if c.Status == "" {
			c.Status = old.Status
		}
		c.Role, c.VerifiedEmail, c.Newsletter, c.IsB2B = old.Role, old.VerifiedEmail, old.Newsletter, old.IsB2B
		c.CreatedBy, c.CreatedAt = old.CreatedBy, old.CreatedAt
		c.UpdatedAt = later(old.UpdatedAt)
		for i := range c.Address {
			c.Address[i].ID = ""
		}
		return c, nil
	})
}
