package razorpay

import (
	"cmp"
	"math/rand/v2"
	"strings"
	"time"

	"github.com/customerops/terraform-provider-crm/internal/sandbox/normalize"
	"github.com/customerops/terraform-provider-crm/internal/sandbox/records"
)

// Store holds one merchant's customers, newest first as Razorpay lists
// them. It is safe for concurrent use; every method hands out copies.
// Seeded customers get the id, entity and created_at they lack, and their
// e-mail + contact pair is not checked (a drift test may want a clash);
// seeding over an existing id makes it the newest. Delete exists only out
// of band: the API has none. Mutate may not change id or entity.
type Store struct {
	normalize.Switches // applied by the API's writes only
	Customers          *records.Table[string, Customer]
}

// NewStore returns an empty store.
func NewStore() *Store {
	return &Store{Customers: records.New(records.Kind[string, Customer]{
		Label: "razorpay: customer", ID: func(c *Customer) *string { return &c.ID },
		Assign: func(tx *records.Tx[string, Customer], id string) string {
			if id == "" {
				return newID(tx)
			}
			return id
		},
		Defaults: func(c *Customer) {
			c.Entity = "customer"
			if c.CreatedAt == 0 {
				c.CreatedAt = time.Now().Unix()
			}
		},
		Clone: Customer.clone, Order: newestFirst, Reseed: true, Frozen: []string{"id", "entity"},
	})}
}

// newestFirst orders by created_at, newest first; customers created in
// the same second newest first too.
func newestFirst(a, b records.Placed[Customer]) int {
	if c := cmp.Compare(b.Rec.CreatedAt, a.Rec.CreatedAt); c != 0 {
		return c
	}
	return cmp.Compare(b.Seq, a.Seq)
}

const idChars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"

// newID returns an unused "cust_" + 14 alphanumerics.
func newID(tx *records.Tx[string, Customer]) string {
	for {
		var b [19]byte
		copy(b[:], "cust_")
		for i := 5; i < len(b); i++ {
			b[i] = idChars[rand.IntN(len(idChars))]
		}
		if !tx.Has(string(b[:])) {
			return string(b[:])
		}
	}
}

// clash returns the customer other than self with the same email + contact
// pair (decided: e-mail compared case-insensitively; a customer with neither
// e-mail nor contact never clashes).
func clash(tx *records.Tx[string, Customer], self, email, contact string) (Customer, bool) {
	if email == "" && contact == "" {
		return Customer{}, false
	}
	return tx.Find(self, func(c *Customer) bool { return c.Contact == contact && strings.EqualFold(c.Email, email) })
}

// create stores a new customer from a validated create body unless its
// email + contact pair is taken: then the existing customer comes back when
// in.failExisting is false, records.ErrExists otherwise.
func (s *Store) create(in input) (Customer, error) {
	var out Customer
	err := s.Customers.Update(func(tx *records.Tx[string, Customer]) error {
		// Normalised first, so the clash check sees what would be stored.
		in := s.normalizeCustomer(in)
		c := Customer{Name: deref(in.name), Contact: deref(in.contact), Email: deref(in.email), GSTIN: in.gstin, Notes: in.notes}
		if old, ok := clash(tx, "", c.Email, c.Contact); ok {
			if in.failExisting {
				return records.ErrExists
			}
			out = old
			return nil
		}
		c.ID = tx.NewID()
		c.Entity = "customer"
		c.CreatedAt = time.Now().Unix()
		out = tx.Put(c)
		return nil
	})
	return out, err
}

// update is the API's edit: it changes the fields a validated edit body
// carries (nil = unchanged).
func (s *Store) update(id string, in input) (Customer, error) {
	return s.Customers.Change(id, func(tx *records.Tx[string, Customer], c Customer) (Customer, error) {
		in := s.normalizeCustomer(in)
		if in.name != nil {
			c.Name = *in.name
		}
		if in.email != nil {
			c.Email = *in.email
		}
		if in.contact != nil {
			c.Contact = *in.contact
		}
		if _, taken := clash(tx, id, c.Email, c.Contact); taken {
			return c, records.ErrExists
		}
		return c, nil
	})
}

func deref(p *string) string {
	if p == nil {
		return ""
	}
	return *p
}
