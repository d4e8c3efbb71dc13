package axim

import (
	"encoding/json"
	"regexp"
	"strings"
	"testing"
)

func TestStoreSeed(t *testing.T) {
	s := NewStore()
	c := s.Customers.Seed(Customer{FirstName: "Seeded", Email: "S@Example.com", Address: []Address{{City: ptr(" X ")}},
		MetaFields: []MetaField{{Code: "n", Value: json.RawMessage(`12548`)}}})
	hex24 := regexp.MustCompile(`^[0-9a-f]{24}$`)
	if !hex24.MatchString(c.ID) || !hex24.MatchString(c.Address[0].ID) || c.Role != RoleID ||
		c.CreatedBy != (CreatedBy{CreatorID, CreatorName}) || c.CreatedAt == "" || c.UpdatedAt != c.CreatedAt {
		t.Fatalf("seeded: %+v", c)
	}
	// Verbatim: not validated, not normalised, status left as given.
	if c.Email != "S@Example.com" || *c.Address[0].City != " X " || c.Status != "" {
		t.Errorf("seed changed values: %+v", c)
	}
	// Copies: changing what was seeded, or what Seed or Get returned,
	// changes nothing stored.
	in := []Address{{City: ptr("in")}}
	fromInput := s.Customers.Seed(Customer{Address: in})
	in[0].City, in[0].ID = ptr("changed"), "changed"
	if got, _ := s.Customers.Get(fromInput.ID); *got.Address[0].City != "in" || !validID(got.Address[0].ID) {
		t.Errorf("Seed keeps the caller's slice: %+v", got.Address)
	}
	s.Customers.Delete(fromInput.ID)
	*c.Address[0].City = "changed"
	c.MetaFields[0].Value[0] = '9'
	if got, _ := s.Customers.Get(c.ID); *got.Address[0].City != " X " || string(got.MetaFields[0].Value) != "12548" {
		t.Errorf("Seed result shares storage: %+v", got)
	}
	// Nil lists are stored empty, and are [] on the wire.
	bare := s.Customers.Seed(Customer{ID: "0123456789abcdef01234567", CreatedAt: "2020-01-01T00:00:00.000Z"})
	if bare.ID != "0123456789abcdef01234567" || bare.UpdatedAt != "2020-01-01T00:00:00.000Z" || bare.Address == nil || bare.MetaFields == nil {
		t.Errorf("explicit id / createdAt / empty lists: %+v", bare)
	}
	if b, _ := json.Marshal(bare); !strings.Contains(string(b), `"phoneNumber":null`) || !strings.Contains(string(b), `"address":[],"createdBy"`) ||
		!strings.Contains(string(b), `"metaFields":[]`) {
		t.Errorf("wire form: %s", b)
	}
	// Duplicate e-mails are allowed out of band; All is in creation order;
	// overwriting an id keeps its place.
	third := s.Customers.Seed(Customer{Email: "s@example.com"})
	s.Customers.Seed(Customer{ID: c.ID, FirstName: "Again"})
	all := s.Customers.List()
	if len(all) != 3 || all[0].ID != c.ID || all[0].FirstName != "Again" || all[1].ID != bare.ID || all[2].ID != third.ID {
		t.Errorf("All: %+v", all)
	}
	if b, _ := json.Marshal(NewStore().Customers.List()); string(b) != "[]" {
		t.Errorf("empty All() = %s", b)
	}
}

func TestStoreMutate(t *testing.T) {
	s := NewStore()
	c := s.Customers.Seed(Customer{FirstName: "A", LastName: "B", Email: "a@example.com", Status: "active", UpdatedAt: "2020-01-01T00:00:00.000Z"})
	err := s.Customers.Mutate(c.ID, map[string]any{
		"firstName": "Changed", "phoneNumber": "123", "status": "inactive", "isB2B": true,
		"address":    []any{map[string]any{"city": "Accra", "isDefaultAddress": true}, map[string]any{"id": "aaaaaaaaaaaaaaaaaaaaaaaa"}},
		"metaFields": []any{map[string]any{"code": "n", "value": 12548}, map[string]any{"code": "big", "value": json.Number("12345678901234567890")}},
	})
	if err != nil {
		t.Fatal(err)
	}
	got, _ := s.Customers.Get(c.ID)
	if got.FirstName != "Changed" || *got.PhoneNumber != "123" || got.Status != "inactive" || !got.IsB2B || got.LastName != "B" ||
		len(got.Address) != 2 || *got.Address[0].City != "Accra" || !got.Address[0].IsDefaultAddress ||
		!validID(got.Address[0].ID) || got.Address[1].ID != "aaaaaaaaaaaaaaaaaaaaaaaa" ||
		string(got.MetaFields[0].Value) != "12548" || string(got.MetaFields[1].Value) != "12345678901234567890" {
		t.Errorf("mutated: %+v", got)
	}
	if got.UpdatedAt == "2020-01-01T00:00:00.000Z" || got.CreatedAt != c.CreatedAt {
		t.Errorf("timestamps after Mutate: %s %s", got.CreatedAt, got.UpdatedAt)
	}
	// Mutating other fields keeps every digit of stored meta values.
	if err := s.Customers.Mutate(c.ID, map[string]any{"notes": "n"}); err != nil {
		t.Fatal(err)
	}
	if got, _ = s.Customers.Get(c.ID); string(got.MetaFields[1].Value) != "12345678901234567890" || *got.Notes != "n" {
		t.Errorf("meta value after another Mutate: %s", got.MetaFields[1].Value)
	}
	// Mutate may clear fields and set the timestamps it is given.
	if err := s.Customers.Mutate(c.ID, map[string]any{"phoneNumber": nil, "address": nil, "updatedAt": "2021-01-01T00:00:00.000Z"}); err != nil {
		t.Fatal(err)
	}
	if got, _ = s.Customers.Get(c.ID); got.PhoneNumber != nil || got.Address == nil || len(got.Address) != 0 || got.UpdatedAt != "2021-01-01T00:00:00.000Z" {
		t.Errorf("cleared: %+v", got)
	}
	for _, bad := range []map[string]any{
		{"id": "bbbbbbbbbbbbbbbbbbbbbbbb"}, {"nope": 1}, {"firstName": 5}, {"isB2B": "yes"},
		{"address": []any{map[string]any{"citty": "typo"}}}, {"metaFields": "x"},
	} {
		if err := s.Customers.Mutate(c.ID, bad); err == nil {
			t.Errorf("Mutate(%v): no error", bad)
		}
	}
	if after, _ := s.Customers.Get(c.ID); after.FirstName != "Changed" || after.IsB2B != true {
		t.Errorf("a failed Mutate changed the customer: %+v", after)
	}
	if err := s.Customers.Mutate("0123456789abcdef01234567", map[string]any{}); err == nil {
		t.Error("Mutate of an unknown id: no error")
	}
	if !s.Customers.Delete(c.ID) || s.Customers.Delete(c.ID) {
		t.Error("Delete")
	}
}

// The API sees out-of-band changes: drift is visible through GET.
func TestOutOfBandChangesAreServed(t *testing.T) {
	s := newServer(t)
	c := s.create(johnDoe)
	if err := s.store.Customers.Mutate(c.ID, map[string]any{"notes": "changed", "metaFields": []any{map[string]any{"code": "x", "value": false}}}); err != nil {
		t.Fatal(err)
	}
	_, got := s.Do("GET", "/customers/"+c.ID, "")
	if !strings.Contains(got, `"notes":"changed"`) || !strings.Contains(got, `"metaFields":[{"code":"x","value":false}]`) {
		t.Errorf("GET after Mutate: %s", got)
	}
	s.store.Customers.Delete(c.ID)
	s.Expect("GET", "/customers/"+c.ID, "", 404, notFoundBody)
}

func ptr(s string) *string { return &s }
