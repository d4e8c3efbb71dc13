package stripe

import (
	"cmp"
	"math/rand/v2"
	"sync"
	"time"

	"github.com/customerops/terraform-provider-crm/internal/sandbox/normalize"
	"github.com/customerops/terraform-provider-crm/internal/sandbox/records"
)

// Store holds one Stripe account's customers, newest first, the deleted
// ones' ids, and the idempotent answers kept. It is safe for concurrent
// use; every method hands out copies.
//
// Seed fills an empty id, object, created, invoice_prefix and tax_exempt;
// any write makes nil metadata and preferred_locales empty. Seed and Mutate
// neither validate nor normalise.
type Store struct {
	normalize.Switches // applied by the API's writes only
	Customers          *records.Table[string, Customer]

	mu      sync.Mutex
	deleted map[string]bool // ids of deleted customers (retrievable as deleted)

	// keyed guards replays and inFlight.
	keyed   sync.Mutex
	replays map[string]replay
	// inFlight holds the idempotency keys of the requests being handled.
	inFlight map[string]bool
}

// replay is the answer kept for an idempotency key.
type replay struct {
	request string // method, path and encoded parameters
	status  int
	body    []byte
}

// NewStore returns an empty store.
func NewStore() *Store {
	s := &Store{deleted: map[string]bool{}, replays: map[string]replay{}, inFlight: map[string]bool{}}
	s.Customers = records.New(records.Kind[string, Customer]{
		Label: "stripe: customer", ID: func(c *Customer) *string { return &c.ID },
		Assign: func(tx *records.Tx[string, Customer], id string) string {
			if id != "" {
				return id
			}
			for {
				if id = newID("cus_", 14); !tx.Has(id) && !s.isDeleted(id) {
					return id
				}
			}
		},
		Defaults: seedDefaults, Complete: complete, Clone: Customer.clone,
		Order:   newestFirst,
		Frozen:  []string{"id", "object"},
		Deleted: func(id string) { s.mu.Lock(); s.deleted[id] = true; s.mu.Unlock() },
	})
	return s
}

// newestFirst is Stripe's list order: created, newest first; creation
// order breaks ties.
func newestFirst(a, b records.Placed[Customer]) int {
	if c := cmp.Compare(b.Rec.Created, a.Rec.Created); c != 0 {
		return c
	}
	return cmp.Compare(b.Seq, a.Seq)
}

func (s *Store) isDeleted(id string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.deleted[id]
}

// Forget removes every trace of a deleted customer: a retrieve is then
// 404, as for an id never used.
func (s *Store) Forget(id string) {
	s.Customers.Delete(id)
	s.mu.Lock()
	delete(s.deleted, id)
	s.mu.Unlock()
}

// IdempotencyKeys is how many idempotency keys the store keeps answers for.
func (s *Store) IdempotencyKeys() int {
	s.keyed.Lock()
	defer s.keyed.Unlock()
	return len(s.replays)
}

const alnum = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"

func newID(prefix string, n int) string {
	b := []byte(prefix)
	for range n {
		b = append(b, alnum[rand.IntN(len(alnum))])
	}
	return string(b)
}

// newInvoicePrefix is what Stripe assigns: 8 upper-case letters or digits.
func newInvoicePrefix() string {
	const set = "0123456789ABCDEF"
	b := make([]byte, 8)
	for i := range b {
		b[i] = set[rand.IntN(len(set))]
	}
	return string(b)
}

var now = time.Now

func seedDefaults(c *Customer) {
	if c.Created == 0 {
		c.Created = now().Unix()
	}
	if c.InvoicePrefix == "" {
		c.InvoicePrefix = newInvoicePrefix()
	}
	if c.TaxExempt == "" {
		c.TaxExempt = "none"
	}
	if c.NextInvoiceSequence == 0 {
		c.NextInvoiceSequence = 1
	}
}

func complete(c *Customer) {
	c.Object = "customer"
	if c.Metadata == nil {
		c.Metadata = map[string]string{}
	}
	if c.PreferredLocales == nil {
		c.PreferredLocales = []string{}
	}
}

// create stores a new customer from a validated body.
func (s *Store) create(in *input) Customer {
	var out Customer
	_ = s.Customers.Update(func(tx *records.Tx[string, Customer]) error {
		c := Customer{ID: tx.NewID()}
		seedDefaults(&c)
		apply(&c, in)
		out = tx.Put(s.normalizeCustomer(c, in))
		return nil
	})
	return out
}

// update applies a validated body to a live customer.
func (s *Store) update(id string, in *input) (Customer, error) {
	return s.Customers.Change(id, func(_ *records.Tx[string, Customer], old Customer) (Customer, error) {
		apply(&old, in)
		return s.normalizeCustomer(old, in), nil
	})
}

// text stores an optional string as sent: "" clears it.
func text(dst **string, v *string) {
	if v == nil {
		return
	}
	if *v == "" {
		*dst = nil
		return
	}
	n := *v
	*dst = &n
}

// address is a sent address as stored: a part sent empty is null.
func address(a *Address) *Address {
	a = a.clone()
	for _, p := range a.parts() {
		if *p != nil && **p == "" {
			*p = nil
		}
	}
	return a
}

// apply changes c as a body says (internal/stripe/CONTRACT.md §4, §5;
// doc.go), storing values as sent; normalizeCustomer then normalises them.
func apply(c *Customer, in *input) {
	text(&c.Name, in.Name)
	text(&c.Email, in.Email)
	text(&c.Phone, in.Phone)
	text(&c.Description, in.Description)
	if in.TaxExempt != nil {
		c.TaxExempt = *in.TaxExempt
		if c.TaxExempt == "" {
			c.TaxExempt = "none"
		}
	}
	if in.InvoicePrefix != nil {
		c.InvoicePrefix = *in.InvoicePrefix
	}
	if in.ClearAddress {
		c.Address = nil
	}
	if in.Address != nil {
		c.Address = address(in.Address)
	}
	if in.ClearShipping {
		c.Shipping = nil
	}
	if in.Shipping != nil {
		sh := &Shipping{Address: *address(in.Shipping.Address), Name: *in.Shipping.Name}
		text(&sh.Phone, in.Shipping.Phone)
		c.Shipping = sh
	}
	if in.ClearMetadata || c.Metadata == nil {
		c.Metadata = map[string]string{}
	}
	for k, v := range in.Metadata {
		if v == "" {
			delete(c.Metadata, k)
		} else {
			c.Metadata[k] = v
		}
	}
	if in.SetLocales {
		c.PreferredLocales = append([]string{}, in.Locales...)
	}
}

// delete deletes a live customer; false when there is none.
func (s *Store) delete(id string) bool { return s.Customers.Delete(id) }

// page is one list page: the customers after (or before) a cursor that
// match email and the created range, and whether more follow.
func (s *Store) page(q listQuery) ([]Customer, bool) {
	all := s.Customers.List()
	match := func(c *Customer) bool {
		return (q.email == nil || (c.Email != nil && *c.Email == *q.email)) && q.created.holds(c.Created)
	}
	var picked []Customer
	switch {
	case q.endingBefore != "":
		i := index(all, q.endingBefore)
		for j := i - 1; j >= 0; j-- {
			if match(&all[j]) {
				picked = append([]Customer{all[j]}, picked...)
			}
		}
		if len(picked) > q.limit {
			return picked[len(picked)-q.limit:], true
		}
		return picked, false
	default:
		start := 0
		if q.startingAfter != "" {
			start = index(all, q.startingAfter) + 1
		}
		for _, c := range all[start:] {
			if match(&c) {
				picked = append(picked, c)
			}
		}
	}
	if len(picked) > q.limit {
		return picked[:q.limit], true
	}
	return picked, false
}

func index(all []Customer, id string) int {
	for i := range all {
		if all[i].ID == id {
			return i
		}
	}
	return -1
}
