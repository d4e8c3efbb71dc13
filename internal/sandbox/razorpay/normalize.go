package razorpay

import "github.com/customerops/terraform-provider-crm/internal/sandbox/normalize"

// SetNormalize sets how creates and edits normalise what they store from now
// on; customers already stored, seeded or mutated keep their values.
func (s *Store) SetNormalize(o normalize.Options) {
	s.mu.Lock()
	s.norm = o
	s.mu.Unlock()
}

// Normalize returns the switches set by SetNormalize.
func (s *Store) Normalize() normalize.Options {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.norm
}

// normCreate is a new customer as the API stores it: name, contact, e-mail,
// GSTIN and note values normalised as the switches say. Callers hold mu.
func (s *Store) normCreate(c Customer) Customer {
	o := s.norm
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
// leaves unchanged is not rewritten. Callers hold mu.
func (s *Store) normEdit(name, email, contact *string) (*string, *string, *string) {
	o := s.norm
	return normalize.Ptr(name, o.Text), normalize.Ptr(email, o.Email), normalize.Ptr(contact, o.Text)
}
