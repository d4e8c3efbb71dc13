package razorpay

import (
	"encoding/json"
	"testing"

	"github.com/customerops/terraform-provider-crm/internal/sandbox/emutest"
	"github.com/customerops/terraform-provider-crm/internal/sandbox/normalize"
)

// stored is what one response says is stored, notes flattened as "notes.KEY".
func stored(t *testing.T, body string, item bool) map[string]any {
	t.Helper()
	var c map[string]any
	if item {
		var coll struct{ Items []map[string]any }
		if err := json.Unmarshal([]byte(body), &coll); err != nil || len(coll.Items) == 0 {
			t.Fatalf("list: %v %s", err, body)
		}
		c = coll.Items[0]
	} else if err := json.Unmarshal([]byte(body), &c); err != nil {
		t.Fatalf("%v: %s", err, body)
	}
	if notes, ok := c["notes"].(map[string]any); ok {
		for k, v := range notes {
			c["notes."+k] = v
		}
	}
	return c
}

func TestNormalizeCustomer(t *testing.T) {
	// Blanks are sent only where validation lets them through: around a name
	// (spaces are name characters) and note values; contact, email and gstin
	// with blanks are rejected (TestNormalizeValidatesRawValue).
	create := `{"name":"  Gaurav Kumar ","contact":"+919876543210","email":"Gaurav.Kumar@Example.COM",
	  "gstin":"29abcde1234f1z5","notes":{" Region ":"\tSouth\n"}}`
	edit := `{"name":" Gaurav K  ","email":"G.K@Example.ORG"}`
	type want struct{ field, raw, norm string }
	emutest.EachSwitch(t, func(t *testing.T, o normalize.Options) {
		s := newServer(t)
		emutest.SetSwitches(t, s.store, o)
		unedited := []want{
			{"contact", "+919876543210", "+919876543210"},
			{"gstin", "29abcde1234f1z5", "29ABCDE1234F1Z5"},
			{"notes. Region ", "\tSouth\n", "South"}, // keys are kept as sent
		}
		afterCreate := append([]want{
			{"name", "  Gaurav Kumar ", "Gaurav Kumar"}, {"email", "Gaurav.Kumar@Example.COM", "gaurav.kumar@example.com"},
		}, unedited...)
		// The edit carries name and email only; the rest stays as created.
		afterEdit := append([]want{
			{"name", " Gaurav K  ", "Gaurav K"}, {"email", "G.K@Example.ORG", "g.k@example.org"},
		}, unedited...)
		on := map[string]bool{
			"name": o.TrimSpace, "contact": o.TrimSpace, "notes. Region ": o.TrimSpace, //nolint:gocritic // the key names a note whose value has blanks
			"email": o.LowerEmails, "gstin": o.UpperCodes,
		}
		check := func(what, body string, item bool, ws []want) {
			t.Helper()
			c := stored(t, body, item)
			for _, w := range ws {
				v := w.raw
				if on[w.field] {
					v = w.norm
				}
				if c[w.field] != v {
					t.Errorf("%s: %s = %q, want %q", what, w.field, c[w.field], v)
				}
			}
		}

		status, body := s.Do("POST", "/customers", create)
		if status != 200 {
			t.Fatalf("create: %d %s", status, body)
		}
		id := stored(t, body, false)["id"].(string)
		check("create response", body, false, afterCreate)
		_, body = s.Do("GET", "/customers/"+id, "")
		check("GET after create", body, false, afterCreate)
		_, body = s.Do("GET", "/customers", "")
		check("list after create", body, true, afterCreate)

		status, body = s.Do("PUT", "/customers/"+id, edit)
		if status != 200 {
			t.Fatalf("edit: %d %s", status, body)
		}
		check("PUT response", body, false, afterEdit)
		_, body = s.Do("GET", "/customers/"+id, "")
		check("GET after PUT", body, false, afterEdit)
		_, body = s.Do("GET", "/customers", "")
		check("list after PUT", body, true, afterEdit)
	})
}

// Validation sees the value as received, before normalising.
func TestNormalizeValidatesRawValue(t *testing.T) {
	s := newServer(t)
	s.store.SetNormalize(normalize.All)
	s.Expect("POST", "/customers", `{"name":"Asha","email":" asha@example.com"}`, 400,
		inputErr("The email must be a valid email address.", "email"))
	s.Expect("POST", "/customers", `{"name":"Asha","contact":"+919876543210\n"}`, 400,
		inputErr("Contact number contains invalid characters, only digits and + symbol are allowed", "contact"))
	s.Expect("POST", "/customers", `{"name":"Asha","gstin":"29ABCDE1234F1Z5 "}`, 400, inputErr("The gstin field is invalid", "gstin"))
	id := s.create(`{"name":"Asha","contact":"+919876543210"}`)
	s.Expect("PUT", "/customers/"+id, `{"email":"asha@example.com\t"}`, 400,
		inputErr("The email must be a valid email address.", "email"))
}

// Seed and mutate are the test's direct hand on storage: verbatim, whatever
// the switches; and switching on rewrites nothing already stored.
func TestNormalizeLeavesOutOfBandWritesAlone(t *testing.T) {
	s := newServer(t)
	before := s.create(`{"name":" Before ","email":"Before@Example.com"}`)
	s.store.SetNormalize(normalize.All)
	gstin := "29abcde1234f1z5"
	seeded := s.store.Customers.Seed(Customer{Name: " Seeded ", Email: "Seed@Example.COM", GSTIN: &gstin, Notes: map[string]string{"k": " v "}})
	if err := s.store.Customers.Mutate(seeded.ID, map[string]any{"contact": " +919876543210 "}); err != nil {
		t.Fatal(err)
	}
	for id, want := range map[string]map[string]any{
		before:    {"name": " Before ", "email": "Before@Example.com"},
		seeded.ID: {"name": " Seeded ", "email": "Seed@Example.COM", "gstin": gstin, "notes.k": " v ", "contact": " +919876543210 "},
	} {
		_, body := s.Do("GET", "/customers/"+id, "")
		c := stored(t, body, false)
		for k, v := range want {
			if c[k] != v {
				t.Errorf("%s: %s = %q, want %q", id, k, c[k], v)
			}
		}
	}
}
