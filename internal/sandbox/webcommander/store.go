package webcommander

import (
	"strings"
	"time"

	"github.com/customerops/terraform-provider-crm/internal/sandbox/normalize"
	"github.com/customerops/terraform-provider-crm/internal/sandbox/records"
)

// Store holds one WebCommander store's customers, in id order, and its
// OAuth tokens. It is safe for concurrent use; every method hands out
// copies.
//
// Seed gives a customer without a positive id the next one (an existing id
// is overwritten) and fills zero display_id, status, amounts, created_at,
// version and address ids. Seed and Mutate neither validate, normalise nor
// check e-mail uniqueness (a drift test may want a clash); Mutate may not
// change the id and bumps version unless the patch sets it. Delete removes
// a customer for good, its password too; the API's DELETE uses it.
type Store struct {
	normalize.Switches // applied by the API's writes only
	Customers          *records.Table[int64, Customer]

	// Used under the customers' lock:
	passwords  map[int64]string // the last password each customer was sent
	lastAddrID int64

	tok tokens
}

// NewStore returns an empty store whose access tokens live
// DefaultTokenLifetime.
func NewStore() *Store {
	s := &Store{
		passwords: map[int64]string{},
		tok:       tokens{lifetime: DefaultTokenLifetime, access: map[string]time.Time{}, refresh: map[string]struct{}{}},
	}
	s.Customers = records.New(records.Kind[int64, Customer]{
		Label: "webcommander: customer", ID: func(c *Customer) *int64 { return &c.ID },
		Assign: records.NextInt[Customer], Defaults: seedDefaults, Complete: s.fillAddressIDs,
		Clone: Customer.clone, Frozen: []string{"id"},
		Touch:   func(old *Customer) (string, any) { return "version", old.Version + 1 },
		Deleted: func(id int64) { delete(s.passwords, id) },
	})
	return s
}

// seedDefaults fills what a seed left empty.
func seedDefaults(c *Customer) {
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
}

// displayID is the display_id of customer id (decided: 1000 + id).
func displayID(id int64) int64 { return 1000 + id }

// fillAddressIDs gives every address without an id a new one.
func (s *Store) fillAddressIDs(c *Customer) {
	for i := range c.AddressIDs {
		if c.AddressIDs[i] == 0 {
			s.lastAddrID++
			c.AddressIDs[i] = s.lastAddrID
		}
	}
}

// Password returns the last password the API received for customer id
// (create or PUT); false if none was sent or the customer is gone.
func (s *Store) Password(id int64) (p string, ok bool) {
	s.Customers.View(func(*records.Tx[int64, Customer]) { p, ok = s.passwords[id] })
	return p, ok
}

// emailTaken reports whether a customer other than self has email, compared
// case-insensitively. No e-mail clashes with nothing.
func emailTaken(tx *records.Tx[int64, Customer], self int64, email string) bool {
	if email == "" {
		return false
	}
	_, taken := tx.Find(self, func(c *Customer) bool { return strings.EqualFold(c.Email, email) })
	return taken
}

// create stores a validated create body unless its e-mail is taken.
func (s *Store) create(in *input) (Customer, error) {
	var out Customer
	err := s.Customers.Update(func(tx *records.Tx[int64, Customer]) error {
		c := Customer{Status: DefaultStatus, StoreCredit: "0.00", CreditLimit: "0.00"}
		apply(&c, s.normalizeCustomer(in)) // normalised first, so the uniqueness check sees what is stored
		if emailTaken(tx, 0, c.Email) {
			return records.ErrExists
		}
		c.ID = tx.NewID()
		c.DisplayID, c.CreatedAt, c.Version = displayID(c.ID), stamp(), 1
		out = tx.Put(c)
		if in.password != nil {
			s.passwords[c.ID] = *in.password
		}
		return nil
	})
	return out, err
}

// update is PUT: only the fields in carries change; version moves on.
func (s *Store) update(id int64, in *input) (Customer, error) {
	return s.Customers.Change(id, func(tx *records.Tx[int64, Customer], c Customer) (Customer, error) {
		apply(&c, s.normalizeCustomer(in))
		if emailTaken(tx, id, c.Email) {
			return c, records.ErrExists
		}
		c.Version++
		if in.password != nil {
			s.passwords[id] = *in.password
		}
		return c, nil
	})
}

// apply writes a validated, normalised body's fields onto c.
func apply(c *Customer, in *input) {
	for _, tf := range textFields {
		if v, ok := in.text[tf.name]; ok {
			*tf.of(c) = v
		}
	}
	if in.profileSet {
		c.ShippingProfile = in.profile
	}
	if in.newsletter != nil {
		c.Newsletter = in.newsletter
	}
	if in.storeCredit != nil {
		c.StoreCredit = *in.storeCredit
	}
	if in.creditLimit != nil {
		c.CreditLimit = *in.creditLimit
	}
	if in.passwordExpired != nil {
		c.CustomerPasswordExpired = *in.passwordExpired
	}
	if in.allowCreditLimit != nil {
		c.AllowCreditLimit = *in.allowCreditLimit
	}
}
