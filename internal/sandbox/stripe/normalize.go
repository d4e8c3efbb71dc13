package stripe

// Normalisation (the shared switches, applied by the API's writes in
// Store.apply): trimmed strings (names, phones, descriptions, address and
// shipping parts) and lower-cased e-mails. Stripe itself stores what it is
// sent; the switches test that the provider does not rely on that.
