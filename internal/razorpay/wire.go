package razorpay

import (
	"bytes"
	"encoding/json"
	"fmt"

	"github.com/customerops/terraform-provider-crm/internal/transport"
)

// CustomerInput is the create body. FailExisting is a JSON string, as the
// API requires: "0" hands back an existing customer with the same email +
// contact instead of failing.
type CustomerInput struct {
	Name         string            `json:"name"`
	Contact      string            `json:"contact"`
	Email        string            `json:"email"`
	FailExisting string            `json:"fail_existing"`
	GSTIN        *string           `json:"gstin,omitempty"`
	Notes        map[string]string `json:"notes,omitempty"`
}

// EditInput is the edit PUT's body: exactly the three fields it takes.
type EditInput struct {
	Name    string `json:"name"`
	Contact string `json:"contact"`
	Email   string `json:"email"`
}

// Customer is a customer entity as the API returns it.
type Customer struct {
	ID        string  `json:"id"`
	Entity    string  `json:"entity"`
	Name      string  `json:"name"`
	Email     string  `json:"email"`
	Contact   string  `json:"contact"`
	GSTIN     *string `json:"gstin"`
	Notes     Notes   `json:"notes"`
	CreatedAt int64   `json:"created_at"`
}

// collection is the list envelope.
type collection struct {
	Entity string     `json:"entity"`
	Count  int        `json:"count"`
	Items  []Customer `json:"items"`
}

// Notes reads Razorpay's notes: an object, or [] (and null) when empty. A
// non-string value (possible for notes set outside the API) keeps its JSON
// text rather than failing the whole read.
type Notes map[string]string

func (n *Notes) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	if bytes.Equal(b, []byte("null")) {
		*n = nil
		return nil
	}
	if len(b) > 0 && b[0] == '[' {
		var arr []json.RawMessage
		if err := json.Unmarshal(b, &arr); err != nil || len(arr) != 0 {
			return fmt.Errorf("notes: want an object or [], got %.40s", b)
		}
		*n = nil
		return nil
	}
	var raw map[string]json.RawMessage
	if err := json.Unmarshal(b, &raw); err != nil {
		return fmt.Errorf("notes: want an object or [], got %.40s", b)
	}
	out := make(Notes, len(raw))
	for k, v := range raw {
		var s string
		if json.Unmarshal(v, &s) != nil {
			s = string(v)
		}
		out[k] = s
	}
	*n = out
	return nil
}

// checked refuses an answer without an id, which would otherwise become a
// resource with an empty id in state.
func checked(c *Customer) (*Customer, error) {
	return transport.Checked(c, func(c *Customer) string { return c.ID }, "razorpay API: the answer has no customer id")
}
