package axim

import (
	"bytes"
	"cmp"
	"encoding/binary"
	"encoding/hex"
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
	errExists   = errors.New("email taken")
)

// Store holds one Axim store's customers. It is safe for concurrent use;
// every method hands out copies.
type Store struct {
	normalize.Switches // applied by the API's writes only
	mu                 sync.RWMutex
	seq                int64
	recs               map[string]record

	// ObjectId parts: a per-store random value and a counter.
	idRand  [5]byte
	idCount uint32
}

// record keeps the creation sequence: lists are in creation order.
type record struct {
	c   Customer
	seq int64
}

// NewStore returns an empty store.
func NewStore() *Store {
	s := &Store{recs: map[string]record{}, idCount: rand.Uint32()}
	binary.BigEndian.PutUint32(s.idRand[:4], rand.Uint32())
	s.idRand[4] = byte(rand.Uint32())
	return s
}

// Seed stores c out of band and returns the stored copy. An empty id,
// role, createdBy or createdAt is filled (updatedAt defaults to createdAt),
// nil address and metaFields become empty, and every address without an id
// gets one. Nothing is validated or normalised, and e-mail uniqueness is not
// checked (a drift test may want a clash). An existing id is overwritten in
// place: it keeps its position in the creation order.
func (s *Store) Seed(c Customer) Customer {
	s.mu.Lock()
	defer s.mu.Unlock()
	c = c.clone()
	if c.ID == "" {
		c.ID = s.newCustomerID()
	}
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
	s.fillLists(&c)
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

// All returns every customer in creation order.
func (s *Store) All() []Customer {
	out, _ := s.page(func(*Customer) bool { return true }, 0, -1)
	return out
}

// Mutate changes a stored customer out of band. patch uses the JSON field
// names, address and metaFields included (addresses without an id get one);
// id cannot change. updatedAt is bumped unless the patch sets it. Unknown
// fields and wrong types are errors, so that a typo in a drift test fails
// loudly. Nothing is validated or normalised.
func (s *Store) Mutate(id string, patch map[string]any) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	r, ok := s.recs[id]
	if !ok {
		return fmt.Errorf("axim: customer %s not found", id)
	}
	if _, bad := patch["id"]; bad {
		return fmt.Errorf("axim: customer %s: id cannot be patched", id)
	}
	raw, err := json.Marshal(r.c)
	if err != nil {
		return err
	}
	var fields map[string]any
	d := json.NewDecoder(bytes.NewReader(raw))
	d.UseNumber() // meta values keep their exact numbers
	if err := d.Decode(&fields); err != nil {
		return err
	}
	for k, v := range patch {
		if _, known := fields[k]; !known {
			return fmt.Errorf("axim: customer %s: unknown field %q", id, k)
		}
		fields[k] = v
	}
	if _, set := patch["updatedAt"]; !set {
		fields["updatedAt"] = later(r.c.UpdatedAt)
	}
	if raw, err = json.Marshal(fields); err != nil {
		return fmt.Errorf("axim: customer %s: %w", id, err)
	}
	var c Customer
	d = json.NewDecoder(bytes.NewReader(raw))
	d.DisallowUnknownFields()
	if err := d.Decode(&c); err != nil {
		return fmt.Errorf("axim: customer %s: %w", id, err)
	}
	c.ID = id
	s.fillLists(&c)
	r.c = c
	s.recs[id] = r
	return nil
}

// Delete removes a customer out of band; the API's DELETE uses it too.
func (s *Store) Delete(id string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	_, ok := s.recs[id]
	delete(s.recs, id)
	return ok
}

// put stores c; a new id goes last in the creation order. Callers hold mu.
func (s *Store) put(c Customer) {
	r, ok := s.recs[c.ID]
	if !ok {
		s.seq++
		r.seq = s.seq
	}
	r.c = c
	s.recs[c.ID] = r
}

// fillLists makes nil lists empty and gives every address without an id a
// new one. Callers hold mu.
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
// characters. Callers hold mu.
func (s *Store) newID() string {
	var b [12]byte
	binary.BigEndian.PutUint32(b[:4], uint32(time.Now().Unix()))
	copy(b[4:9], s.idRand[:])
	s.idCount++
	b[9], b[10], b[11] = byte(s.idCount>>16), byte(s.idCount>>8), byte(s.idCount)
	return hex.EncodeToString(b[:])
}

// newCustomerID is a new id not used by any customer (seeded ids included).
// Callers hold mu.
func (s *Store) newCustomerID() string {
	for {
		id := s.newID()
		if _, taken := s.recs[id]; !taken {
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
// case-insensitively. Callers hold mu.
func (s *Store) emailTaken(self, email string) bool {
	for id, r := range s.recs {
		if id != self && strings.EqualFold(r.c.Email, email) {
			return true
		}
	}
	return false
}

// create stores a validated customer (writable fields only) unless its
// e-mail is taken.
func (s *Store) create(c Customer) (Customer, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	// Normalised first, so the uniqueness check sees what would be stored.
	c = s.normInput(c)
	if s.emailTaken("", c.Email) {
		return Customer{}, errExists
	}
	c.ID = s.newCustomerID()
	c.Role = RoleID
	c.VerifiedEmail, c.Newsletter, c.IsB2B = false, false, false
	c.CreatedBy = CreatedBy{ID: CreatorID, Name: CreatorName}
	c.CreatedAt = stamp(now())
	c.UpdatedAt = c.CreatedAt
	s.fillLists(&c)
	s.put(c)
	return c.clone(), nil
}

// replace is PUT: every writable field comes from c (absent optionals are
// cleared, every address gets a new id), except that an empty Status keeps
// the stored one. Server-set fields are kept; updatedAt moves on.
func (s *Store) replace(id string, c Customer) (Customer, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	r, ok := s.recs[id]
	if !ok {
		return Customer{}, errNotFound
	}
	c = s.normInput(c)
	if s.emailTaken(id, c.Email) {
		return Customer{}, errExists
	}
	old := r.c
	c.ID = id
	if c.Status == "" {
		c.Status = old.Status
	}
	c.Role, c.VerifiedEmail, c.Newsletter, c.IsB2B = old.Role, old.VerifiedEmail, old.Newsletter, old.IsB2B
	c.CreatedBy, c.CreatedAt = old.CreatedBy, old.CreatedAt
	c.UpdatedAt = later(old.UpdatedAt)
	for i := range c.Address {
		c.Address[i].ID = ""
	}
	s.fillLists(&c)
	r.c = c
	s.recs[id] = r
	return c.clone(), nil
}

// page returns, in creation order, limit (< 0: all) of the customers that
// match, from offset on, and how many match in all.
func (s *Store) page(match func(*Customer) bool, offset, limit int) ([]Customer, int) {
	s.mu.RLock()
	recs := make([]record, 0, len(s.recs))
	for _, r := range s.recs {
		if match(&r.c) {
			recs = append(recs, r)
		}
	}
	slices.SortFunc(recs, func(a, b record) int { return cmp.Compare(a.seq, b.seq) })
	total := len(recs)
	recs = recs[min(offset, total):]
	if limit >= 0 {
		recs = recs[:min(limit, len(recs))]
	}
	out := make([]Customer, len(recs))
	for i, r := range recs {
		out[i] = r.c.clone()
	}
	s.mu.RUnlock()
	return out, total
}
