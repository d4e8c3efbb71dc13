package xtrakit

import "testing"

// A lost create is reconciled against the record it made, which a
// normalising platform stored trimmed and with the e-mail in lower case:
// what was sent and what is listed compare by meaning, as the resource's
// types do.
func TestSameCustomerBlanksAndCaseDoNotCount(t *testing.T) {
	sent := fullInput()
	sent.CustomerName, sent.CustomerCity, sent.Address1, sent.CreatedBy = "  Jane Doe ", "Accra\t", "1 Main St\n", " terraform"
	sent.CustomerEmail, sent.CustomerZip, sent.Address2 = strp("Jane@Example.COM"), strp(" 00233"), strp("  ")
	stored := fullInput()
	stored.CustomerName, stored.CustomerCity, stored.Address1, stored.CreatedBy = "Jane Doe", "Accra", "1 Main St", "terraform"
	stored.CustomerEmail, stored.CustomerZip, stored.Address2 = strp("jane@example.com"), strp("00233"), nil
	if !sameCustomer(sent, stored) || !sameCustomer(stored, sent) {
		t.Errorf("the record a create made must be recognised when stored trimmed and lower-cased:\n sent   %+v\n stored %+v", sent, stored)
	}
	stored.CustomerCity = "Tema"
	if sameCustomer(sent, stored) {
		t.Error("another city is another record")
	}
}
