package stripe

import (
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/customerops/terraform-provider-crm/internal/sandbox/normalize"
)

// TestCustomerLifecycle: create with every parameter, retrieve, update
// each kind of parameter, delete, retrieve deleted (internal/stripe/CONTRACT.md §1, §5, §6).
func TestCustomerLifecycle(t *testing.T) {
	s := newServer(t)
	status, body, _ := s.send("POST", "/v1/customers", "name=Jenny+Rosen&email=jenny%40example.com&phone=%2B1415&description=d"+
		"&address[line1]=510+Townsend&address[country]=US&shipping[name]=J&shipping[address][city]=SF"+
		"&metadata[a]=1&metadata[b]=2&preferred_locales[0]=en&preferred_locales[1]=fr&tax_exempt=exempt&invoice_prefix=JEN01", "")
	if status != 200 {
		t.Fatalf("create: %d %s", status, body)
	}
	c := decode[Customer](t, body)
	if !strings.HasPrefix(c.ID, "cus_") || c.Object != "customer" || *c.Name != "Jenny Rosen" || *c.Address.Line1 != "510 Townsend" ||
		c.Address.City != nil || c.Shipping.Address.City == nil || c.Metadata["b"] != "2" || strings.Join(c.PreferredLocales, ",") != "en,fr" ||
		c.TaxExempt != "exempt" || c.InvoicePrefix != "JEN01" || c.Created == 0 || c.DefaultSource != nil {
		t.Errorf("created: %s", body)
	}
	if !strings.Contains(body, `"default_source":null`) || !strings.Contains(body, `"test_clock":null`) {
		t.Errorf("expandable fields must be answered unexpanded: %s", body)
	}
	path := "/v1/customers/" + c.ID
	status, body, _ = s.send("POST", path, "description=&metadata[a]=&metadata[c]=3&address[line1]=1+Main&preferred_locales=&shipping=", "")
	u := decode[Customer](t, body)
	if status != 200 || u.Description != nil || u.Metadata["a"] != "" || len(u.Metadata) != 2 || u.Address.Country != nil ||
		len(u.PreferredLocales) != 0 || u.Shipping != nil || *u.Name != "Jenny Rosen" {
		t.Errorf("update: %d %s", status, body)
	}
	status, body, _ = s.send("POST", path, "address=&metadata=&name=", "")
	u = decode[Customer](t, body)
	if status != 200 || u.Address != nil || len(u.Metadata) != 0 || u.Name != nil || !strings.Contains(body, `"metadata":{}`) {
		t.Errorf("clear: %d %s", status, body)
	}
	if status, body, _ = s.send("DELETE", path, "", ""); status != 200 || body != `{"id":"`+c.ID+`","object":"customer","deleted":true}` {
		t.Errorf("delete: %d %s", status, body)
	}
	if status, body, _ = s.send("GET", path, "", ""); status != 200 || body != `{"id":"`+c.ID+`","object":"customer","deleted":true}` {
		t.Errorf("retrieve deleted: %d %s", status, body)
	}
	for _, m := range []string{"POST", "DELETE"} {
		status, body, _ = s.send(m, path, "", "")
		if e := errorOf(t, body); status != 404 || e.Code != "resource_missing" || e.Param != "id" {
			t.Errorf("%s deleted: %d %s", m, status, body)
		}
	}
	s.store.Forget(c.ID)
	if status, body, _ = s.send("GET", path, "", ""); status != 404 || errorOf(t, body).Code != "resource_missing" {
		t.Errorf("retrieve forgotten: %d %s", status, body)
	}
}

// TestIdempotency: a key replays its first answer to the same request,
// refuses other parameters, and keeps nothing for a failed validation
// (internal/stripe/CONTRACT.md §6).
func TestIdempotency(t *testing.T) {
	s := newServer(t)
	_, first, _ := s.send("POST", "/v1/customers", "email=a%40b.co", "k1")
	status, again, h := s.send("POST", "/v1/customers", "email=a%40b.co", "k1")
	if status != 200 || again != first || h.Get("Idempotent-Replayed") != "true" || len(s.store.Customers.List()) != 1 {
		t.Errorf("replay: %d %s (first %s), %d customers", status, again, first, len(s.store.Customers.List()))
	}
	status, body, _ := s.send("POST", "/v1/customers", "email=c%40d.co", "k1")
	if e := errorOf(t, body); status != 400 || e.Type != "idempotency_error" {
		t.Errorf("reused key: %d %s", status, body)
	}
	status, _, _ = s.send("POST", "/v1/customers", "tax_exempt=maybe", "k2")
	if status != 400 || s.store.IdempotencyKeys() != 1 {
		t.Errorf("a refused request kept its key (%d keys)", s.store.IdempotencyKeys())
	}
	if status, _, _ = s.send("POST", "/v1/customers", "tax_exempt=none", "k2"); status != 200 {
		t.Errorf("a key whose first request was refused: %d", status)
	}
}

// TestValidation: each rule refused with Stripe's error body and the
// parameter named.
func TestValidation(t *testing.T) {
	s := newServer(t)
	cases := map[string]string{
		"nope=1":                                      "nope",
		"address[street]=x":                           "address[street]",
		"tax_exempt=partial":                          "tax_exempt",
		"invoice_prefix=ab":                           "invoice_prefix",
		"email=not-an-email":                          "email",
		"name=" + strings.Repeat("n", 257):            "name",
		"phone=" + strings.Repeat("1", 21):            "phone",
		"metadata[" + strings.Repeat("k", 41) + "]=v": "metadata",
		"metadata[k]=" + strings.Repeat("v", 501):     "metadata[k]",
		"shipping[phone]=1&shipping[address][city]=x": "shipping[name]",
		"shipping[name]=x":                            "shipping[address]",
		"preferred_locales[1]=en":                     "preferred_locales",
	}
	for body, param := range cases {
		status, got, _ := s.send("POST", "/v1/customers", body, "")
		if e := errorOf(t, got); status != 400 || e.Param != param {
			t.Errorf("%.60s: %d %s, want param %s", body, status, got, param)
		}
	}
	var many []string
	for i := range 51 {
		many = append(many, fmt.Sprintf("metadata[k%d]=v", i))
	}
	if status, _, _ := s.send("POST", "/v1/customers", strings.Join(many, "&"), ""); status != 400 {
		t.Errorf("51 metadata keys: %d", status)
	}
	if len(s.store.Customers.List()) != 0 {
		t.Error("a refused create stored a customer")
	}
	rec := s.Send("POST", "/v1/customers", `{"email":"a@b.co"}`, func(r *http.Request) {
		r.Header.Set("Authorization", "Bearer "+testKey)
		r.Header.Set("Content-Type", "application/json")
	})
	if rec.Code != 400 {
		t.Errorf("a JSON body: %d", rec.Code)
	}
}

// TestAuth: Bearer or Basic with the key; anything else is 401.
func TestAuth(t *testing.T) {
	s := newServer(t)
	for name, set := range map[string]func(*http.Request){
		"none":   func(*http.Request) {},
		"wrong":  func(r *http.Request) { r.Header.Set("Authorization", "Bearer sk_test_other") },
		"scheme": func(r *http.Request) { r.Header.Set("Authorization", testKey) },
	} {
		rec := s.Send("GET", "/v1/customers", "", set)
		if rec.Code != 401 || errorOf(t, rec.Body.String()).Type != "invalid_request_error" {
			t.Errorf("%s: %d %s", name, rec.Code, rec.Body)
		}
	}
	rec := s.Send("GET", "/v1/customers", "", func(r *http.Request) { r.SetBasicAuth(testKey, "") })
	if rec.Code != 200 {
		t.Errorf("basic: %d %s", rec.Code, rec.Body)
	}
}

// TestListPaging: newest first, limit, starting_after / ending_before,
// has_more, exact e-mail filter.
func TestListPaging(t *testing.T) {
	s := newServer(t)
	var ids []string
	for i := range 25 {
		e := "x@example.com"
		if i%5 == 0 {
			e = "X@example.com"
		}
		ids = append(ids, s.store.Customers.Seed(Customer{Email: &e, Created: 1700000000}).ID)
	}
	var seen []string
	after := ""
	for {
		q := "?limit=10"
		if after != "" {
			q += "&starting_after=" + after
		}
		status, body, _ := s.send("GET", "/v1/customers"+q, "", "")
		l := decode[list](t, body)
		if status != 200 || l.Object != "list" || l.URL != "/v1/customers" {
			t.Fatalf("list: %d %s", status, body)
		}
		for _, c := range l.Data {
			seen = append(seen, c.ID)
		}
		if !l.HasMore {
			break
		}
		after = l.Data[len(l.Data)-1].ID
	}
	if len(seen) != 25 || seen[0] != ids[24] || seen[24] != ids[0] {
		t.Errorf("paged %d customers, newest first? first %s last %s", len(seen), seen[0], seen[len(seen)-1])
	}
	_, body, _ := s.send("GET", "/v1/customers?limit=3&ending_before="+ids[0], "", "")
	if l := decode[list](t, body); len(l.Data) != 3 || !l.HasMore || l.Data[2].ID != ids[1] {
		t.Errorf("ending_before: %s", body)
	}
	_, body, _ = s.send("GET", "/v1/customers?limit=100&email=X%40example.com", "", "")
	if l := decode[list](t, body); len(l.Data) != 5 || l.HasMore {
		t.Errorf("email filter (exact, case included): %d", len(l.Data))
	}
	for _, q := range []string{"limit=0", "limit=101", "starting_after=cus_nope", "starting_after=" + ids[0] + "&ending_before=" + ids[1], "colour=red"} {
		if status, body, _ := s.send("GET", "/v1/customers?"+q, "", ""); status != 400 || errorOf(t, body).Param == "" {
			t.Errorf("%s: %d %s", q, status, body)
		}
	}
}

// TestListCreatedFilter: created=<t> and the range hash
// created[gt|gte|lt|lte]=<t> (Unix seconds, combinable) keep the customers
// created in the range, newest first, and page with starting_after;
// anything else under created is refused with its param named.
func TestListCreatedFilter(t *testing.T) {
	s := newServer(t)
	ids := map[int64]string{}
	for _, at := range []int64{1700000000, 1700000100, 1700000200, 1700000300} {
		ids[at] = s.store.Customers.Seed(Customer{Created: at}).ID
	}
	listed := func(q string) []string {
		t.Helper()
		status, body, _ := s.send("GET", "/v1/customers?"+q, "", "")
		if status != 200 {
			t.Fatalf("%s: %d %s", q, status, body)
		}
		var got []string
		for _, c := range decode[list](t, body).Data {
			got = append(got, c.ID)
		}
		return got
	}
	for q, want := range map[string][]int64{
		"created[gt]=1700000100":                          {1700000300, 1700000200},
		"created[gte]=1700000100":                         {1700000300, 1700000200, 1700000100},
		"created[lt]=1700000100":                          {1700000000},
		"created[lte]=1700000100":                         {1700000100, 1700000000},
		"created[gt]=1700000000&created[lt]=1700000300":   {1700000200, 1700000100},
		"created=1700000200":                              {1700000200},
		"created[gt]=1700000300":                          nil,
		"created[gte]=1600000000&created[lte]=1800000000": {1700000300, 1700000200, 1700000100, 1700000000},
	} {
		var w []string
		for _, at := range want {
			w = append(w, ids[at])
		}
		if got := listed("limit=100&" + q); strings.Join(got, ",") != strings.Join(w, ",") {
			t.Errorf("%s: got %v, want %v", q, got, w)
		}
	}
	// The range holds across pages.
	_, body, _ := s.send("GET", "/v1/customers?limit=1&created[gt]=1700000000", "", "")
	first := decode[list](t, body)
	if len(first.Data) != 1 || !first.HasMore || first.Data[0].ID != ids[1700000300] {
		t.Fatalf("first page: %s", body)
	}
	if got := listed("limit=100&created[gt]=1700000000&starting_after=" + first.Data[0].ID); strings.Join(got, ",") != ids[1700000200]+","+ids[1700000100] {
		t.Errorf("next page: %v", got)
	}
	for q, param := range map[string]string{
		"created[gt]=yesterday": "created[gt]", "created=1.5": "created", "created[after]=1": "created[after]",
		"created[gt][x]=1": "created[gt][x]",
	} {
		status, body, _ := s.send("GET", "/v1/customers?"+q, "", "")
		if e := errorOf(t, body); status != 400 || e.Param != param {
			t.Errorf("%s: %d %s, want 400 naming %s", q, status, body, param)
		}
	}
}

// TestNormalize: with the switches on, writes store trimmed strings and
// lower-cased e-mails.
func TestNormalize(t *testing.T) {
	s := newServer(t)
	s.store.SetNormalize(normalize.All)
	_, body, _ := s.send("POST", "/v1/customers", "email=+Jenny%40Example.com+&name=+Jenny+&address[city]=+SF+", "")
	c := decode[Customer](t, body)
	if *c.Email != "jenny@example.com" || *c.Name != "Jenny" || *c.Address.City != "SF" {
		t.Errorf("normalised: %s", body)
	}
}
