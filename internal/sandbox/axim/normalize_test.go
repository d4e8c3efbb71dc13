package axim

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/customerops/terraform-provider-crm/internal/sandbox/emutest"
	"github.com/customerops/terraform-provider-crm/internal/sandbox/normalize"
)

// flat is a customer body's stored values by path: "firstName",
// "address.0.city", "metaFields.0.code", "metaFields.0.value" (JSON text).
func flat(t *testing.T, c Customer) map[string]string {
	t.Helper()
	out := map[string]string{"firstName": c.FirstName, "lastName": c.LastName, "email": c.Email, "status": c.Status}
	for k, p := range map[string]*string{"phoneNumber": c.PhoneNumber, "company": c.Company, "notes": c.Notes} {
		if p != nil {
			out[k] = *p
		}
	}
	for i, a := range c.Address {
		for k, p := range map[string]*string{"firstName": a.FirstName, "lastName": a.LastName, "phoneNumber": a.PhoneNumber,
			"address1": a.Address1, "address2": a.Address2, "city": a.City, "state": a.State, "country": a.Country, "zipcode": a.Zipcode} {
			if p != nil {
				out["address."+string(rune('0'+i))+"."+k] = *p
			}
		}
	}
	for i, m := range c.MetaFields {
		out["metaFields."+string(rune('0'+i))+".code"] = m.Code
		out["metaFields."+string(rune('0'+i))+".value"] = string(m.Value)
	}
	return out
}

func TestNormalizeCustomer(t *testing.T) {
	// Blanks go only where validation lets them through: not around the
	// e-mail, status or company.
	create := `{"firstName":" John ","lastName":"\tDoe\n","email":"John.Doe@AximCommerce.COM","phoneNumber":" 65161861 ",
	  "status":"active","company":"6371cd895b77326cf992d5bb","notes":"  NOTE AREA ",
	  "address":[{"firstName":" J ","lastName":" D ","phoneNumber":" 1 ","address1":" 12/4, test st ","address2":" ",
	    "city":" Elizabeth ","state":" NJ ","country":" US ","zipcode":" 07202 ","isDefaultAddress":true}],
	  "metaFields":[{"code":" p21_contact_id ","value":" keep me "},{"code":"n","value":12548}]}`
	put := `{"firstName":" Jon ","lastName":"Doe","email":"Jon@Example.ORG","notes":" new ",
	  "address":[{"city":" Newark "}],"metaFields":[{"code":" c ","value":{"k":" v "}}]}`
	type want struct{ field, raw, norm string }
	afterCreate := []want{
		{"firstName", " John ", "John"}, {"lastName", "\tDoe\n", "Doe"}, {"email", "John.Doe@AximCommerce.COM", "john.doe@aximcommerce.com"},
		{"phoneNumber", " 65161861 ", "65161861"}, {"status", "active", "active"}, {"company", "6371cd895b77326cf992d5bb", "6371cd895b77326cf992d5bb"},
		{"notes", "  NOTE AREA ", "NOTE AREA"}, {"address.0.firstName", " J ", "J"}, {"address.0.lastName", " D ", "D"},
		{"address.0.phoneNumber", " 1 ", "1"}, {"address.0.address1", " 12/4, test st ", "12/4, test st"}, {"address.0.address2", " ", ""},
		{"address.0.city", " Elizabeth ", "Elizabeth"}, {"address.0.state", " NJ ", "NJ"}, {"address.0.country", " US ", "US"},
		{"address.0.zipcode", " 07202 ", "07202"}, {"metaFields.0.code", " p21_contact_id ", "p21_contact_id"},
		{"metaFields.0.value", `" keep me "`, `" keep me "`}, // values are JSON values: kept as sent
		{"metaFields.1.code", "n", "n"}, {"metaFields.1.value", "12548", "12548"},
	}
	afterPut := []want{
		{"firstName", " Jon ", "Jon"}, {"lastName", "Doe", "Doe"}, {"email", "Jon@Example.ORG", "jon@example.org"},
		{"status", "active", "active"}, {"notes", " new ", "new"}, {"address.0.city", " Newark ", "Newark"},
		{"metaFields.0.code", " c ", "c"}, {"metaFields.0.value", `{"k":" v "}`, `{"k":" v "}`},
	}
	emutest.EachSwitch(t, func(t *testing.T, o normalize.Options) {
		s := newServer(t)
		emutest.SetSwitches(t, s.store, o)
		check := func(what string, c Customer, ws []want) {
			t.Helper()
			got := flat(t, c)
			for _, w := range ws {
				v := w.raw
				if (w.field == "email" && o.LowerEmails) || (w.field != "email" && o.TrimSpace) {
					v = w.norm
				}
				if got[w.field] != v {
					t.Errorf("%s: %s = %q, want %q", what, w.field, got[w.field], v)
				}
			}
			if len(got) != len(ws) {
				t.Errorf("%s: stored %d values, want %d: %v", what, len(got), len(ws), got)
			}
		}
		c := s.create(create)
		check("create response", c, afterCreate)
		_, body := s.Do("GET", "/customers/"+c.ID, "")
		check("GET after create", data(t, body), afterCreate)
		stored, _ := s.store.Customers.Get(c.ID)
		check("stored after create", stored, afterCreate)

		status, body := s.Do("PUT", "/customers/"+c.ID, put)
		if status != 200 {
			t.Fatalf("PUT: %d %s", status, body)
		}
		check("PUT response", data(t, body), afterPut)
		_, body = s.Do("GET", "/customers?limit=1", "")
		var l struct{ Data []Customer }
		if err := json.Unmarshal([]byte(body), &l); err != nil || len(l.Data) != 1 {
			t.Fatalf("list: %s", body)
		}
		check("list after PUT", l.Data[0], afterPut)
	})
}

// Validation sees the value as received, before normalising; uniqueness sees
// the value as it would be stored.
func TestNormalizeValidatesRawValue(t *testing.T) {
	s := newServer(t)
	s.store.SetNormalize(normalize.All)
	emailErr := validationErr([2]string{"email", "email must be a valid email address"})
	s.Expect("POST", "/customers", strings.Replace(minimal, `"ama@example.com"`, `" ama@example.com"`, 1), 400, emailErr)
	s.Expect("POST", "/customers", strings.Replace(minimal, `"pending"`, `" pending"`, 1), 400,
		validationErr([2]string{"status", "status must be one of active, pending, inactive"}))
	s.Expect("POST", "/customers", emutest.WithField(t, minimal, "company", `"6371cd895b77326cf992d5bb "`), 400,
		validationErr([2]string{"company", "company must be a valid id (24 lower-case hexadecimal characters)"}))
	c := s.create(minimal)
	s.Expect("PUT", "/customers/"+c.ID, strings.Replace(minimal, `"ama@example.com"`, `"ama@example.com\t"`, 1), 400, emailErr)
	s.Expect("POST", "/customers", strings.Replace(minimal, `"ama@example.com"`, `"AMA@example.com"`, 1), 400, existsBody)
}

// Seed and Mutate are the test's direct hand on storage: verbatim, whatever
// the switches; and switching on rewrites nothing already stored.
func TestNormalizeLeavesOutOfBandWritesAlone(t *testing.T) {
	s := newServer(t)
	before := s.create(`{"firstName":" Before ","lastName":"L","email":"Before@Example.com","status":"active"}`)
	s.store.SetNormalize(normalize.All)
	seeded := s.store.Customers.Seed(Customer{FirstName: " Seeded ", Email: "Seed@Example.COM", Address: []Address{{City: ptr(" C ")}}})
	if err := s.store.Customers.Mutate(seeded.ID, map[string]any{"notes": " n "}); err != nil {
		t.Fatal(err)
	}
	for id, want := range map[string]map[string]string{
		before.ID: {"firstName": " Before ", "email": "Before@Example.com"},
		seeded.ID: {"firstName": " Seeded ", "email": "Seed@Example.COM", "address.0.city": " C ", "notes": " n "},
	} {
		_, body := s.Do("GET", "/customers/"+id, "")
		got := flat(t, data(t, body))
		for k, v := range want {
			if got[k] != v {
				t.Errorf("%s: %s = %q, want %q", id, k, got[k], v)
			}
		}
	}
}
