package xtrakit

import "github.com/customerops/terraform-provider-crm/internal/sandbox/normalize"

// normalizeCustomer is a validated create or PUT body as the API stores it:
// every string field trimmed and the e-mail lower-cased, as the switches say.
func (s *Store) normalizeCustomer(c Customer) Customer {
	o := s.Normalize()
	c.CustomerName = o.Text(c.CustomerName)
	c.CustomerEmail = normalize.Ptr(c.CustomerEmail, o.Email)
	c.CustomerPhone = o.Text(c.CustomerPhone)
	c.CustomerWhatsapp = normalize.Ptr(c.CustomerWhatsapp, o.Text)
	c.CustomerCountry = o.Text(c.CustomerCountry)
	c.CustomerCity = o.Text(c.CustomerCity)
	c.CustomerState = o.Text(c.CustomerState)
	c.CustomerZip = normalize.Ptr(c.CustomerZip, o.Text)
	c.Address1 = o.Text(c.Address1)
	c.Address2 = normalize.Ptr(c.Address2, o.Text)
	c.CustomerProfile = normalize.Ptr(c.CustomerProfile, o.Text)
	c.CreatedBy = o.Text(c.CreatedBy)
	return c
}

// normalizeGroup is a validated group body as the API stores it: its
// strings trimmed, as the switches say.
func (s *Store) normalizeGroup(g Group) Group {
	o := s.Normalize()
	g.GroupName = o.Text(g.GroupName)
	g.GroupDescription = normalize.Ptr(g.GroupDescription, o.Text)
	return g
}
