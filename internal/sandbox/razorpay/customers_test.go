package razorpay

import (
	"strings"
	"testing"
)

func TestCreateFetchEdit(t *testing.T) {
	s := newServer(t)
	want := `{"id":"ID","entity":"customer","name":"Gaurav Kumar","email":"gaurav.kumar@example.com",
	  "contact":"+919876543210","gstin":null,"notes":[],"created_at":0}`
	s.Expect("POST", "/customers", gaurav, 200, want)
	id := s.store.Customers.List()[0].ID
	s.Expect("GET", "/customers/"+id, "", 200, want)

	// Edit changes only what it carries and ignores notes, gstin and others.
	s.Expect("PUT", "/customers/"+id, `{"name":"Gaurav K","notes":{"a":"b"},"gstin":"29ABCDE1234F1Z5","id":"cust_x","created_at":1}`, 200,
		`{"id":"ID","entity":"customer","name":"Gaurav K","email":"gaurav.kumar@example.com",
		  "contact":"+919876543210","gstin":null,"notes":[],"created_at":0}`)
	s.Expect("PUT", "/customers/"+id, `{"email":"g@example.com","contact":"+14155550100"}`, 200,
		`{"id":"ID","entity":"customer","name":"Gaurav K","email":"g@example.com",
		  "contact":"+14155550100","gstin":null,"notes":[],"created_at":0}`)
	if c, _ := s.store.Customers.Get(id); c.ID != id || c.Name != "Gaurav K" {
		t.Errorf("stored after edit: %+v", c)
	}
}

func TestNotesAndGSTIN(t *testing.T) {
	s := newServer(t)
	s.Expect("POST", "/customers", `{"name":"Asha","notes":{"tier":"gold"},"gstin":"29abcde1234f1z5"}`, 200,
		`{"id":"ID","entity":"customer","name":"Asha","email":"","contact":"","gstin":"29abcde1234f1z5",
		  "notes":{"tier":"gold"},"created_at":0}`)
	for _, empty := range []string{`{}`, `[]`, `[ ]`, `null`} {
		status, got := s.Do("POST", "/customers", `{"name":"Empty notes `+string(rune('a'+len(empty)))+`","notes":`+empty+`}`)
		if status != 200 || !strings.Contains(got, `"notes":[]`) {
			t.Errorf("notes %s: %d %s", empty, status, got)
		}
	}
}

func TestValidation(t *testing.T) {
	long := func(n int) string { return strings.Repeat("a", n) }
	notes := func(n int) string {
		var b strings.Builder
		b.WriteString("{")
		for i := range n {
			if i > 0 {
				b.WriteString(",")
			}
			b.WriteString(`"k` + string(rune('A'+i)) + `":"v"`)
		}
		return b.String() + "}"
	}
	for _, tc := range []struct {
		name, body, desc, field string // desc "" = valid
	}{
		{"name 2 chars", `{"name":"Al"}`, "The name must be at least 3 characters.", "name"},
		{"name empty", `{"name":""}`, "The name must be at least 3 characters.", "name"},
		{"name 3 chars", `{"name":"Ali"}`, "", ""},
		{"name 50 chars", `{"name":"` + long(50) + `"}`, "", ""},
		{"name 51 chars", `{"name":"` + long(51) + `"}`, "The name may not be greater than 50 characters.", "name"},
		{"name punctuation", `{"name":"O'Brien (Jr.) a/b @x -_ 9"}`, "", ""},
		{"name bad char", `{"name":"Jane!"}`, "The name format is invalid.", "name"},
		{"name unicode", `{"name":"José Ñ"}`, "The name format is invalid.", "name"},
		{"name tab", "{\"name\":\"Jan\\te\"}", "The name format is invalid.", "name"},
		{"name number", `{"name":123}`, "The name must be a string.", "name"},
		{"contact 8 digits", `{"contact":"12345678"}`, "", ""},
		{"contact plus 8 digits", `{"contact":"+12345678"}`, "", ""},
		{"contact 7 digits", `{"contact":"+1234567"}`, "Contact number should be at least 8 digits, including country code", "contact"},
		{"contact empty", `{"contact":""}`, "Contact number should be at least 8 digits, including country code", "contact"},
		{"contact 15 chars", `{"contact":"+12345678901234"}`, "", ""},
		{"contact 16 chars", `{"contact":"+123456789012345"}`, "The contact may not be greater than 15 characters.", "contact"},
		{"contact letters", `{"contact":"98765abc10"}`, "Contact number contains invalid characters, only digits and + symbol are allowed", "contact"},
		{"contact inner plus", `{"contact":"9876+54321"}`, "Contact number contains invalid characters, only digits and + symbol are allowed", "contact"},
		{"contact spaces", `{"contact":"+91 98765 43210"}`, "Contact number contains invalid characters, only digits and + symbol are allowed", "contact"},
		{"contact number", `{"contact":9876543210}`, "The contact must be a string.", "contact"},
		{"email invalid", `{"email":"nope"}`, "The email must be a valid email address.", "email"},
		{"email empty", `{"email":""}`, "The email must be a valid email address.", "email"},
		{"email display name", `{"email":"G <g@example.com>"}`, "The email must be a valid email address.", "email"},
		{"email 64 chars", `{"email":"` + long(52) + `@example.com"}`, "", ""},
		{"email 65 chars", `{"email":"` + long(53) + `@example.com"}`, "The email may not be greater than 64 characters.", "email"},
		{"gstin valid", `{"gstin":"29ABCDE1234F1Z5"}`, "", ""},
		{"gstin short", `{"gstin":"29ABCDE1234F1Z"}`, "The gstin field is invalid", "gstin"},
		{"gstin letter first", `{"gstin":"A9ABCDE1234F1Z5"}`, "The gstin field is invalid", "gstin"},
		{"gstin symbol", `{"gstin":"29ABCDE1234F1Z-"}`, "The gstin field is invalid", "gstin"},
		{"gstin empty", `{"gstin":""}`, "The gstin field is invalid", "gstin"},
		{"gstin number", `{"gstin":29}`, "The gstin must be a string.", "gstin"},
		{"notes 15 keys", `{"notes":` + notes(15) + `}`, "", ""},
		{"notes 16 keys", `{"notes":` + notes(16) + `}`, "The notes may not have more than 15 items.", "notes"},
		{"notes value 256", `{"notes":{"k":"` + long(256) + `"}}`, "", ""},
		{"notes value 257", `{"notes":{"k":"` + long(257) + `"}}`, "The notes values may not be greater than 256 characters.", "notes"},
		{"notes number value", `{"notes":{"k":1}}`, "The notes values must be strings.", "notes"},
		{"notes string", `{"notes":"x"}`, "The notes must be an object of key-value pairs.", "notes"},
		{"notes non-empty array", `{"notes":["x"]}`, "The notes must be an object of key-value pairs.", "notes"},
		{"fail_existing number", `{"fail_existing":0}`, `fail_existing must be a string "0" or "1"`, "fail_existing"},
		{"fail_existing bool", `{"fail_existing":false}`, `fail_existing must be a string "0" or "1"`, "fail_existing"},
		{"fail_existing other string", `{"fail_existing":"true"}`, `fail_existing must be a string "0" or "1"`, "fail_existing"},
		{"fail_existing 1", `{"fail_existing":"1"}`, "", ""},
		{"first failing field wins", `{"name":"x","contact":"1"}`, "The name must be at least 3 characters.", "name"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := newServer(t)
			status, got := s.Do("POST", "/customers", tc.body)
			if tc.desc == "" {
				if status != 200 {
					t.Errorf("create: %d %s", status, got)
				}
				return
			}
			if want := inputErr(tc.desc, tc.field); status != 400 || got != want {
				t.Errorf("create:\n got %d %s\nwant 400 %s", status, got, want)
			}
			if len(s.store.Customers.List()) != 0 {
				t.Error("an invalid create was stored")
			}
			// Edit validates the fields it takes the same way.
			if tc.field == "name" || tc.field == "contact" || tc.field == "email" {
				id := s.create(`{"name":"Target"}`)
				if status, got := s.Do("PUT", "/customers/"+id, tc.body); status != 400 || got != inputErr(tc.desc, tc.field) {
					t.Errorf("edit: got %d %s", status, got)
				}
				if c, _ := s.store.Customers.Get(id); c.Name != "Target" || c.Email != "" || c.Contact != "" {
					t.Errorf("a failed edit changed the customer: %+v", c)
				}
			}
		})
	}
}

func TestMalformedBody(t *testing.T) {
	s := newServer(t)
	id := s.create(gaurav)
	for _, body := range []string{"{", "[]", `"x"`, "null", "name=x"} {
		s.Expect("POST", "/customers", body, 400, inputErr("The request body is not valid JSON", ""))
		s.Expect("PUT", "/customers/"+id, body, 400, inputErr("The request body is not valid JSON", ""))
	}
	// An empty body is an empty object: create succeeds, edit changes nothing.
	s.Expect("POST", "/customers", "", 200,
		`{"id":"ID","entity":"customer","name":"","email":"","contact":"","gstin":null,"notes":[],"created_at":0}`)
}

func TestUniquenessAndFailExisting(t *testing.T) {
	s := newServer(t)
	first := s.create(gaurav)
	exists := inputErr("Customer already exists for the merchant", "")

	s.Expect("POST", "/customers", gaurav, 400, exists)
	s.Expect("POST", "/customers", strings.Replace(gaurav, "}", `,"fail_existing":"1"}`, 1), 400, exists)
	// fail_existing must be the string "0": the number 0 is an error, not a match.
	s.Expect("POST", "/customers", strings.Replace(gaurav, "}", `,"fail_existing":0}`, 1), 400,
		inputErr(`fail_existing must be a string "0" or "1"`, "fail_existing"))
	// The string "0" returns the existing customer unchanged (notes/gstin/name not applied).
	status, got := s.Do("POST", "/customers", `{"name":"Other Name","contact":"+919876543210","email":"GAURAV.KUMAR@example.com","notes":{"a":"b"},"fail_existing":"0"}`)
	if status != 200 || !strings.Contains(got, `"id":"`+first+`"`) || !strings.Contains(got, `"name":"Gaurav Kumar"`) || !strings.Contains(got, `"notes":[]`) {
		t.Errorf("fail_existing \"0\": %d %s", status, got)
	}
	if n := len(s.store.Customers.List()); n != 1 {
		t.Fatalf("%d customers after duplicates, want 1", n)
	}
	// A different pair is a new customer, even sharing one half of it.
	second := s.create(`{"name":"Gaurav Kumar","contact":"+919876543211","email":"gaurav.kumar@example.com"}`)
	// Editing into a clash is refused; editing to its own values is fine.
	s.Expect("PUT", "/customers/"+second, `{"contact":"+919876543210"}`, 400, exists)
	if status, got := s.Do("PUT", "/customers/"+first, gaurav); status != 200 {
		t.Errorf("edit to own values: %d %s", status, got)
	}
	// Customers with neither email nor contact never clash.
	s.create(`{"name":"Walk In"}`)
	s.create(`{"name":"Walk In"}`)
}

func TestUnknownAndMalformedIDs(t *testing.T) {
	s := newServer(t)
	s.create(gaurav)
	noSuch := inputErr("The id provided does not exist", "")
	badID := inputErr("id is not a valid id", "")
	for _, tc := range []struct{ method, path, body, want string }{
		{"GET", "/customers/cust_AAAAAAAAAAAAAA", "", noSuch},
		{"PUT", "/customers/cust_AAAAAAAAAAAAAA", `{"name":"Someone"}`, noSuch},
		{"PUT", "/customers/cust_AAAAAAAAAAAAAA", `{"name":"x"}`, noSuch},
		{"GET", "/customers/cust_AAAA", "", badID},
		{"GET", "/customers/cust_AAAAAAAAAAAAAAA", "", badID},
		{"GET", "/customers/AAAAAAAAAAAAAAAAAAA", "", badID},
		{"GET", "/customers/cust_AAAAAAAAAAAA-A", "", badID},
		{"GET", "/customers/42", "", badID},
		{"PUT", "/customers/nope", `{}`, badID},
	} {
		s.Expect(tc.method, tc.path, tc.body, 400, tc.want)
	}
}

func TestNoDeleteAndUnknownRoutes(t *testing.T) {
	s := newServer(t)
	id := s.create(gaurav)
	for _, tc := range [][2]string{
		{"DELETE", "/customers/" + id},
		{"DELETE", "/customers"},
		{"PATCH", "/customers/" + id},
		{"POST", "/customers/" + id},
		{"PUT", "/customers"},
		{"GET", "/customers/" + id + "/tokens"},
		{"GET", "/customers/"},
		{"GET", "/customersX"},
		{"GET", "/orders"},
		{"GET", "/"},
	} {
		s.Expect(tc[0], tc[1], "", 400, urlNotFound)
	}
	if _, ok := s.store.Customers.Get(id); !ok {
		t.Fatal("DELETE removed the customer")
	}
}

func TestListPaging(t *testing.T) {
	s := newServer(t)
	// Seeded with increasing created_at: the newest comes first.
	var ids []string
	for i := range 25 {
		c := s.store.Customers.Seed(Customer{Name: "Customer", CreatedAt: 1700000000 + int64(i)})
		ids = append([]string{c.ID}, ids...)
	}
	for _, tc := range []struct {
		query   string
		from, n int
	}{
		{"", 0, 10},
		{"?count=5", 0, 5},
		{"?count=100", 0, 25},
		{"?count=1&skip=24", 24, 1},
		{"?skip=20", 20, 5},
		{"?skip=30", 25, 0},
		{"?count=10&skip=10", 10, 10},
	} {
		status, got := s.Do("GET", "/customers"+tc.query, "")
		var want strings.Builder
		for i, id := range ids[tc.from : tc.from+tc.n] {
			if i > 0 {
				want.WriteString(",")
			}
			want.WriteString(`"` + id + `"`)
		}
		if status != 200 || !strings.HasPrefix(got, `{"entity":"collection","count":`) ||
			strings.Count(got, `"entity":"customer"`) != tc.n || !containsInOrder(got, ids[tc.from:tc.from+tc.n]) {
			t.Errorf("GET /customers%s: %d %s", tc.query, status, got)
		}
	}
	s2 := newServer(t)
	s2.Expect("GET", "/customers", "", 200, `{"entity":"collection","count":0,"items":[]}`)
	for _, tc := range []struct{ query, desc, field string }{
		{"?count=0", "The count must be at least 1.", "count"},
		{"?count=101", "The count may not be greater than 100.", "count"},
		{"?count=-1", "The count must be at least 1.", "count"},
		{"?count=x", "The count must be an integer.", "count"},
		{"?count=", "The count must be an integer.", "count"},
		{"?count=1.5", "The count must be an integer.", "count"},
		{"?skip=-1", "The skip must be at least 0.", "skip"},
		{"?skip=x", "The skip must be an integer.", "skip"},
	} {
		s.Expect("GET", "/customers"+tc.query, "", 400, inputErr(tc.desc, tc.field))
	}
}

func containsInOrder(body string, ids []string) bool {
	at := 0
	for _, id := range ids {
		i := strings.Index(body[at:], `"id":"`+id+`"`)
		if i < 0 {
			return false
		}
		at += i + 1
	}
	return true
}

// Concurrent duplicate creates (a retried create racing the first) leave one
// customer: the uniqueness check and the insert are one step.
func TestConcurrentDuplicateCreates(t *testing.T) {
	s := newServer(t)
	body := strings.Replace(gaurav, "}", `,"fail_existing":"0"}`, 1)
	done := make(chan string)
	for range 20 {
		go func() {
			_, got := s.Do("POST", "/customers", body)
			done <- idRE.FindString(got)
		}()
	}
	first := <-done
	for range 19 {
		if id := <-done; id != first {
			t.Errorf("got ids %s and %s", first, id)
		}
	}
	if n := len(s.store.Customers.List()); n != 1 {
		t.Errorf("%d customers, want 1", n)
	}
}
