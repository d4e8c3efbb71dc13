package xtrakit

import (
	"encoding/json"
	"regexp"
	"testing"
)

func TestStoreSeedAndMutate(t *testing.T) {
	s := NewStore()
	g := s.Groups.Seed(Group{GroupName: "VIP"})
	if g.ID != 1 || g.UserID != UserID || g.BusinessCode != BusinessCode || g.CreatedAt == "" || g.UpdatedAt != g.CreatedAt {
		t.Fatalf("seeded group: %+v", g)
	}
	if !regexp.MustCompile(`^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$`).MatchString(g.CreatedAt) {
		t.Errorf("timestamp format: %q", g.CreatedAt)
	}
	c := s.Customers.Seed(Customer{ID: 10, CustomerName: "A", UpdatedAt: "2020-01-01 00:00:00", CreatedAt: "2020-01-01 00:00:00"})
	if c.ID != 10 {
		t.Fatalf("explicit id not kept: %d", c.ID)
	}
	if next := s.Customers.Seed(Customer{CustomerName: "B"}); next.ID != 11 {
		t.Errorf("id after explicit 10: %d", next.ID)
	}

	if err := s.Customers.Mutate(10, map[string]any{"customer_email": "x@example.com", "customer_group_id": 1}); err != nil {
		t.Fatal(err)
	}
	c, _ = s.Customers.Get(10)
	if *c.CustomerEmail != "x@example.com" || *c.CustomerGroupID != 1 || c.UpdatedAt == "2020-01-01 00:00:00" || c.CreatedAt != "2020-01-01 00:00:00" {
		t.Errorf("mutated: %+v", c)
	}
	if err := s.Customers.Mutate(10, map[string]any{"customer_email": nil}); err != nil {
		t.Fatal(err)
	}
	if c, _ = s.Customers.Get(10); c.CustomerEmail != nil {
		t.Errorf("email not nulled: %v", *c.CustomerEmail)
	}
	for _, bad := range []map[string]any{{"nope": 1}, {"id": 3}, {"customer_name": 5}} {
		if err := s.Customers.Mutate(10, bad); err == nil {
			t.Errorf("MutateCustomer(%v): no error", bad)
		}
	}
	if err := s.Customers.Mutate(99, map[string]any{}); err == nil {
		t.Error("mutating an unknown customer: no error")
	}
	if err := s.Groups.Mutate(1, map[string]any{"group_description": "d"}); err != nil {
		t.Fatal(err)
	}
	if g, _ := s.Groups.Get(1); g.GroupDescription == nil || *g.GroupDescription != "d" {
		t.Errorf("group not mutated: %+v", g)
	}

	if !s.Customers.Delete(10) || s.Customers.Delete(10) {
		t.Error("DeleteCustomer")
	}
	// Out-of-band group delete skips the 409 check.
	if err := s.Customers.Mutate(11, map[string]any{"customer_group_id": 1}); err != nil {
		t.Fatal(err)
	}
	if !s.Groups.Delete(1) || s.Groups.Delete(1) {
		t.Error("DeleteGroup")
	}
}

func TestStoreCopiesAreIndependent(t *testing.T) {
	s := NewStore()
	s.Groups.Seed(Group{GroupName: "a"})
	gs := s.Groups.List()
	gs[0].GroupName = "changed"
	if g, _ := s.Groups.Get(1); g.GroupName != "a" {
		t.Error("Groups.List() shares storage")
	}
	b, _ := json.Marshal(s.Customers.List())
	if string(b) != "[]" {
		t.Errorf("empty Customers.List() = %s", b)
	}
}
