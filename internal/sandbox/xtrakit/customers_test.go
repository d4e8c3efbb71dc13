package xtrakit

import (
	"net/http"
	"strings"
	"testing"

	"github.com/customerops/terraform-provider-crm/internal/sandbox/emutest"
)

const fullCustomerJSON = `{
  "id": 1,
  "customer_group_id": 1,
  "customer_name": "Jane Doe",
  "customer_email": "jane.doe@example.com",
  "customer_phone": "+233244567890",
  "customer_whatsapp": "+233244567890",
  "customer_country": "Ghana",
  "customer_city": "Accra",
  "customer_state": "Greater Accra",
  "customer_zip": "00233",
  "address1": "123 Main Street",
  "address2": "Apt 4B, Downtown Complex",
  "customer_profile": "https://example.com/profiles/customer123.jpg",
  "created_by": "Edward",
  "user_id": "` + UserID + `",
  "business_code": "` + BusinessCode + `",
  "created_at": "TS",
  "updated_at": "TS"
}`

const groupOneJSON = `{"id":1,"group_name":"Premium Customers","group_description":"Big spenders",
  "user_id":"` + UserID + `","business_code":"` + BusinessCode + `","created_at":"TS","updated_at":"TS"}`

func withGroup(t *testing.T) *server {
	s := newServer(t)
	s.Expect("POST", "/customer-groups/add", `{"group_name":"Premium Customers","group_description":"Big spenders"}`,
		200, `{"status":200,"message":"Group created successfully","data":{"group":`+groupOneJSON+`}}`)
	return s
}

func TestCustomerLifecycle(t *testing.T) {
	s := withGroup(t)
	s.Expect("POST", "/customers/add", fullCustomer, 200,
		`{"status":200,"message":"Customer created successfully","data":{"customer":`+fullCustomerJSON+`}}`)
	s.Expect("GET", "/customers/1", "", 200,
		`{"status":200,"message":"Customer retrieved successfully","data":{"customer":`+fullCustomerJSON+`,"customer-group":[`+groupOneJSON+`]}}`)
	s.Expect("GET", "/customers", "", 200,
		`{"status":200,"message":"Customers retrieved successfully","data":{"customers":[`+fullCustomerJSON+`]}}`)
	s.Expect("DELETE", "/customers/1", "", 200, `{"status":200,"message":"Customer deleted successfully"}`)
	s.Expect("GET", "/customers/1", "", 404, `{"status":404,"error":"Customer not found"}`)
	s.Expect("DELETE", "/customers/1", "", 404, `{"status":404,"error":"Customer not found"}`)
	s.Expect("GET", "/customers", "", 200, `{"status":200,"message":"Customers retrieved successfully","data":{"customers":[]}}`)
}

func TestCustomerOptionalFieldsAreNull(t *testing.T) {
	s := newServer(t)
	want := `{"id":1,"customer_group_id":null,"customer_name":"Kofi","customer_email":null,"customer_phone":"0244000000",
	  "customer_whatsapp":null,"customer_country":"Ghana","customer_city":"Kumasi","customer_state":"Ashanti",
	  "customer_zip":null,"address1":"1 Road","address2":null,"customer_profile":null,"created_by":"ops",
	  "user_id":"` + UserID + `","business_code":"` + BusinessCode + `","created_at":"TS","updated_at":"TS"}`
	s.Expect("POST", "/customers/add", minimalCustomer, 200,
		`{"status":200,"message":"Customer created successfully","data":{"customer":`+want+`}}`)
	// A customer without a group gets an empty "customer-group" array, never null.
	s.Expect("GET", "/customers/1", "", 200,
		`{"status":200,"message":"Customer retrieved successfully","data":{"customer":`+want+`,"customer-group":[]}}`)
	// Explicit nulls are the same as absent.
	body := emutest.WithField(t, minimalCustomer, "customer_email", "null")
	body = emutest.WithField(t, body, "customer_group_id", "null")
	if status, got := s.Do("POST", "/customers/add", body); status != 200 || !strings.Contains(got, `"customer_email":null`) {
		t.Errorf("explicit null: %d %s", status, got)
	}
}

func TestCustomerPutReplacesWholeRecord(t *testing.T) {
	s := withGroup(t)
	s.Do("POST", "/customers/add", fullCustomer)
	if err := s.store.Customers.Mutate(1, map[string]any{"created_at": "2020-01-01 00:00:00", "updated_at": "2020-01-01 00:00:00"}); err != nil {
		t.Fatal(err)
	}

	status, got := s.Do("PUT", "/customers/1", minimalCustomer)
	want := `{"status":200,"message":"Customer updated successfully","data":{"customer":{"id":1,"customer_group_id":null,
	  "customer_name":"Kofi","customer_email":null,"customer_phone":"0244000000","customer_whatsapp":null,
	  "customer_country":"Ghana","customer_city":"Kumasi","customer_state":"Ashanti","customer_zip":null,
	  "address1":"1 Road","address2":null,"customer_profile":null,"created_by":"ops","user_id":"` + UserID + `",
	  "business_code":"` + BusinessCode + `","created_at":"2020-01-01 00:00:00","updated_at":"UPDATED"},"customer-group":[]}}`
	got2 := strings.Replace(got, `"updated_at":"2020-01-01 00:00:00"`, `"updated_at":"STALE"`, 1)
	got2 = tsRE.ReplaceAllStringFunc(got2, func(ts string) string {
		if ts == `"2020-01-01 00:00:00"` {
			return ts
		}
		return `"UPDATED"`
	})
	if status != 200 || got2 != emutest.Compact(t, want) {
		t.Errorf("PUT minimal:\n got %d %s\nwant %s", status, got2, emutest.Compact(t, want))
	}

	// PUT back to the full record, group included.
	s.Expect("PUT", "/customers/1", fullCustomer, 200,
		`{"status":200,"message":"Customer updated successfully","data":{"customer":`+fullCustomerJSON+`,"customer-group":[`+groupOneJSON+`]}}`)
	if c, _ := s.store.Customers.Get(1); c.CreatedAt != "2020-01-01 00:00:00" {
		t.Errorf("created_at changed by PUT: %s", c.CreatedAt)
	}
	// PUT validates like create, and an unknown id is 404 before validation.
	s.Expect("PUT", "/customers/1", emutest.WithField(t, fullCustomer, "created_by", ""), 422,
		`{"status":422,"error":"Validation failed","errors":{"created_by":["The created by field is required."]}}`)
	s.Expect("PUT", "/customers/2", "{}", 404, `{"status":404,"error":"Customer not found"}`)
	s.Expect("PUT", "/customers/1", "{", 400, `{"status":400,"error":"Invalid JSON"}`)
}

func TestCustomerValidation(t *testing.T) {
	long := `"` + strings.Repeat("é", 256) + `"`
	longest := `"` + strings.Repeat("é", 255) + `"`
	for _, tc := range []struct {
		name, field, raw string // raw "" removes the field
		errors           string // "" = valid
	}{
		{"name missing", "customer_name", "", `{"customer_name":["The customer name field is required."]}`},
		{"name empty", "customer_name", `""`, `{"customer_name":["The customer name field is required."]}`},
		{"name blank", "customer_name", `"   "`, `{"customer_name":["The customer name field is required."]}`},
		{"name null", "customer_name", `null`, `{"customer_name":["The customer name field is required."]}`},
		{"name number", "customer_name", `42`, `{"customer_name":["The customer name field must be a string."]}`},
		{"name too long", "customer_name", long, `{"customer_name":["The customer name field must not be greater than 255 characters."]}`},
		{"name 255 chars", "customer_name", longest, ""},
		{"phone missing", "customer_phone", "", `{"customer_phone":["The customer phone field is required."]}`},
		{"country missing", "customer_country", "", `{"customer_country":["The customer country field is required."]}`},
		{"city missing", "customer_city", "", `{"customer_city":["The customer city field is required."]}`},
		{"state missing", "customer_state", "", `{"customer_state":["The customer state field is required."]}`},
		{"address1 missing", "address1", "", `{"address1":["The address1 field is required."]}`},
		{"created_by missing", "created_by", "", `{"created_by":["The created by field is required."]}`},
		{"email invalid", "customer_email", `"not-an-email"`, `{"customer_email":["The customer email field must be a valid email address."]}`},
		{"email with name", "customer_email", `"Jane <jane@example.com>"`, `{"customer_email":["The customer email field must be a valid email address."]}`},
		{"email empty", "customer_email", `""`, `{"customer_email":["The customer email field must be a valid email address."]}`},
		{"email too long", "customer_email", `"` + strings.Repeat("a", 250) + `@x.com"`, `{"customer_email":["The customer email field must not be greater than 255 characters."]}`},
		{"email valid", "customer_email", `"a.b+c@example.co"`, ""},
		{"optional too long", "address2", long, `{"address2":["The address2 field must not be greater than 255 characters."]}`},
		{"zip number", "customer_zip", `233`, `{"customer_zip":["The customer zip field must be a string."]}`},
		{"zip leading zeros kept", "customer_zip", `"00233"`, ""},
		{"whatsapp too long", "customer_whatsapp", long, `{"customer_whatsapp":["The customer whatsapp field must not be greater than 255 characters."]}`},
		{"profile too long", "customer_profile", long, `{"customer_profile":["The customer profile field must not be greater than 255 characters."]}`},
		{"unknown group", "customer_group_id", `7`, `{"customer_group_id":["The selected customer group id is invalid."]}`},
		{"group as string", "customer_group_id", `"1"`, `{"customer_group_id":["The customer group id field must be an integer."]}`},
		{"group as float", "customer_group_id", `1.5`, `{"customer_group_id":["The customer group id field must be an integer."]}`},
		{"known group", "customer_group_id", `1`, ""},
		{"unknown fields ignored", "id", `99`, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := withGroup(t)
			s.store.Customers.Seed(Customer{ID: 100, CustomerName: "target"}) // the PUT target
			body := emutest.WithField(t, minimalCustomer, tc.field, tc.raw)
			for _, path := range []string{"/customers/add", "/customers/100"} {
				method := map[string]string{"/customers/add": "POST", "/customers/100": "PUT"}[path]
				status, got := s.Do(method, path, body)
				if tc.errors == "" {
					if status != 200 {
						t.Errorf("%s: got %d %s, want 200", method, status, got)
					}
					continue
				}
				want := `{"status":422,"error":"Validation failed","errors":` + tc.errors + `}`
				if status != 422 || got != want {
					t.Errorf("%s:\n got %d %s\nwant 422 %s", method, status, got, want)
				}
			}
		})
	}
}

func TestCustomerValidationReportsEveryField(t *testing.T) {
	s := newServer(t)
	s.Expect("POST", "/customers/add", "", 422, `{"status":422,"error":"Validation failed","errors":{
	  "address1":["The address1 field is required."],
	  "created_by":["The created by field is required."],
	  "customer_city":["The customer city field is required."],
	  "customer_country":["The customer country field is required."],
	  "customer_name":["The customer name field is required."],
	  "customer_phone":["The customer phone field is required."],
	  "customer_state":["The customer state field is required."]}}`)
	s.Expect("POST", "/customers/add", emutest.WithField(t, emutest.WithField(t, minimalCustomer, "customer_phone", ""), "customer_group_id", "3"), 422,
		`{"status":422,"error":"Validation failed","errors":{
		  "customer_group_id":["The selected customer group id is invalid."],
		  "customer_phone":["The customer phone field is required."]}}`)
	if n := len(s.store.Customers.List()); n != 0 {
		t.Errorf("invalid creates stored %d customers", n)
	}
}

func TestMalformedBodies(t *testing.T) {
	for _, body := range []string{"{", `[]`, `"x"`, `null`, `{"customer_name":}`, "{}{", "<xml/>"} {
		s := newServer(t)
		s.Expect("POST", "/customers/add", body, 400, `{"status":400,"error":"Invalid JSON"}`)
		s.Expect("POST", "/customer-groups/add", body, 400, `{"status":400,"error":"Invalid JSON"}`)
	}
}

func TestCustomerListFilter(t *testing.T) {
	s := withGroup(t)
	s.Do("POST", "/customers/add", fullCustomer)    // id 1, group 1
	s.Do("POST", "/customers/add", minimalCustomer) // id 2, no group
	for _, tc := range []struct {
		query string
		ids   []string
	}{
		{"", []string{`"id":1`, `"id":2`}},
		{"?customer_group_id=1", []string{`"id":1`}},
		{"?customer_group_id=9", nil},
	} {
		status, got := s.Do("GET", "/customers"+tc.query, "")
		if status != 200 || strings.Count(got, `"customer_name"`) != len(tc.ids) {
			t.Errorf("GET /customers%s: %d %s", tc.query, status, got)
		}
		for _, id := range tc.ids {
			if !strings.Contains(got, id) {
				t.Errorf("GET /customers%s: missing %s in %s", tc.query, id, got)
			}
		}
	}
	s.Expect("GET", "/customers?customer_group_id=x", "", 422,
		`{"status":422,"error":"Validation failed","errors":{"customer_group_id":["The customer group id field must be an integer."]}}`)
}

func TestNotFoundAndRouting(t *testing.T) {
	s := newServer(t)
	s.Do("POST", "/customers/add", minimalCustomer)
	for _, tc := range []struct {
		method, path string
		status       int
		body         string
	}{
		{"GET", "/customers/abc", 404, `{"status":404,"error":"Customer not found"}`},
		{"GET", "/customers/0", 404, `{"status":404,"error":"Customer not found"}`},
		{"GET", "/customers/-1", 404, `{"status":404,"error":"Customer not found"}`},
		{"GET", "/customers/1.0", 404, `{"status":404,"error":"Customer not found"}`},
		{"GET", "/customers/01", 404, `{"status":404,"error":"Customer not found"}`},
		{"GET", "/customers/99999999999999999999", 404, `{"status":404,"error":"Customer not found"}`},
		{"GET", "/customers/add", 404, `{"status":404,"error":"Customer not found"}`},
		{"PUT", "/customers/abc", 404, `{"status":404,"error":"Customer not found"}`},
		{"DELETE", "/customers/abc", 404, `{"status":404,"error":"Customer not found"}`},
		{"GET", "/customer-groups/abc", 404, `{"status":404,"error":"Group not found"}`},
		{"GET", "/customer-groups/5", 404, `{"status":404,"error":"Group not found"}`},
		{"PUT", "/customer-groups/5", 404, `{"status":404,"error":"Group not found"}`},
		{"DELETE", "/customer-groups/5", 404, `{"status":404,"error":"Group not found"}`},
		{"GET", "/customers/1/orders", 404, `{"status":404,"error":"Route not found"}`},
		{"GET", "/orders", 404, `{"status":404,"error":"Route not found"}`},
		{"POST", "/customers", 405, `{"status":405,"error":"Method not allowed"}`},
		{"POST", "/customers/1", 405, `{"status":405,"error":"Method not allowed"}`},
		{"PATCH", "/customers/1", 405, `{"status":405,"error":"Method not allowed"}`},
		{"DELETE", "/customer-groups", 405, `{"status":405,"error":"Method not allowed"}`},
	} {
		s.Expect(tc.method, tc.path, "", tc.status, tc.body)
	}
	if _, ok := s.store.Customers.Get(1); !ok {
		t.Error("customer 1 was removed by a bad request")
	}
}

func TestCustomersConcurrent(t *testing.T) {
	s := withGroup(t)
	const n = 50
	done := make(chan struct{})
	for range n {
		go func() {
			defer func() { done <- struct{}{} }()
			s.Do("POST", "/customers/add", fullCustomer)
			s.Do("GET", "/customers", "")
		}()
	}
	for range n {
		<-done
	}
	cs := s.store.Customers.List()
	if len(cs) != n || cs[0].ID != 1 || cs[n-1].ID != n {
		t.Fatalf("got %d customers, ids %d..%d", len(cs), cs[0].ID, cs[len(cs)-1].ID)
	}
	if status, _ := s.Do(http.MethodDelete, "/customer-groups/1", ""); status != 409 {
		t.Errorf("delete group with customers: %d", status)
	}
}
