package stripe

import "github.com/customerops/terraform-provider-crm/internal/sandbox/normalize"

// normalizeCustomer is c, as apply wrote a validated body in onto it, as
// the API stores it: the strings in sent (name, e-mail, phone, description,
// address and shipping parts) trimmed and the e-mail lower-cased, as the
// switches say; what in leaves out keeps its stored value. Stripe itself
// stores what it is sent; the switches test that the provider does not rely
// on that. It runs after apply because a parameter sent empty clears its
// field, while one trimmed to empty is stored as "".
func (s *Store) normalizeCustomer(c Customer, in *input) Customer {
	o := s.Normalize()
	for _, f := range []struct {
		sent  *string
		field **string
		norm  func(string) string
	}{{in.Name, &c.Name, o.Text}, {in.Email, &c.Email, o.Email}, {in.Phone, &c.Phone, o.Text}, {in.Description, &c.Description, o.Text}} {
		if f.sent != nil {
			*f.field = normalize.Ptr(*f.field, f.norm)
		}
	}
	if in.Address != nil {
		c.Address = normalizeAddress(c.Address, o)
	}
	if in.Shipping != nil {
		sh := *c.Shipping
		sh.Name = o.Text(sh.Name)
		sh.Phone = normalize.Ptr(sh.Phone, o.Text)
		sh.Address = *normalizeAddress(&sh.Address, o)
		c.Shipping = &sh
	}
	return c
}

// normalizeAddress is a stored address's copy with every part trimmed, as
// the switches say.
func normalizeAddress(a *Address, o normalize.Options) *Address {
	a = a.clone()
	for _, p := range a.parts() {
		*p = normalize.Ptr(*p, o.Text)
	}
	return a
}
