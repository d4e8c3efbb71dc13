package webcommander

// apply writes a validated body's fields onto c, normalised as the
// switches say: every string trimmed, the e-mail lower-cased. Passwords are
// credentials, kept exactly as sent.
func (s *Store) apply(c *Customer, in *input) {
	o := s.Normalize()
	for _, tf := range textFields {
		v, ok := in.text[tf.name]
		if !ok {
			continue
		}
		if tf.name == "email" {
			v = o.Email(v)
		} else {
			v = o.Text(v)
		}
		*tf.of(c) = v
	}
	if in.profileSet {
		c.ShippingProfile = in.profile
	}
	if in.newsletter != nil {
		c.Newsletter = in.newsletter
	}
	if in.storeCredit != nil {
		c.StoreCredit = *in.storeCredit
	}
	if in.creditLimit != nil {
		c.CreditLimit = *in.creditLimit
	}
	if in.passwordExpired != nil {
		c.CustomerPasswordExpired = *in.passwordExpired
	}
	if in.allowCreditLimit != nil {
		c.AllowCreditLimit = *in.allowCreditLimit
	}
}
