package razorpay

import "maps"

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

// clone copies c so that callers never share the notes map with the store.
func (c Customer) clone() Customer {
	if c.Notes != nil {
		c.Notes = maps.Clone(c.Notes)
	}
	return c
}
