package webcommander

// normalizeCustomer is a validated create or PUT body as the API stores it:
// every string trimmed, the e-mail lower-cased, as the switches say.
// Passwords are credentials, kept exactly as sent. in is not changed.
func (s *Store) normalizeCustomer(in *input) *input {
	o := s.Normalize()
	out := *in
	out.text = make(map[string]string, len(in.text))
	for name, v := range in.text {
		if name == "email" {
			v = o.Email(v)
		} else {
			v = o.Text(v)
		}
		out.text[name] = v
	}
	return &out
}
