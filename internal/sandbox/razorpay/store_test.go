package razorpay

import (
	"encoding/json"
	"regexp"
	"testing"
)

func TestStore(t *testing.T) {
	s := NewStore()
	c := s.Customers.Seed(Customer{Name: "Seeded", Notes: map[string]string{"a": "b"}})
	if !regexp.MustCompile(`^cust_[A-Za-z0-9]{14}$`).MatchString(c.ID) || c.Entity != "customer" || c.CreatedAt == 0 {
		t.Fatalf("seeded: %+v", c)
	}
	c.Notes["a"] = "changed"
	if got, _ := s.Customers.Get(c.ID); got.Notes["a"] != "b" {
		t.Error("Seed result shares the notes map")
	}
	kept := s.Customers.Seed(Customer{ID: "cust_AAAAAAAAAAAAAA", CreatedAt: 5})
	if kept.ID != "cust_AAAAAAAAAAAAAA" || kept.CreatedAt != 5 {
		t.Errorf("explicit id/created_at not kept: %+v", kept)
	}
	if all := s.Customers.List(); len(all) != 2 || all[0].ID != c.ID {
		t.Errorf("All not newest first: %+v", all)
	}

	if err := s.Customers.Mutate(c.ID, map[string]any{"email": "x@example.com", "notes": map[string]any{}, "gstin": "29ABCDE1234F1Z5"}); err != nil {
		t.Fatal(err)
	}
	got, _ := s.Customers.Get(c.ID)
	if got.Email != "x@example.com" || len(got.Notes) != 0 || got.GSTIN == nil || got.Name != "Seeded" {
		t.Errorf("mutated: %+v", got)
	}
	for _, bad := range []map[string]any{{"id": "cust_x"}, {"entity": "x"}, {"nope": 1}, {"name": 3}} {
		if err := s.Customers.Mutate(c.ID, bad); err == nil {
			t.Errorf("Mutate(%v): no error", bad)
		}
	}
	if err := s.Customers.Mutate("cust_BBBBBBBBBBBBBB", nil); err == nil {
		t.Error("Mutate of unknown id: no error")
	}
	if !s.Customers.Delete(c.ID) || s.Customers.Delete(c.ID) {
		t.Error("Remove")
	}
}

func TestCustomerJSON(t *testing.T) {
	for _, tc := range []struct {
		c    Customer
		want string
	}{
		{Customer{ID: "cust_1", Entity: "customer"}, `{"id":"cust_1","entity":"customer","name":"","email":"","contact":"","gstin":null,"notes":[],"created_at":0}`},
		{Customer{Notes: map[string]string{}}, `{"id":"","entity":"","name":"","email":"","contact":"","gstin":null,"notes":[],"created_at":0}`},
		{Customer{Notes: map[string]string{"k": "v"}}, `{"id":"","entity":"","name":"","email":"","contact":"","gstin":null,"notes":{"k":"v"},"created_at":0}`},
	} {
		b, err := json.Marshal(tc.c)
		if err != nil || string(b) != tc.want {
			t.Errorf("marshal %+v:\n got %s\nwant %s", tc.c, b, tc.want)
		}
		var back Customer
		if err := json.Unmarshal(b, &back); err != nil {
			t.Errorf("unmarshal %s: %v", b, err)
		}
	}
	var c Customer
	if err := json.Unmarshal([]byte(`{"notes":["x"]}`), &c); err == nil {
		t.Error("non-empty notes array accepted")
	}
}
