package xtrakit

import (
	"encoding/json"
	"testing"

	"github.com/customerops/terraform-provider-crm/internal/sandbox/emutest"
	"github.com/customerops/terraform-provider-crm/internal/sandbox/normalize"
)

// sent is one string field as sent and as a normalising API stores it.
type sent struct{ field, raw, norm string }

// spacedCustomer is a create (step 0) or PUT (step 1) whose every string has
// blanks around it, plus a mixed-case e-mail (blanks would fail validation).
func spacedCustomer(step int) []sent {
	bare := []sent{
		{"customer_name", "", "Jane Doe"}, {"customer_phone", "", "+233244567890"},
		{"customer_whatsapp", "", "+233244567891"}, {"customer_country", "", "Ghana"},
		{"customer_city", "", "Accra"}, {"customer_state", "", "Greater Accra"},
		{"customer_zip", "", "00233"}, {"address1", "", "123 Main Street"}, {"address2", "", "Apt 4B"},
		{"customer_profile", "", "https://example.com/p.jpg"}, {"created_by", "", "Edward"},
	}
	for i := range bare {
		if step == 0 {
			bare[i].raw = " " + bare[i].norm + "\t"
		} else {
			bare[i].norm += "2"
			bare[i].raw = "\r\n" + bare[i].norm + " "
		}
	}
	return bare
}

var spacedEmail = []sent{
	{"customer_email", "Jane.Doe@Example.COM", "jane.doe@example.com"},
	{"customer_email", "J.D@Example.ORG", "j.d@example.org"},
}

// bodyOf is the JSON body sending every field's raw value.
func bodyOf(t *testing.T, fields []sent) string {
	t.Helper()
	m := map[string]string{}
	for _, f := range fields {
		m[f.field] = f.raw
	}
	b, err := json.Marshal(m)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// record digs the object at path (keys and array indexes) out of a body.
func record(t *testing.T, body string, path ...any) map[string]any {
	t.Helper()
	var v any
	if err := json.Unmarshal([]byte(body), &v); err != nil {
		t.Fatalf("%v: %s", err, body)
	}
	for _, p := range path {
		switch k := p.(type) {
		case string:
			m, _ := v.(map[string]any)
			v = m[k]
		case int:
			a, _ := v.([]any)
			if k >= len(a) {
				t.Fatalf("no %v in %s", path, body)
			}
			v = a[k]
		}
	}
	m, ok := v.(map[string]any)
	if !ok {
		t.Fatalf("no object at %v in %s", path, body)
	}
	return m
}

// expectStored checks that the record at path of body holds, for each field,
// its normalised value when norm is true and the raw one otherwise.
func expectStored(t *testing.T, what, body string, fields []sent, norm func(sent) bool, path ...any) {
	t.Helper()
	rec := record(t, body, path...)
	for _, f := range fields {
		want := f.raw
		if norm(f) {
			want = f.norm
		}
		if rec[f.field] != want {
			t.Errorf("%s: %s = %q, want %q", what, f.field, rec[f.field], want)
		}
	}
}

func TestNormalizeCustomer(t *testing.T) {
	emutest.EachSwitch(t, func(t *testing.T, o normalize.Options) {
		s := newServer(t)
		emutest.SetSwitches(t, s.store, o)
		norm := func(f sent) bool {
			if f.field == "customer_email" {
				return o.LowerEmails
			}
			return o.TrimSpace
		}
		for step, req := range []struct{ method, path string }{{"POST", "/customers/add"}, {"PUT", "/customers/1"}} {
			fields := append(spacedCustomer(step), spacedEmail[step])
			status, body := s.Do(req.method, req.path, bodyOf(t, fields))
			if status != 200 {
				t.Fatalf("%s %s: %d %s", req.method, req.path, status, body)
			}
			expectStored(t, req.method+" response", body, fields, norm, "data", "customer")
			_, body = s.Do("GET", "/customers/1", "")
			expectStored(t, "GET after "+req.method, body, fields, norm, "data", "customer")
			_, body = s.Do("GET", "/customers", "")
			expectStored(t, "list after "+req.method, body, fields, norm, "data", "customers", 0)
		}
	})
}

func TestNormalizeGroup(t *testing.T) {
	steps := [][]sent{
		{{"group_name", " VIP\n", "VIP"}, {"group_description", "\tTop spenders ", "Top spenders"}},
		{{"group_name", "  Gold\r\n", "Gold"}, {"group_description", "\n Big \t", "Big"}},
	}
	emutest.EachSwitch(t, func(t *testing.T, o normalize.Options) {
		s := newServer(t)
		emutest.SetSwitches(t, s.store, o)
		norm := func(sent) bool { return o.TrimSpace }
		for step, req := range []struct{ method, path string }{{"POST", "/customer-groups/add"}, {"PUT", "/customer-groups/1"}} {
			status, body := s.Do(req.method, req.path, bodyOf(t, steps[step]))
			if status != 200 {
				t.Fatalf("%s %s: %d %s", req.method, req.path, status, body)
			}
			expectStored(t, req.method+" response", body, steps[step], norm, "data", "group")
			_, body = s.Do("GET", "/customer-groups/1", "")
			expectStored(t, "GET after "+req.method, body, steps[step], norm, "data", "group")
			_, body = s.Do("GET", "/customer-groups", "")
			expectStored(t, "list after "+req.method, body, steps[step], norm, "data", "groups", 0)
		}
	})
}

// Validation sees the value as received: blanks around an e-mail still make
// it invalid, and a blank required field is still missing.
func TestNormalizeValidatesRawValue(t *testing.T) {
	s := newServer(t)
	s.store.SetNormalize(normalize.All)
	s.Expect("POST", "/customers/add", emutest.WithField(t, minimalCustomer, "customer_email", `" jane@example.com"`), 422,
		`{"status":422,"error":"Validation failed","errors":{"customer_email":["The customer email field must be a valid email address."]}}`)
	s.Expect("POST", "/customer-groups/add", `{"group_name":" \t\n"}`, 422,
		`{"status":422,"error":"Validation failed","errors":{"group_name":["The group name field is required."]}}`)
}

func verbatim(sent) bool { return false }

// Seed and mutate are the test's direct hand on storage: verbatim, whatever
// the switches; and switching on rewrites nothing already stored.
func TestNormalizeLeavesOutOfBandWritesAlone(t *testing.T) {
	s := newServer(t)
	s.Do("POST", "/customers/add", emutest.WithField(t, minimalCustomer, "customer_name", `" Before "`))
	s.store.SetNormalize(normalize.All)
	email := "Seed@Example.COM"
	s.store.Customers.Seed(Customer{ID: 2, CustomerName: " Seeded ", CustomerEmail: &email})
	s.store.Groups.Seed(Group{GroupName: " Group "})
	if err := s.store.Customers.Mutate(2, map[string]any{"customer_city": " City "}); err != nil {
		t.Fatal(err)
	}
	_, body := s.Do("GET", "/customers", "")
	expectStored(t, "created before the switch", body, []sent{{"customer_name", " Before ", ""}}, verbatim, "data", "customers", 0)
	expectStored(t, "seeded and mutated", body, []sent{{"customer_name", " Seeded ", ""}, {"customer_email", email, ""}, {"customer_city", " City ", ""}},
		verbatim, "data", "customers", 1)
	_, body = s.Do("GET", "/customer-groups/1", "")
	expectStored(t, "seeded group", body, []sent{{"group_name", " Group ", ""}}, verbatim, "data", "group")
}
