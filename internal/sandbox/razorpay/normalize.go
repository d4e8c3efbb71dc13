package razorpay

import "github.com/customerops/terraform-provider-crm/internal/sandbox/normalize"

// normalizeCustomer is a validated create or edit body as the API stores
// it: name, contact, e-mail, GSTIN (a code: Emulator.Codes) and note
// values normalised as the switches say. Fields not sent stay nil: an edit does not rewrite what it
// leaves out.
func (s *Store) normalizeCustomer(in input) input {
	o := s.Normalize()
	in.name, in.email, in.contact = normalize.Ptr(in.name, o.Text), normalize.Ptr(in.email, o.Email), normalize.Ptr(in.contact, o.Text)
	in.gstin = normalize.Ptr(in.gstin, o.Code)
	if len(in.notes) > 0 {
		notes := make(map[string]string, len(in.notes))
		for k, v := range in.notes {
			notes[k] = o.Text(v) // keys are names, not values: kept as sent
		}
		in.notes = notes
	}
	return in
}
