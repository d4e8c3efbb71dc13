package razorpay

import "github.com/customerops/terraform-provider-crm/internal/sandbox/normalize"

// normCreate is a new customer as the API stores it: name, contact, e-mail,
// GSTIN and note values normalised as the switches say.
func (s *Store) normCreate(c Customer) Customer {
	o := s.Normalize()
	c.Name, c.Contact, c.Email = o.Text(c.Name), o.Text(c.Contact), o.Email(c.Email)
	c.GSTIN = normalize.Ptr(c.GSTIN, o.GSTIN)
	if len(c.Notes) > 0 {
		notes := make(map[string]string, len(c.Notes))
		for k, v := range c.Notes {
			notes[k] = o.Text(v) // keys are names, not values: kept as sent
		}
		c.Notes = notes
	}
	return c
}

// normEdit normalises the fields an edit carries (nil = not sent); what it
// leaves unchanged is not rewritten.
func (s *Store) normEdit(name, email, contact *string) (*string, *string, *string) {
	o := s.Normalize()
	return normalize.Ptr(name, o.Text), normalize.Ptr(email, o.Email), normalize.Ptr(contact, o.Text)
}
