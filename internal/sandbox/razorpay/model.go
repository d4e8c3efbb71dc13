package razorpay

import (
	"bytes"
	"encoding/json"
	"errors"
	"maps"
)

// Customer is the wire and storage shape of a Razorpay customer entity.
type Customer struct {
	ID        string            `json:"id"`
	Entity    string            `json:"entity"`
	Name      string            `json:"name"`
	Email     string            `json:"email"`
	Contact   string            `json:"contact"`
	GSTIN     *string           `json:"gstin"`
	Notes     map[string]string `json:"notes"`
	CreatedAt int64             `json:"created_at"`
}

// wireNotes is notes as Razorpay writes them: [] when empty (a PHP empty
// array), an object otherwise.
type wireNotes map[string]string

func (n wireNotes) MarshalJSON() ([]byte, error) {
	if len(n) == 0 {
		return []byte("[]"), nil
	}
	return json.Marshal(map[string]string(n))
}

func (n *wireNotes) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	switch {
	case string(b) == "null":
		*n = nil
		return nil
	case len(b) > 0 && b[0] == '[':
		var arr []json.RawMessage
		if err := json.Unmarshal(b, &arr); err != nil {
			return err
		}
		if len(arr) != 0 {
			return errors.New("notes: a non-empty array is not a notes object")
		}
		*n = nil
		return nil
	}
	var m map[string]string
	if err := json.Unmarshal(b, &m); err != nil {
		return err
	}
	*n = m
	return nil
}

// customerJSON is Customer with notes in their wire form, fields in
// Razorpay's order.
type customerJSON struct {
	ID        string    `json:"id"`
	Entity    string    `json:"entity"`
	Name      string    `json:"name"`
	Email     string    `json:"email"`
	Contact   string    `json:"contact"`
	GSTIN     *string   `json:"gstin"`
	Notes     wireNotes `json:"notes"`
	CreatedAt int64     `json:"created_at"`
}

// MarshalJSON writes empty notes as [] (contract §4 quirk).
func (c Customer) MarshalJSON() ([]byte, error) {
	return json.Marshal(customerJSON{c.ID, c.Entity, c.Name, c.Email, c.Contact, c.GSTIN, wireNotes(c.Notes), c.CreatedAt})
}

// UnmarshalJSON reads notes given as [] or as an object.
func (c *Customer) UnmarshalJSON(b []byte) error {
	var v customerJSON
	if err := json.Unmarshal(b, &v); err != nil {
		return err
	}
	*c = Customer{v.ID, v.Entity, v.Name, v.Email, v.Contact, v.GSTIN, map[string]string(v.Notes), v.CreatedAt}
	return nil
}

// clone copies c so that callers never share the notes map with the store.
func (c Customer) clone() Customer {
	if c.Notes != nil {
		c.Notes = maps.Clone(c.Notes)
	}
	return c
}
