package axim

import (
	"net/http"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/customerops/terraform-provider-crm/internal/sandbox/emutest"
	"github.com/customerops/terraform-provider-crm/internal/sandbox/httpjson"
)

func TestCustomerLifecycle(t *testing.T) {
	s := newServer(t)
	s.Expect("POST", "/customers", johnDoe, 201,
		`{"success":true,"message":"Customer created successfully","data":`+johnDoeJSON+`}`)
	id := s.store.Customers.List()[0].ID
	s.Expect("GET", "/customers/"+id, "", 200,
		`{"success":true,"message":"Customer retrieved successfully","data":`+johnDoeJSON+`}`)
	s.Expect("GET", "/customers", "", 200,
		`{"success":true,"message":"Customers retrieved successfully","data":[`+johnDoeJSON+`],"meta":{"page":1,"limit":10,"total":1}}`)
	s.Expect("DELETE", "/customers/"+id, "", 200, `{"success":true,"message":"Customer deleted successfully"}`)
	s.Expect("GET", "/customers/"+id, "", 404, notFoundBody)
	s.Expect("PUT", "/customers/"+id, johnDoe, 404, notFoundBody)
	s.Expect("DELETE", "/customers/"+id, "", 404, notFoundBody)
	s.Expect("GET", "/customers", "", 200,
		`{"success":true,"message":"Customers retrieved successfully","data":[],"meta":{"page":1,"limit":10,"total":0}}`)
}

// Optional fields never set come back null, lists empty: never omitted.
func TestCustomerOptionalFields(t *testing.T) {
	s := newServer(t)
	s.Expect("POST", "/customers", minimal, 201, `{"success":true,"message":"Customer created successfully","data":`+minimalJSON+`}`)
	// Explicit nulls are the same as absent.
	body := emutest.WithField(t, strings.Replace(minimal, "ama@", "ama2@", 1), "phoneNumber", "null")
	for _, f := range []string{"company", "notes", "address", "metaFields"} {
		body = emutest.WithField(t, body, f, "null")
	}
	s.Expect("POST", "/customers", body, 201, `{"success":true,"message":"Customer created successfully","data":`+
		strings.Replace(minimalJSON, "ama@", "ama2@", 1)+`}`)
	// An address with no fields: every field null, not the default.
	s.Expect("POST", "/customers", emutest.WithField(t, strings.Replace(minimal, "ama@", "ama3@", 1), "address", `[{}]`), 201,
		`{"success":true,"message":"Customer created successfully","data":`+strings.Replace(strings.Replace(minimalJSON, "ama@", "ama3@", 1),
			`"address":[]`, `"address":[{"id":"ID","firstName":null,"lastName":null,"phoneNumber":null,"address1":null,
			"address2":null,"city":null,"state":null,"country":null,"zipcode":null,"isDefaultAddress":false}]`, 1)+`}`)
}

func TestIDsAndTimestamps(t *testing.T) {
	s := newServer(t)
	body := emutest.WithField(t, johnDoe, "address", `[{"city":"A"},{"city":"B","isDefaultAddress":true},{"city":"C"}]`)
	c := s.create(body)
	hex24 := regexp.MustCompile(`^[0-9a-f]{24}$`)
	ids := map[string]bool{c.ID: true}
	if !hex24.MatchString(c.ID) {
		t.Errorf("customer id %q", c.ID)
	}
	for _, a := range c.Address {
		if !hex24.MatchString(a.ID) || ids[a.ID] {
			t.Errorf("address id %q: not 24 hex or not unique", a.ID)
		}
		ids[a.ID] = true
	}
	if !hex24.MatchString(c.Role) || c.CreatedBy.ID != CreatorID || c.CreatedBy.Name != "API" ||
		c.VerifiedEmail || c.Newsletter || c.IsB2B {
		t.Errorf("server-set fields: %+v", c)
	}
	created, err := time.Parse(TimeLayout, c.CreatedAt)
	if err != nil || c.UpdatedAt != c.CreatedAt || time.Since(created) > time.Minute || time.Since(created) < -time.Second {
		t.Errorf("timestamps %q %q: %v", c.CreatedAt, c.UpdatedAt, err)
	}
	if !regexp.MustCompile(`^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$`).MatchString(c.CreatedAt) {
		t.Errorf("createdAt %q is not ISO 8601 with milliseconds", c.CreatedAt)
	}
	// Many customers: ids never repeat.
	for i := range 200 {
		c := s.create(strings.Replace(minimal, "ama@", "ama"+strings.Repeat("x", i)+"@", 1))
		if ids[c.ID] {
			t.Fatalf("id %s issued twice", c.ID)
		}
		ids[c.ID] = true
	}
}

func TestPutReplacesRecord(t *testing.T) {
	s := newServer(t)
	first := s.create(johnDoe)
	const old = "2020-01-01T00:00:00.000Z"
	if err := s.store.Customers.Mutate(first.ID, map[string]any{"createdAt": old, "updatedAt": old, "newsletter": true}); err != nil {
		t.Fatal(err)
	}

	// A PUT without the optional fields clears them. status left out keeps
	// the stored one (decided).
	put := `{"firstName":"Johnny","lastName":"Doe","email":"john@aximcommerce.com"}`
	status, got := s.Do("PUT", "/customers/"+first.ID, put)
	c := data(t, got)
	if status != 200 || !strings.HasPrefix(got, `{"success":true,"message":"Customer updated successfully","data":{`) {
		t.Fatalf("PUT: %d %s", status, got)
	}
	if c.ID != first.ID || c.FirstName != "Johnny" || c.PhoneNumber != nil || c.Company != nil || c.Notes != nil ||
		len(c.Address) != 0 || len(c.MetaFields) != 0 || c.Status != "active" {
		t.Errorf("PUT did not replace: %s", got)
	}
	for _, want := range []string{`"phoneNumber":null`, `"company":null`, `"notes":null`, `"address":[]`, `"metaFields":[]`} {
		if !strings.Contains(got, want) {
			t.Errorf("PUT response lacks %s: %s", want, got)
		}
	}
	// Server-set fields are kept; updatedAt moves on.
	if c.CreatedAt != old || c.UpdatedAt == old || !c.Newsletter || c.Role != RoleID || c.CreatedBy != first.CreatedBy {
		t.Errorf("server-set fields after PUT: %+v", c)
	}
	if stored, _ := s.store.Customers.Get(first.ID); stored.FirstName != "Johnny" || stored.Notes != nil {
		t.Errorf("stored after PUT: %+v", stored)
	}

	// PUT the full record back: the addresses get new ids every time.
	full := strings.Replace(johnDoe, `"status": "active"`, `"status": "inactive"`, 1)
	_, got = s.Do("PUT", "/customers/"+first.ID, full)
	second := data(t, got)
	_, got = s.Do("PUT", "/customers/"+first.ID, full)
	third := data(t, got)
	if second.Status != "inactive" || len(second.Address) != 1 || len(third.Address) != 1 {
		t.Fatalf("PUT full: %+v", second)
	}
	if a, b, c := first.Address[0].ID, second.Address[0].ID, third.Address[0].ID; a == b || b == c || a == c {
		t.Errorf("address ids not re-issued: %s %s %s", a, b, c)
	}
	if norm(got) != emutest.Compact(t, `{"success":true,"message":"Customer updated successfully","data":`+
		strings.Replace(strings.Replace(johnDoeJSON, `"active"`, `"inactive"`, 1), `"newsletter": false`, `"newsletter": true`, 1)+`}`) {
		t.Errorf("PUT full response: %s", got)
	}
	// updatedAt strictly increases, even for PUTs in the same millisecond.
	prev := third.UpdatedAt
	for range 20 {
		_, got = s.Do("PUT", "/customers/"+first.ID, full)
		if u := data(t, got).UpdatedAt; u <= prev {
			t.Fatalf("updatedAt %s after %s", u, prev)
		}
		prev = data(t, got).UpdatedAt
	}
}

func TestMetaValueTypes(t *testing.T) {
	s := newServer(t)
	values := []string{`12548`, `12548.0`, `-1.5e3`, `12345678901234567890`, `true`, `false`, `"12548"`, `""`, `"  x "`,
		`null`, `{"b":[1,"x"],"a":{}}`, `[]`, `"\u003c\u00e9\u003e"`}
	var meta strings.Builder
	meta.WriteString("[")
	for i, v := range values {
		if i > 0 {
			meta.WriteString(",")
		}
		meta.WriteString(`{"code":"c` + string(rune('a'+i)) + `","value": ` + v + ` }`)
	}
	meta.WriteString(`,{"code":"absent"}]`)
	body := emutest.WithField(t, minimal, "metaFields", meta.String())
	// The JSON text of every value comes back as sent (compacted), in order.
	check := func(what, got string) {
		t.Helper()
		for i, v := range values {
			want := `{"code":"c` + string(rune('a'+i)) + `","value":` + v + `}`
			if !strings.Contains(got, want) {
				t.Errorf("%s lacks %s: %s", what, want, got)
			}
		}
		if !strings.Contains(got, `{"code":"absent","value":null}`) {
			t.Errorf("%s: absent value is not null: %s", what, got)
		}
	}
	status, got := s.Do("POST", "/customers", body)
	if status != 201 {
		t.Fatalf("create: %d %s", status, got)
	}
	check("create", got)
	id := data(t, got).ID
	_, got = s.Do("GET", "/customers/"+id, "")
	check("GET", got)
	_, got = s.Do("GET", "/customers", "")
	check("list", got)
	_, got = s.Do("PUT", "/customers/"+id, body)
	check("PUT", got)
	// The stored values are the JSON text, typed.
	c, _ := s.store.Customers.Get(id)
	if string(c.MetaFields[0].Value) != "12548" || string(c.MetaFields[4].Value) != "true" || string(c.MetaFields[6].Value) != `"12548"` {
		t.Errorf("stored: %+v", c.MetaFields)
	}
	// Duplicate codes are kept, in order (decided).
	s.Expect("POST", "/customers", emutest.WithField(t, strings.Replace(minimal, "ama@", "dup@", 1), "metaFields",
		`[{"code":"k","value":1},{"code":"k","value":2}]`), 201, `{"success":true,"message":"Customer created successfully","data":`+
		strings.Replace(strings.Replace(minimalJSON, "ama@", "dup@", 1), `"metaFields":[]`, `"metaFields":[{"code":"k","value":1},{"code":"k","value":2}]`, 1)+`}`)
}

func TestValidation(t *testing.T) {
	type errs = [][2]string
	for _, tc := range []struct {
		name, field, raw string // raw "" removes the field
		errs             errs   // nil = valid
		putOK            bool   // valid on PUT although invalid on create
	}{
		{"firstName missing", "firstName", "", errs{{"firstName", "firstName is required"}}, false},
		{"firstName empty", "firstName", `""`, errs{{"firstName", "firstName is required"}}, false},
		{"firstName blank", "firstName", `"  "`, errs{{"firstName", "firstName is required"}}, false},
		{"firstName null", "firstName", `null`, errs{{"firstName", "firstName is required"}}, false},
		{"firstName number", "firstName", `7`, errs{{"firstName", "firstName must be a string"}}, false},
		{"lastName missing", "lastName", "", errs{{"lastName", "lastName is required"}}, false},
		{"lastName bool", "lastName", `true`, errs{{"lastName", "lastName must be a string"}}, false},
		{"email missing", "email", "", errs{{"email", "email is required"}}, false},
		{"email empty", "email", `""`, errs{{"email", "email is required"}}, false},
		{"email invalid", "email", `"john.aximcommerce.com"`, errs{{"email", "email must be a valid email address"}}, false},
		{"email two ats", "email", `"a@b@c.com"`, errs{{"email", "email must be a valid email address"}}, false},
		{"email display name", "email", `"John <john@x.com>"`, errs{{"email", "email must be a valid email address"}}, false},
		{"email blanks", "email", `" john@x.com"`, errs{{"email", "email must be a valid email address"}}, false},
		{"email number", "email", `5`, errs{{"email", "email must be a string"}}, false},
		{"email plus", "email", `"a.b+c@example.co"`, nil, false},
		{"status missing", "status", "", errs{{"status", "status is required"}}, true},
		{"status null", "status", `null`, errs{{"status", "status is required"}}, true},
		{"status unknown", "status", `"deleted"`, errs{{"status", "status must be one of active, pending, inactive"}}, false},
		{"status capitalised", "status", `"Active"`, errs{{"status", "status must be one of active, pending, inactive"}}, false},
		{"status empty", "status", `""`, errs{{"status", "status must be one of active, pending, inactive"}}, false},
		{"status number", "status", `1`, errs{{"status", "status must be one of active, pending, inactive"}}, false},
		{"status pending", "status", `"pending"`, nil, false},
		{"status inactive", "status", `"inactive"`, nil, false},
		{"phoneNumber number", "phoneNumber", `65161861`, errs{{"phoneNumber", "phoneNumber must be a string"}}, false},
		{"phoneNumber empty", "phoneNumber", `""`, nil, false},
		{"company not an id", "company", `"acme"`, errs{{"company", "company must be a valid id (24 lower-case hexadecimal characters)"}}, false},
		{"company upper-case", "company", `"6371CD895B77326CF992D5BB"`, errs{{"company", "company must be a valid id (24 lower-case hexadecimal characters)"}}, false},
		{"company empty", "company", `""`, errs{{"company", "company must be a valid id (24 lower-case hexadecimal characters)"}}, false},
		{"company number", "company", `1`, errs{{"company", "company must be a string"}}, false},
		{"notes object", "notes", `{}`, errs{{"notes", "notes must be a string"}}, false},
		{"address object", "address", `{"city":"x"}`, errs{{"address", "address must be an array"}}, false},
		{"address item string", "address", `["x",{}]`, errs{{"address[0]", "address[0] must be an object"}}, false},
		{"address field number", "address", `[{},{"zipcode":7202}]`, errs{{"address[1].zipcode", "address[1].zipcode must be a string"}}, false},
		{"address default string", "address", `[{"isDefaultAddress":"true"}]`, errs{{"address[0].isDefaultAddress", "address[0].isDefaultAddress must be a boolean"}}, false},
		{"two default addresses", "address", `[{"isDefaultAddress":true},{"isDefaultAddress":false},{"isDefaultAddress":true}]`,
			errs{{"address[2].isDefaultAddress", "only one address may be the default address"}}, false},
		{"three default addresses", "address", `[{"isDefaultAddress":true},{"isDefaultAddress":true},{"isDefaultAddress":true}]`,
			errs{{"address[1].isDefaultAddress", "only one address may be the default address"}, {"address[2].isDefaultAddress", "only one address may be the default address"}}, false},
		{"one default address", "address", `[{"isDefaultAddress":false},{"isDefaultAddress":true},{}]`, nil, false},
		{"metaFields object", "metaFields", `{"code":"x"}`, errs{{"metaFields", "metaFields must be an array"}}, false},
		{"metaFields item number", "metaFields", `[1]`, errs{{"metaFields[0]", "metaFields[0] must be an object"}}, false},
		{"metaFields code missing", "metaFields", `[{"value":1}]`, errs{{"metaFields[0].code", "metaFields[0].code is required"}}, false},
		{"metaFields code blank", "metaFields", `[{"code":" ","value":1}]`, errs{{"metaFields[0].code", "metaFields[0].code is required"}}, false},
		{"metaFields code number", "metaFields", `[{"code":1,"value":1}]`, errs{{"metaFields[0].code", "metaFields[0].code must be a string"}}, false},
		{"unknown fields ignored", "newsletter", `"not even a bool"`, nil, false},
		{"response-only fields ignored", "id", `"nope"`, nil, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := newServer(t)
			target := s.store.Customers.Seed(Customer{FirstName: "Target", LastName: "T", Email: "target@example.com", Status: "pending"})
			body := emutest.WithField(t, johnDoe, tc.field, tc.raw)
			for _, method := range []string{"POST", "PUT"} {
				path := "/customers"
				if method == "PUT" {
					path += "/" + target.ID
				}
				status, got := s.Do(method, path, body)
				if tc.errs == nil || (method == "PUT" && tc.putOK) {
					if status != 201 && status != 200 {
						t.Errorf("%s: got %d %s, want success", method, status, got)
					}
					if method == "POST" && status == 201 {
						s.store.Customers.Delete(data(t, got).ID) // frees the e-mail for the PUT
					}
					continue
				}
				if want := validationErr(tc.errs...); status != 400 || got != want {
					t.Errorf("%s:\n got %d %s\nwant 400 %s", method, status, got, want)
				}
			}
			// A failed create stores nothing and a failed PUT changes nothing.
			if all := s.store.Customers.List(); tc.errs != nil && len(all) != 1 {
				t.Errorf("%d customers after an invalid create", len(all))
			}
			if c, _ := s.store.Customers.Get(target.ID); tc.errs != nil && !tc.putOK && (c.FirstName != "Target" || c.UpdatedAt != target.UpdatedAt) {
				t.Errorf("an invalid PUT changed the customer: %+v", c)
			}
		})
	}
}

// Every failing field is listed, in field order.
func TestValidationListsEveryField(t *testing.T) {
	s := newServer(t)
	required := validationErr([2]string{"firstName", "firstName is required"}, [2]string{"lastName", "lastName is required"},
		[2]string{"email", "email is required"}, [2]string{"status", "status is required"})
	s.Expect("POST", "/customers", "", 400, required)
	s.Expect("POST", "/customers", "{}", 400, required)
	s.Expect("POST", "/customers", `{"email":"x","phoneNumber":1,"status":"on","company":"c","notes":2,
	  "address":[{"city":3,"isDefaultAddress":true},{"isDefaultAddress":true}],"metaFields":[{}]}`, 400,
		validationErr([2]string{"firstName", "firstName is required"}, [2]string{"lastName", "lastName is required"},
			[2]string{"email", "email must be a valid email address"}, [2]string{"phoneNumber", "phoneNumber must be a string"},
			[2]string{"status", "status must be one of active, pending, inactive"},
			[2]string{"company", "company must be a valid id (24 lower-case hexadecimal characters)"},
			[2]string{"notes", "notes must be a string"}, [2]string{"address[0].city", "address[0].city must be a string"},
			[2]string{"address[1].isDefaultAddress", "only one address may be the default address"},
			[2]string{"metaFields[0].code", "metaFields[0].code is required"}))
	// PUT needs no status, but still the names and e-mail.
	c := s.create(minimal)
	s.Expect("PUT", "/customers/"+c.ID, "{}", 400, validationErr([2]string{"firstName", "firstName is required"},
		[2]string{"lastName", "lastName is required"}, [2]string{"email", "email is required"}))
	if n := len(s.store.Customers.List()); n != 1 {
		t.Errorf("%d customers stored", n)
	}
}

func TestMalformedBodies(t *testing.T) {
	s := newServer(t)
	c := s.create(minimal)
	for _, body := range []string{"{", "[]", `"x"`, "null", "1", `{"firstName":}`, "{}{", "<xml/>", "{\"firstName\":\"\xff\"}"} {
		s.Expect("POST", "/customers", body, 400, invalidJSONBody)
		s.Expect("PUT", "/customers/"+c.ID, body, 400, invalidJSONBody)
	}
	big := `{"notes":"` + strings.Repeat("x", httpjson.MaxBody) + `"}`
	s.Expect("POST", "/customers", big, 400, invalidJSONBody)

	// The body must be sent as JSON (internal/axim/CONTRACT.md §1: Content-Type application/json).
	const ctBody = `{"success":false,"message":"Content-Type must be application/json"}`
	for _, ct := range []string{"", "text/plain", "application/x-www-form-urlencoded", "application/json-patch+json", ";"} {
		for _, target := range []string{"POST /customers", "PUT /customers/" + c.ID} {
			method, path, _ := strings.Cut(target, " ")
			status, got := s.Call(method, path, minimal, func(r *http.Request) {
				r.Header.Set("accessToken", testToken)
				if ct != "" {
					r.Header.Set("Content-Type", ct)
				}
			})
			if status != 400 || got != ctBody {
				t.Errorf("%s with Content-Type %q: %d %s", target, ct, status, got)
			}
		}
	}
	status, got := s.Call("POST", "/customers", strings.Replace(minimal, "ama@", "ama2@", 1), func(r *http.Request) {
		r.Header.Set("accessToken", testToken)
		r.Header.Set("Content-Type", "Application/JSON; charset=utf-8")
	})
	if status != 201 {
		t.Errorf("JSON with charset: %d %s", status, got)
	}
	if n := len(s.store.Customers.List()); n != 2 {
		t.Errorf("%d customers stored", n)
	}
}

func TestDuplicateEmail(t *testing.T) {
	s := newServer(t)
	first := s.create(johnDoe)
	s.Expect("POST", "/customers", johnDoe, 400, existsBody)
	s.Expect("POST", "/customers", strings.Replace(johnDoe, "john@aximcommerce.com", "JOHN@AximCommerce.COM", 1), 400, existsBody)
	second := s.create(minimal)
	// PUT into another customer's e-mail (any case) is refused and changes nothing.
	s.Expect("PUT", "/customers/"+second.ID, strings.Replace(minimal, "ama@example.com", "John@aximcommerce.com", 1), 400, existsBody)
	if c, _ := s.store.Customers.Get(second.ID); c.Email != "ama@example.com" {
		t.Errorf("refused PUT changed the e-mail: %s", c.Email)
	}
	// PUT keeping its own e-mail, in another case, is fine.
	if status, got := s.Do("PUT", "/customers/"+first.ID, strings.Replace(johnDoe, "john@", "John@", 1)); status != 200 ||
		data(t, got).Email != "John@aximcommerce.com" {
		t.Errorf("PUT own e-mail: %d %s", status, got)
	}
	// Once deleted, the e-mail is free again.
	s.Do("DELETE", "/customers/"+first.ID, "")
	s.create(johnDoe)
	if n := len(s.store.Customers.List()); n != 2 {
		t.Errorf("%d customers, want 2", n)
	}
}

// Concurrent creates of one e-mail (a retried create racing the first)
// store one customer: the check and the write are one step.
func TestConcurrentDuplicateCreates(t *testing.T) {
	s := newServer(t)
	var wg sync.WaitGroup
	var mu sync.Mutex
	statuses := map[int]int{}
	for range 20 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			status, _ := s.Do("POST", "/customers", johnDoe)
			mu.Lock()
			statuses[status]++
			mu.Unlock()
		}()
	}
	wg.Wait()
	if statuses[201] != 1 || statuses[400] != 19 || len(s.store.Customers.List()) != 1 {
		t.Errorf("statuses %v, %d stored", statuses, len(s.store.Customers.List()))
	}
}

func TestNotFoundAndRouting(t *testing.T) {
	s := newServer(t)
	c := s.create(minimal)
	const noRoute = `{"success":false,"message":"Route not found"}`
	const noMethod = `{"success":false,"message":"Method not allowed"}`
	unknown := "0123456789abcdef01234567"
	for _, tc := range []struct {
		method, path string
		status       int
		body, allow  string
	}{
		{"GET", "/customers/" + unknown, 404, notFoundBody, ""},
		{"PUT", "/customers/" + unknown, 404, notFoundBody, ""}, // before the (empty) body is validated
		{"DELETE", "/customers/" + unknown, 404, notFoundBody, ""},
		{"GET", "/customers/" + strings.ToUpper(c.ID), 404, notFoundBody, ""},
		{"GET", "/customers/" + c.ID[:23], 404, notFoundBody, ""},
		{"GET", "/customers/" + c.ID + "0", 404, notFoundBody, ""},
		{"GET", "/customers/0123456789abcdef0123456g", 404, notFoundBody, ""},
		{"PUT", "/customers/nope", 404, notFoundBody, ""},
		{"DELETE", "/customers/42", 404, notFoundBody, ""},
		{"GET", "/customers/", 404, noRoute, ""},
		{"GET", "/customers/" + c.ID + "/orders", 404, noRoute, ""},
		{"GET", "/customersX", 404, noRoute, ""},
		{"GET", "/orders", 404, noRoute, ""},
		{"GET", "/", 404, noRoute, ""},
		{"PUT", "/customers", 405, noMethod, "GET, POST"},
		{"DELETE", "/customers", 405, noMethod, "GET, POST"},
		{"PATCH", "/customers/" + c.ID, 405, noMethod, "GET, PUT, DELETE"},
		{"POST", "/customers/" + c.ID, 405, noMethod, "GET, PUT, DELETE"},
	} {
		rec := s.Send(tc.method, tc.path, "", func(r *http.Request) { r.Header.Set("accessToken", testToken) })
		if rec.Code != tc.status || rec.Body.String() != tc.body || rec.Header().Get("Allow") != tc.allow {
			t.Errorf("%s %s: %d %s (Allow %q), want %d %s", tc.method, tc.path, rec.Code, rec.Body, rec.Header().Get("Allow"), tc.status, tc.body)
		}
	}
	if _, ok := s.store.Customers.Get(c.ID); !ok || len(s.store.Customers.List()) != 1 {
		t.Error("a bad request changed the store")
	}
}

func TestFaultBody(t *testing.T) {
	for status, want := range map[int]string{
		429: `{"success":false,"message":"Too Many Requests"}`,
		500: `{"success":false,"message":"Internal Server Error"}`,
		503: `{"success":false,"message":"Service Unavailable"}`,
	} {
		if got := string(FaultBody(status)); got != want {
			t.Errorf("FaultBody(%d) = %s", status, got)
		}
	}
}
