package stripe

import "maps"

// Customer is the wire and storage shape of a Stripe customer: every field
// Stripe answers for a customer without payment details. Nullable fields
// are pointers; metadata is {} and preferred_locales [] when empty.
type Customer struct {
	ID                  string            `json:"id"`
	Object              string            `json:"object"`
	Address             *Address          `json:"address"`
	Balance             int64             `json:"balance"`
	Created             int64             `json:"created"`
	Currency            *string           `json:"currency"`
	DefaultSource       *string           `json:"default_source"`
	Delinquent          bool              `json:"delinquent"`
	Description         *string           `json:"description"`
	Discount            any               `json:"discount"`
	Email               *string           `json:"email"`
	InvoicePrefix       string            `json:"invoice_prefix"`
	InvoiceSettings     InvoiceSettings   `json:"invoice_settings"`
	Livemode            bool              `json:"livemode"`
	Metadata            map[string]string `json:"metadata"`
	Name                *string           `json:"name"`
	NextInvoiceSequence int64             `json:"next_invoice_sequence"`
	Phone               *string           `json:"phone"`
	PreferredLocales    []string          `json:"preferred_locales"`
	Shipping            *Shipping         `json:"shipping"`
	TaxExempt           string            `json:"tax_exempt"`
	TestClock           *string           `json:"test_clock"`
}

// Address is an address hash; parts not sent are null.
type Address struct {
	City       *string `json:"city"`
	Country    *string `json:"country"`
	Line1      *string `json:"line1"`
	Line2      *string `json:"line2"`
	PostalCode *string `json:"postal_code"`
	State      *string `json:"state"`
}

// Shipping is the shipping hash.
type Shipping struct {
	Address Address `json:"address"`
	Name    string  `json:"name"`
	Phone   *string `json:"phone"`
}

// InvoiceSettings is answered with its expandable default_payment_method
// unexpanded (null).
type InvoiceSettings struct {
	CustomFields         any     `json:"custom_fields"`
	DefaultPaymentMethod *string `json:"default_payment_method"`
	Footer               *string `json:"footer"`
	RenderingOptions     any     `json:"rendering_options"`
}

// Deleted is what Stripe answers for a deleted customer.
type Deleted struct {
	ID      string `json:"id"`
	Object  string `json:"object"`
	Deleted bool   `json:"deleted"`
}

func ptr[T any](v *T) *T {
	if v == nil {
		return nil
	}
	c := *v
	return &c
}

func (a *Address) clone() *Address {
	if a == nil {
		return nil
	}
	return &Address{City: ptr(a.City), Country: ptr(a.Country), Line1: ptr(a.Line1), Line2: ptr(a.Line2),
		PostalCode: ptr(a.PostalCode), State: ptr(a.State)}
}

// parts are the address's fields, for changing each in place.
func (a *Address) parts() []**string {
	return []**string{&a.Line1, &a.Line2, &a.City, &a.State, &a.PostalCode, &a.Country}
}

func (c Customer) clone() Customer {
	c.Address = c.Address.clone()
	c.Currency, c.DefaultSource, c.Description = ptr(c.Currency), ptr(c.DefaultSource), ptr(c.Description)
	c.Email, c.Name, c.Phone, c.TestClock = ptr(c.Email), ptr(c.Name), ptr(c.Phone), ptr(c.TestClock)
	c.Metadata = maps.Clone(c.Metadata)
	c.PreferredLocales = append([]string(nil), c.PreferredLocales...)
	if c.Shipping != nil {
		s := *c.Shipping
		s.Address = *s.Address.clone()
		s.Phone = ptr(s.Phone)
		c.Shipping = &s
	}
	return c
}
