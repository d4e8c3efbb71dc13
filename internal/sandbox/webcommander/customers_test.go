package webcommander

import (
	"fmt"
	"net/http"
	"regexp"
	"strings"
	"testing"

	"github.com/customerops/terraform-provider-crm/internal/sandbox/emutest"
)

var createdRE = regexp.MustCompile(`"created_at":"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ"`)

// norm replaces created_at (checked for format here) with "TS".
func norm(body string) string { return createdRE.ReplaceAllString(body, `"created_at":"TS"`) }

// janeAddress is one of fullBody's three addresses.
func janeAddress(id int, typ string) string {
	return fmt.Sprintf(`{"id":%d,"type":%q,"first_name":"Jane","last_name":"Citizen","email":"jane@example.com",
	  "company_name":"Acme Pty","address_line_1":"1 George St","address_line_2":"",
	  "country":{"id":13,"name":"Australia","code":"AU"},"state":{"id":1,"name":"New South Wales","code":"NSW"},
	  "city":"Sydney","post_code":"2000","mobile":"0400000000","phone":"0290000000","fax":""}`, id, typ)
}

// janeJSON is the answer to fullBody: the vendor's sample response (internal/webcommander/CONTRACT.md §5).
var janeJSON = `{"customer":{"id":1,"display_id":1001,"status":"awaiting_verification","first_name":"Jane",
  "last_name":"Citizen","email":"jane@example.com","sex":"female","parent":null,"company":true,
  "company_name":"Acme Pty","timezone":"UTC","abn":"51824753556","abn_branch":"001",
  "shipping_profile":{"shippingRules":[],"created":"2024-01-01T00:00:00Z","name":"Express",
    "description":"Express shipping","id":2,"updated":"2024-01-01T00:00:00Z","version":1,"rulePrecedence":"FIRST_MATCH"},
  "transaction_number":"TXN1001","referral_code":"REF1001","used_referral_code":null,"count_referral_code_used":0,
  "allow_credit_limit":true,"store_credit":150,"credit_limit":99.5,"how_do_you_know":null,
  "customer_password_expired":true,"hide_price":false,"default_tax_code":null,"source":"API","base_url":null,
  "background_image":null,"profile_picture":null,"created_at":"TS","version":1,
  "addresses":[` + janeAddress(1, "PRIMARY") + `,` + janeAddress(2, "SHIPPING") + `,` + janeAddress(3, "BILLING") + `],
  "active_billing_address":3,"active_shipping_address":2,"is_in_trash":false}}`

func TestCreateAnswersSeedShape(t *testing.T) {
	s := newServer(t)
	s.Expect("POST", "/api/v4/admin/customers", fullBody, 201, janeJSON)
	s.Expect("GET", path(1), "", 200, janeJSON)
	// Never the password, the newsletter or the flat address fields.
	_, body := s.Do("GET", path(1), "")
	for _, banned := range []string{"password\"", "s3cret", "newsletter", "subscribed", `"address_line"`, `"gender"`} {
		if strings.Contains(body, banned) {
			t.Errorf("answer carries %s: %s", banned, body)
		}
	}
	c := wire(t, body)
	for _, k := range []string{"city", "post_code", "country", "state", "mobile", "phone"} {
		if _, ok := c[k]; ok {
			t.Errorf("flat field %s echoed at the top level", k)
		}
	}
	// The store keeps the request's terms, and the password.
	got, _ := s.store.Customers.Get(1)
	if got.Country != "AU" || got.State != "nsw" || got.Newsletter == nil || !got.Newsletter.Subscribed ||
		got.ShippingProfile == nil || *got.ShippingProfile != 2 || got.StoreCredit != "150.00" {
		t.Errorf("stored %+v", got)
	}
	if p, ok := s.store.Password(1); !ok || p != "s3cret!" {
		t.Errorf("Password = %q %v", p, ok)
	}
}

func TestCreateDefaults(t *testing.T) {
	s := newServer(t)
	c := s.create(minimal)
	if c["status"] != "awaiting_verification" || c["store_credit"] != 0.0 || c["credit_limit"] != 0.0 ||
		c["shipping_profile"] != nil || c["company"] != false || c["sex"] != "" || c["version"] != 1.0 {
		t.Errorf("defaults: %v", c)
	}
	addrs := c["addresses"].([]any)
	if a := addrs[0].(map[string]any); len(addrs) != 3 || a["country"] != nil || a["state"] != nil || a["first_name"] != "Ama" {
		t.Errorf("addresses: %v", addrs)
	}
	if _, ok := s.store.Password(id(c)); ok {
		t.Error("a password recorded without one being sent")
	}
}

func TestMappings(t *testing.T) {
	s := newServer(t)
	for _, tc := range []struct {
		name, customer, top string
		check               func(c map[string]any) bool
	}{
		{"country code, any case", `"country":"us","state":"New Jersey"`, "", func(c map[string]any) bool {
			a := c["addresses"].([]any)[1].(map[string]any)
			return mustJSON(a["country"]) == `{"code":"US","id":226,"name":"United States"}` &&
				mustJSON(a["state"]) == `{"code":"NJ","id":103,"name":"New Jersey"}`
		}},
		{"state outside the table", `"country":"GH","state":"Ashanti"`, "", func(c map[string]any) bool {
			return mustJSON(c["addresses"].([]any)[2].(map[string]any)["state"]) == `{"code":"Ashanti","id":0,"name":"Ashanti"}`
		}},
		{"profile as a number", `"shipping_profile":1`, "", func(c map[string]any) bool {
			p := c["shipping_profile"].(map[string]any)
			return p["id"] == 1.0 && p["name"] == "Standard"
		}},
		{"gender is sex", `"gender":"other"`, "", func(c map[string]any) bool { return c["sex"] == "other" && c["gender"] == nil }},
		{"amounts", "", `,"store_credit":"0.05","credit_limit":"1234567.8"`, func(c map[string]any) bool {
			return c["store_credit"] == 0.05 && c["credit_limit"] == 1234567.8
		}},
		{"whole amount", "", `,"store_credit":"007"`, func(c map[string]any) bool { return c["store_credit"] == 7.0 }},
		{"status", `"status":"approval_awaiting"`, "", func(c map[string]any) bool { return c["status"] == "approval_awaiting" }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fields := `"first_name":"M"`
			if tc.customer != "" {
				fields += "," + tc.customer
			}
			c := s.create(`{"customer":{` + fields + `}` + tc.top + `}`)
			if !tc.check(c) {
				t.Errorf("%s", mustJSON(c))
			}
		})
	}
	// Amounts are JSON numbers on the wire, exactly as sent.
	_, body := s.Do("POST", "/api/v4/admin/customers", `{"customer":{"first_name":"N"},"store_credit":"12345678901234567.10"}`)
	if !strings.Contains(body, `"store_credit":12345678901234567.1,`) {
		t.Errorf("big amount: %s", body)
	}
}

func TestUpdateChangesOnlyWhatItCarries(t *testing.T) {
	s := newServer(t)
	s.create(fullBody)
	status, body := s.Do("PUT", path(1), `{"customer":{"city":"Perth","last_name":"","state":"WA"},"credit_limit":"10"}`)
	if status != 200 {
		t.Fatalf("PUT: %d %s", status, body)
	}
	want := strings.NewReplacer(`"Sydney"`, `"Perth"`, `"last_name":"Citizen"`, `"last_name":""`,
		`{"id":1,"name":"New South Wales","code":"NSW"}`, `{"id":4,"name":"Western Australia","code":"WA"}`,
		`"credit_limit":99.5`, `"credit_limit":10`, `"version":1,"addresses"`, `"version":2,"addresses"`).Replace(emutest.Compact(t, janeJSON))
	if norm(body) != want {
		t.Errorf("PUT\n got %s\nwant %s", norm(body), want)
	}
	// An empty body changes nothing but the version; the password stays.
	s.Expect("PUT", path(1), `{}`, 200, strings.Replace(want, `"version":2,`, `"version":3,`, 1))
	if p, _ := s.store.Password(1); p != "s3cret!" {
		t.Errorf("password after PUT without one: %q", p)
	}
	// Clearing: "" clears strings and the profile; false clears booleans.
	c := wire(t, mustDo(t, s, "PUT", path(1), `{"customer":{"company_name":"","shipping_profile":"","gender":"","country":"","email":"",
	  "password":"new"},"allow_credit_limit":false}`))
	if c["company"] != false || c["company_name"] != "" || c["shipping_profile"] != nil || c["sex"] != "" ||
		c["allow_credit_limit"] != false || c["email"] != "" || c["version"] != 4.0 || c["first_name"] != "Jane" {
		t.Errorf("cleared: %v", c)
	}
	if a := c["addresses"].([]any)[0].(map[string]any); a["country"] != nil || a["state"] == nil || a["id"] != 1.0 {
		t.Errorf("address after clearing the country: %v", a)
	}
	if p, _ := s.store.Password(1); p != "new" {
		t.Errorf("password after PUT: %q", p)
	}
	if got, _ := s.store.Customers.Get(1); got.Newsletter == nil || !got.Newsletter.Subscribed {
		t.Errorf("newsletter lost: %+v", got.Newsletter)
	}
	// A PUT keeping its own e-mail (in another case) is no clash.
	s.Do("PUT", path(1), `{"customer":{"email":"jane@example.com"}}`)
	if status, body := s.Do("PUT", path(1), `{"customer":{"email":"JANE@example.com"}}`); status != 200 {
		t.Errorf("own e-mail: %d %s", status, body)
	}
}

func mustDo(t *testing.T, s *server, method, p, body string) string {
	t.Helper()
	status, got := s.Do(method, p, body)
	if status >= 300 {
		t.Fatalf("%s %s: %d %s", method, p, status, got)
	}
	return got
}

func TestDuplicateEmail(t *testing.T) {
	s := newServer(t)
	s.create(`{"customer":{"first_name":"A","email":"dup@example.com"}}`)
	other := s.create(`{"customer":{"first_name":"B","email":"b@example.com"}}`)
	s.Expect("POST", "/api/v4/admin/customers", `{"customer":{"first_name":"C","email":"DUP@Example.com"}}`, 409, takenBody)
	s.Expect("PUT", path(id(other)), `{"customer":{"email":"Dup@example.com"}}`, 409, takenBody)
	// Customers without an e-mail never clash.
	s.create(minimal)
	s.create(minimal)
	if n := len(s.store.Customers.List()); n != 4 {
		t.Errorf("%d customers", n)
	}
}

func TestValidation(t *testing.T) {
	name := [3]string{"first_name", "required", "Customer name is required"}
	for _, tc := range []struct{ name, body, want string }{
		{"no first_name", `{"customer":{"last_name":"X"}}`, validation(name)},
		{"blank first_name", `{"customer":{"first_name":"  "}}`, validation(name)},
		{"no customer", `{"store_credit":"1.00"}`, validation(name)},
		{"empty body", ``, validation(name)},
		{"customer not an object", `{"customer":[]}`, validation([3]string{"customer", "invalid", "customer must be an object"}, name)},
		{"bad email", `{"customer":{"first_name":"A","email":"not-an-email"}}`,
			validation([3]string{"email", "invalid", "The email address is not valid"})},
		{"display name email", `{"customer":{"first_name":"A","email":"A <a@b.co>"}}`,
			validation([3]string{"email", "invalid", "The email address is not valid"})},
		{"bad gender", `{"customer":{"first_name":"A","gender":"Female"}}`,
			validation([3]string{"gender", "invalid", "Gender must be one of male, female, other"})},
		{"bad status", `{"customer":{"first_name":"A","status":"deleted"}}`,
			validation([3]string{"status", "invalid", msgStatus})},
		{"empty status", `{"customer":{"first_name":"A","status":""}}`, validation([3]string{"status", "invalid", msgStatus})},
		{"unknown country", `{"customer":{"first_name":"A","country":"Narnia"}}`,
			validation([3]string{"country", "invalid", "Unknown country"})},
		{"unknown profile", `{"customer":{"first_name":"A","shipping_profile":"3"}}`,
			validation([3]string{"shipping_profile", "invalid", "Unknown shipping profile"})},
		{"profile not numeric", `{"customer":{"first_name":"A","shipping_profile":"1.0"}}`,
			validation([3]string{"shipping_profile", "invalid", "Unknown shipping profile"})},
		{"newsletter not an object", `{"customer":{"first_name":"A","newsletter":true}}`,
			validation([3]string{"newsletter", "invalid", msgNewsletter})},
		{"empty password", `{"customer":{"first_name":"A","password":""}}`,
			validation([3]string{"password", "invalid", "Password must not be empty"})},
		{"number as string field", `{"customer":{"first_name":"A","post_code":2000}}`,
			validation([3]string{"post_code", "invalid", "post_code must be a string"})},
		{"store_credit as number", `{"customer":{"first_name":"A"},"store_credit":150}`,
			validation([3]string{"store_credit", "invalid", "store_credit must be a non-negative decimal string with at most 2 decimals"})},
		{"negative credit_limit", `{"customer":{"first_name":"A"},"credit_limit":"-1.00"}`,
			validation([3]string{"credit_limit", "invalid", "credit_limit must be a non-negative decimal string with at most 2 decimals"})},
		{"three decimals", `{"customer":{"first_name":"A"},"store_credit":"1.005"}`,
			validation([3]string{"store_credit", "invalid", "store_credit must be a non-negative decimal string with at most 2 decimals"})},
		{"bool as string", `{"customer":{"first_name":"A"},"allow_credit_limit":"true"}`,
			validation([3]string{"allow_credit_limit", "invalid", "allow_credit_limit must be a boolean"})},
		{"every error listed", `{"customer":{"email":"x","gender":"m"},"store_credit":"x","customer_password_expired":1}`,
			validation(name, [3]string{"email", "invalid", "The email address is not valid"},
				[3]string{"gender", "invalid", "Gender must be one of male, female, other"},
				[3]string{"store_credit", "invalid", "store_credit must be a non-negative decimal string with at most 2 decimals"},
				[3]string{"customer_password_expired", "invalid", "customer_password_expired must be a boolean"})},
		{"not JSON", `{"customer":`, errBody(400, "bad_request", "Invalid JSON body")},
		{"array body", `[]`, errBody(400, "bad_request", "Invalid JSON body")},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := newServer(t)
			s.Expect("POST", "/api/v4/admin/customers", tc.body, 400, tc.want)
			if n := len(s.store.Customers.List()); n != 0 {
				t.Errorf("a rejected create stored %d", n)
			}
		})
	}
	// PUT validates what it carries: first_name cannot be blanked; a PUT
	// without it is fine.
	s := newServer(t)
	c := s.create(minimal)
	s.Expect("PUT", path(id(c)), `{"customer":{"first_name":""}}`, 400, validation(name))
	s.Expect("PUT", path(id(c)), `{"customer":{"country":"Atlantis"}}`, 400, validation([3]string{"country", "invalid", "Unknown country"}))
	if got, _ := s.store.Customers.Get(id(c)); got.Version != 1 || got.FirstName != "Ama" {
		t.Errorf("a rejected PUT changed %+v", got)
	}
	if status, body := s.raw("POST", "/api/v4/admin/customers", minimal, func(r *http.Request) {
		r.Header.Set("Authorization", "Bearer "+s.token)
		r.Header.Del("Content-Type")
	}); status != 400 || body != errBody(400, "bad_request", "Content-Type must be application/json") {
		t.Errorf("no Content-Type: %d %s", status, body)
	}
}

func TestNotFoundAndDelete(t *testing.T) {
	s := newServer(t)
	c := s.create(fullBody)
	for _, p := range []string{path(99), "/api/v4/admin/customers/0", "/api/v4/admin/customers/-1", "/api/v4/admin/customers/x",
		"/api/v4/admin/customers/+1"} {
		s.Expect("GET", p, "", 404, notFoundBody)
		s.Expect("PUT", p, `{"customer":{"first_name":""}}`, 404, notFoundBody)
		s.Expect("DELETE", p, "", 404, notFoundBody)
	}
	if status, body := s.Do("DELETE", path(id(c)), ""); status != 204 || body != "" {
		t.Errorf("DELETE: %d %q", status, body)
	}
	s.Expect("GET", path(id(c)), "", 404, notFoundBody)
	s.Expect("DELETE", path(id(c)), "", 404, notFoundBody)
	if _, ok := s.store.Password(id(c)); ok {
		t.Error("the password outlived its customer")
	}
	// The e-mail is free again: delete is permanent.
	s.create(fullBody)
	noRoute := errBody(404, "not_found", "Route not found")
	for _, p := range []string{"/api/v4/admin/customers/", "/api/v4/admin/customers/1/x", "/api/v4/admin/customersx", "/api/v4/admin", "/api/v3/admin/customers", "/"} {
		s.Expect("GET", p, "", 404, noRoute)
	}
	if status, _ := s.Do("PATCH", path(2), `{}`); status != 405 {
		t.Errorf("PATCH: %d", status)
	}
	if status, _ := s.Do("DELETE", "/api/v4/admin/customers", ""); status != 405 {
		t.Errorf("DELETE list: %d", status)
	}
}
