package axim

import "github.com/customerops/terraform-provider-crm/internal/sandbox/normalize"

// normalizeCustomer is a validated create or PUT body as the API stores it:
// every string field trimmed (address fields and metaField codes included,
// metaField values not: they are any JSON value, kept as sent) and the
// e-mail lower-cased, as the switches say. c is the handler's own copy,
// changed in place.
func (s *Store) normalizeCustomer(c Customer) Customer {
	o := s.Normalize()
	c.FirstName, c.LastName, c.Email = o.Text(c.FirstName), o.Text(c.LastName), o.Email(c.Email)
	c.PhoneNumber = normalize.Ptr(c.PhoneNumber, o.Text)
	c.Company = normalize.Ptr(c.Company, o.Text)
	c.Notes = normalize.Ptr(c.Notes, o.Text)
	for i := range c.Address {
		a := &c.Address[i]
		for _, p := range []**string{&a.FirstName, &a.LastName, &a.PhoneNumber, &a.Address1, &a.Address2,
			&a.City, &a.State, &a.Country, &a.Zipcode} {
			*p = normalize.Ptr(*p, o.Text)
		}
	}
	for i := range c.MetaFields {
		c.MetaFields[i].Code = o.Text(c.MetaFields[i].Code)
	}
	return c
}
