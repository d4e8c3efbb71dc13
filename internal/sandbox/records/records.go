// Package records is the storage every platform emulator keeps its
// records in: a Table per kind of record, safe for concurrent use, that
// hands out copies. A table offers the same verbs on every platform for
// what tests and the control surface do out of band, bypassing the API's
// rules:
//
//	Seed    store a record as given, filling what the API would set
//	Get     one record by id
//	List    every record, in the platform's list order
//	Mutate  change the JSON fields a patch names
//	Delete  remove a record
//
// The API's own writes, which check other records under the same lock as
// the write (unique e-mails, a group that must exist), go through Update
// and View. What differs between platforms (ids, defaults, order, the
// field a change bumps) is the table's Kind.
package records

import (
	"bytes"
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"slices"
	"sync"
)

// Errors of the API's writes, for the handlers to answer in the platform's
// words.
var (
	ErrNotFound = errors.New("not found")
	ErrExists   = errors.New("already exists") // a unique field is taken
)

// Kind is what a Table needs to know about one kind of record. Its funcs
// run under the table's lock.
type Kind[K cmp.Ordered, T any] struct {
	// Label names a record in errors: "xtrakit: customer" gives
	// "xtrakit: customer 3 not found".
	Label string
	// ID is where a record keeps its id.
	ID func(*T) *K
	// Assign is the id a record is stored under, given the one it came
	// with: the zero id (or what the platform counts as none) asks for a
	// new one. The API's creates pass the zero id.
	Assign func(tx *Tx[K, T], id K) K
	// Defaults fills what a seeded record leaves empty and the API would
	// have set (timestamps, account fields). nil: nothing.
	Defaults func(*T)
	// Complete makes any record fit to store, whoever wrote it (empty
	// lists rather than nil, ids of nested records). nil: nothing.
	Complete func(*T)
	// Clone copies a record so that no caller shares maps, slices or
	// pointers with the table. nil: a plain copy is enough.
	Clone func(T) T
	// Order is the list order. nil: by id.
	Order func(a, b Placed[T]) int
	// Reseed says that seeding over an existing id counts as a new record
	// in the insertion order; otherwise it keeps its place.
	Reseed bool
	// Frozen are the JSON fields a Mutate may not change ("id").
	Frozen []string
	// Touch is the field a Mutate bumps unless the patch sets it, and its
	// new value (an updated_at, a version). nil: none.
	Touch func(old *T) (field string, value any)
	// Deleted runs when a record is removed, by the API or out of band.
	Deleted func(id K)
}

// Placed is a record and its place in the insertion order, for Kind.Order.
type Placed[T any] struct {
	Rec *T
	Seq int64
}

// Inserted orders records as they were first stored.
func Inserted[T any](a, b Placed[T]) int { return cmp.Compare(a.Seq, b.Seq) }

// Table holds the records of one kind by id.
type Table[K cmp.Ordered, T any] struct {
	kind Kind[K, T]
	mu   sync.RWMutex
	recs map[K]*entry[T]
	seq  int64 // insertion counter
	last K     // the largest id ever stored
}

type entry[T any] struct {
	rec T
	seq int64
}

// New returns an empty table of kind.
func New[K cmp.Ordered, T any](kind Kind[K, T]) *Table[K, T] {
	return &Table[K, T]{kind: kind, recs: map[K]*entry[T]{}}
}

func (t *Table[K, T]) clone(rec T) T {
	if t.kind.Clone == nil {
		return rec
	}
	return t.kind.Clone(rec)
}

// Seed stores rec out of band and returns the stored copy: an id it lacks
// is assigned and Defaults fill the rest. Nothing is validated or
// normalised, and nothing is checked against other records (a drift test
// may want a clash). An existing id is overwritten.
func (t *Table[K, T]) Seed(rec T) T {
	t.mu.Lock()
	defer t.mu.Unlock()
	rec = t.clone(rec)
	id := t.kind.ID(&rec)
	*id = t.kind.Assign(&Tx[K, T]{t}, *id)
	if t.kind.Defaults != nil {
		t.kind.Defaults(&rec)
	}
	if t.kind.Reseed {
		delete(t.recs, *id)
	}
	return t.put(rec)
}

// Get returns the record with id.
func (t *Table[K, T]) Get(id K) (T, bool) {
	t.mu.RLock()
	defer t.mu.RUnlock()
	return (&Tx[K, T]{t}).Get(id)
}

// List returns every record in list order.
func (t *Table[K, T]) List() []T {
	out, _ := t.Page(nil, 0, -1)
	return out
}

// Page returns, in list order, limit (< 0: all) of the records that match
// (nil: all), from offset on, and how many match in all.
func (t *Table[K, T]) Page(match func(*T) bool, offset, limit int) ([]T, int) {
	t.mu.RLock()
	defer t.mu.RUnlock()
	placed := make([]Placed[T], 0, len(t.recs))
	for _, e := range t.recs {
		if match == nil || match(&e.rec) {
			placed = append(placed, Placed[T]{&e.rec, e.seq})
		}
	}
	order := t.kind.Order
	if order == nil {
		order = func(a, b Placed[T]) int { return cmp.Compare(*t.kind.ID(a.Rec), *t.kind.ID(b.Rec)) }
	}
	slices.SortFunc(placed, order)
	total := len(placed)
	placed = placed[min(offset, total):]
	if limit >= 0 {
		placed = placed[:min(limit, len(placed))]
	}
	out := make([]T, len(placed))
	for i, p := range placed {
		out[i] = t.clone(*p.Rec)
	}
	return out, total
}

// Mutate changes a stored record out of band. patch uses the record's JSON
// field names; Frozen ones, unknown ones and values of the wrong type are
// errors, so that a typo in a drift test fails loudly. The Touch field is
// bumped unless the patch sets it. Nothing is validated or normalised.
func (t *Table[K, T]) Mutate(id K, patch map[string]any) error {
	t.mu.Lock()
	defer t.mu.Unlock()
	e, ok := t.recs[id]
	if !ok {
		return fmt.Errorf("%s %v not found", t.kind.Label, id)
	}
	rec, err := t.patched(&e.rec, patch)
	if err != nil {
		return fmt.Errorf("%s %v: %w", t.kind.Label, id, err)
	}
	*t.kind.ID(&rec) = id
	if t.kind.Complete != nil {
		t.kind.Complete(&rec)
	}
	e.rec = rec
	return nil
}

// patched is *old with patch laid over its JSON form.
func (t *Table[K, T]) patched(old *T, patch map[string]any) (T, error) {
	var rec T
	for _, k := range t.kind.Frozen {
		if _, bad := patch[k]; bad {
			return rec, fmt.Errorf("%s cannot be patched", k)
		}
	}
	raw, err := json.Marshal(old)
	if err != nil {
		return rec, err
	}
	var fields map[string]any
	d := json.NewDecoder(bytes.NewReader(raw))
	d.UseNumber() // numbers keep every digit
	if err := d.Decode(&fields); err != nil {
		return rec, err
	}
	for _, k := range slices.Sorted(maps.Keys(patch)) {
		if _, known := fields[k]; !known {
			return rec, fmt.Errorf("unknown field %q", k)
		}
		fields[k] = patch[k]
	}
	if t.kind.Touch != nil {
		if k, v := t.kind.Touch(old); k != "" {
			if _, set := patch[k]; !set {
				fields[k] = v
			}
		}
	}
	if raw, err = json.Marshal(fields); err != nil {
		return rec, err
	}
	d = json.NewDecoder(bytes.NewReader(raw))
	d.DisallowUnknownFields()
	err = d.Decode(&rec)
	return rec, err
}

// Delete removes a record out of band, without any check the API makes.
func (t *Table[K, T]) Delete(id K) bool {
	t.mu.Lock()
	defer t.mu.Unlock()
	return (&Tx[K, T]{t}).Delete(id)
}

// Update runs fn with the table locked for writing: an API write and the
// checks it makes against other records, all at once. fn's error is
// returned.
func (t *Table[K, T]) Update(fn func(tx *Tx[K, T]) error) error {
	t.mu.Lock()
	defer t.mu.Unlock()
	return fn(&Tx[K, T]{t})
}

// Change is the API's update of the record with id, under the same lock as
// the write: fn gets a copy of the stored record and returns the one to
// store (its id is kept), or an error, and then nothing changes. It returns
// a copy of what it stored, or ErrNotFound.
func (t *Table[K, T]) Change(id K, fn func(tx *Tx[K, T], old T) (T, error)) (T, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	tx := &Tx[K, T]{t}
	rec, ok := tx.Get(id)
	if !ok {
		return rec, ErrNotFound
	}
	rec, err := fn(tx, rec)
	if err != nil {
		var zero T
		return zero, err
	}
	*t.kind.ID(&rec) = id
	return t.put(rec), nil
}

// View runs fn with the table locked for reading; fn must not write.
func (t *Table[K, T]) View(fn func(tx *Tx[K, T])) {
	t.mu.RLock()
	defer t.mu.RUnlock()
	fn(&Tx[K, T]{t})
}

// put stores rec (Complete first): a new id goes last in the insertion
// order, an existing one keeps its place. It returns a copy. Callers hold
// the lock.
func (t *Table[K, T]) put(rec T) T {
	if t.kind.Complete != nil {
		t.kind.Complete(&rec)
	}
	id := *t.kind.ID(&rec)
	e, ok := t.recs[id]
	if !ok {
		t.seq++
		e = &entry[T]{seq: t.seq}
		t.recs[id] = e
	}
	e.rec = rec
	t.last = max(t.last, id)
	return t.clone(rec)
}

// Tx is a table inside Update or View.
type Tx[K cmp.Ordered, T any] struct{ t *Table[K, T] }

// Get returns a copy of the record with id.
func (tx *Tx[K, T]) Get(id K) (T, bool) {
	e, ok := tx.t.recs[id]
	if !ok {
		var zero T
		return zero, false
	}
	return tx.t.clone(e.rec), true
}

// Has reports whether a record has id.
func (tx *Tx[K, T]) Has(id K) bool {
	_, ok := tx.t.recs[id]
	return ok
}

// Find returns a copy of a record other than the one with id skip that
// matches, if any.
func (tx *Tx[K, T]) Find(skip K, match func(*T) bool) (T, bool) {
	for id, e := range tx.t.recs {
		if id != skip && match(&e.rec) {
			return tx.t.clone(e.rec), true
		}
	}
	var zero T
	return zero, false
}

// Last is the largest id ever stored (ids are not reused).
func (tx *Tx[K, T]) Last() K { return tx.t.last }

// NewID is the id of a record the API creates.
func (tx *Tx[K, T]) NewID() K {
	var none K
	return tx.t.kind.Assign(tx, none)
}

// Put stores rec under its id, Completed, and returns a copy: a new id
// goes last in the insertion order, an existing one keeps its place.
func (tx *Tx[K, T]) Put(rec T) T { return tx.t.put(rec) }

// Delete removes the record with id.
func (tx *Tx[K, T]) Delete(id K) bool {
	if _, ok := tx.t.recs[id]; !ok {
		return false
	}
	delete(tx.t.recs, id)
	if tx.t.kind.Deleted != nil {
		tx.t.kind.Deleted(id)
	}
	return true
}

// NextInt assigns the ids 1, 2, 3, ...: a record without a positive id
// gets the one after the largest ever stored.
func NextInt[T any](tx *Tx[int64, T], id int64) int64 {
	if id <= 0 {
		return tx.Last() + 1
	}
	return id
}
