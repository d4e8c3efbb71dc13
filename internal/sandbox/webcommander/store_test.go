package webcommander

import (
	"strings"
	"sync"
	"testing"
)

func TestSeedAndGoAPI(t *testing.T) {
	s := newServer(t)
	c := s.store.Customers.Seed(Customer{FirstName: "Kofi", LastName: "Mensah", Email: "kofi@example.com", Status: "active",
		City: "Accra", Country: "Ghana", AddressLine: "1 Ring Rd"})
	if c.ID != 1 || c.DisplayID != 1001 || c.Version != 1 || c.StoreCredit != "0.00" || c.CreatedAt == "" ||
		c.AddressIDs != [3]int64{1, 2, 3} {
		t.Errorf("seeded %+v", c)
	}
	// The API sees the seed, with the country resolved by name.
	_, body := s.Do("GET", path(c.ID), "")
	w := wire(t, body)
	a := w["addresses"].([]any)[0].(map[string]any)
	if w["status"] != "active" || a["city"] != "Accra" || a["address_line_1"] != "1 Ring Rd" ||
		mustJSON(a["country"]) != `{"code":"GH","id":82,"name":"Ghana"}` {
		t.Errorf("API view of a seed: %s", body)
	}
	// The next API create takes the next id.
	if got := id(s.create(minimal)); got != 2 {
		t.Errorf("create after seed: id %d", got)
	}
	if d := s.store.Customers.Seed(Customer{FirstName: "D"}); d.Status != DefaultStatus || d.ID != 3 {
		t.Errorf("seed defaults %+v", d)
	}
	if all := s.store.Customers.List(); len(all) != 3 || all[0].ID != 1 || all[2].ID != 3 {
		t.Errorf("All %+v", all)
	}
}

func TestMutate(t *testing.T) {
	s := newServer(t)
	c := s.create(fullBody)
	err := s.store.Customers.Mutate(id(c), map[string]any{"city": "Perth", "first_name": "X", "store_credit": "10.00",
		"shipping_profile": 1, "newsletter": map[string]any{"subscribed": false}, "state": "Victoria"})
	if err != nil {
		t.Fatal(err)
	}
	_, body := s.Do("GET", path(id(c)), "")
	w := wire(t, body)
	a := w["addresses"].([]any)[2].(map[string]any)
	if w["first_name"] != "X" || w["store_credit"] != 10.0 || w["version"] != 2.0 || a["city"] != "Perth" ||
		w["shipping_profile"].(map[string]any)["name"] != "Standard" || mustJSON(a["state"]) != `{"code":"VIC","id":2,"name":"Victoria"}` {
		t.Errorf("after Mutate: %s", body)
	}
	if got, _ := s.store.Customers.Get(id(c)); got.Newsletter.Subscribed || got.Email != "jane@example.com" {
		t.Errorf("stored %+v", got)
	}
	if err := s.store.Customers.Mutate(id(c), map[string]any{"version": 9, "status": "inactive"}); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.store.Customers.Get(id(c)); got.Version != 9 || got.Status != "inactive" {
		t.Errorf("version set by Mutate: %+v", got)
	}
	for _, bad := range []map[string]any{{"id": 5}, {"sex": "male"}, {"password": "x"}, {"store_credit": 10}, {"shipping_profile": "1"}} {
		if err := s.store.Customers.Mutate(id(c), bad); err == nil {
			t.Errorf("Mutate(%v): no error", bad)
		}
	}
	if err := s.store.Customers.Mutate(99, map[string]any{"city": "x"}); err == nil || !strings.Contains(err.Error(), "not found") {
		t.Errorf("Mutate unknown: %v", err)
	}
	// A mutate may store what the API never would; answers stay JSON.
	if err := s.store.Customers.Mutate(id(c), map[string]any{"credit_limit": "lots", "country": "Atlantis", "shipping_profile": 7}); err != nil {
		t.Fatal(err)
	}
	w = wire(t, mustDo(t, s, "GET", path(id(c)), ""))
	if w["credit_limit"] != "lots" || w["shipping_profile"].(map[string]any)["id"] != 7.0 {
		t.Errorf("odd values: %v", w)
	}
	if !s.store.Customers.Delete(id(c)) || s.store.Customers.Delete(id(c)) {
		t.Error("Delete")
	}
}

// The store is safe for concurrent use (run with -race); e-mail uniqueness
// holds under contention.
func TestConcurrentCreates(t *testing.T) {
	s := newServer(t)
	var wg sync.WaitGroup
	for range 16 {
		wg.Go(func() {
			s.Do("POST", "/api/v4/admin/customers", `{"customer":{"first_name":"R","email":"race@example.com"}}`)
			s.Do("GET", "/api/v4/admin/customers", "")
			s.store.ExpireTokens()
			_, _ = s.store.TokenCalls()
		})
	}
	wg.Wait()
	if n := len(s.store.Customers.List()); n != 1 {
		t.Errorf("%d customers with one e-mail", n)
	}
}
