package xtrakit

import (
	"strings"
	"testing"
)

func TestGroupLifecycle(t *testing.T) {
	s := withGroup(t)
	s.Expect("GET", "/customer-groups/1", "", 200,
		`{"status":200,"message":"Group retrieved successfully","data":{"group":`+groupOneJSON+`}}`)
	s.Expect("GET", "/customer-groups", "", 200,
		`{"status":200,"message":"Groups retrieved successfully","data":{"groups":[`+groupOneJSON+`]}}`)
	// PUT replaces: an absent description becomes null (the vendor's sample message, internal/xtrakit/CONTRACT.md §5).
	s.Expect("PUT", "/customer-groups/1", `{"group_name":"Gold"}`, 200,
		`{"status":200,"message":"Group updated successfully","data":{"group":{"id":1,"group_name":"Gold","group_description":null,
		  "user_id":"`+UserID+`","business_code":"`+BusinessCode+`","created_at":"TS","updated_at":"TS"}}}`)
	s.Expect("DELETE", "/customer-groups/1", "", 200, `{"status":200,"message":"Group deleted successfully"}`)
	s.Expect("GET", "/customer-groups/1", "", 404, `{"status":404,"error":"Group not found"}`)
	s.Expect("GET", "/customer-groups", "", 200, `{"status":200,"message":"Groups retrieved successfully","data":{"groups":[]}}`)
	// Ids are never reused.
	s.Expect("POST", "/customer-groups/add", `{"group_name":"Next"}`, 200,
		`{"status":200,"message":"Group created successfully","data":{"group":{"id":2,"group_name":"Next","group_description":null,
		  "user_id":"`+UserID+`","business_code":"`+BusinessCode+`","created_at":"TS","updated_at":"TS"}}}`)
}

func TestGroupValidation(t *testing.T) {
	long := strings.Repeat("x", 256)
	for _, tc := range []struct{ body, errors string }{
		{`{}`, `{"group_name":["The group name field is required."]}`},
		{``, `{"group_name":["The group name field is required."]}`},
		{`{"group_name":""}`, `{"group_name":["The group name field is required."]}`},
		{`{"group_name":" "}`, `{"group_name":["The group name field is required."]}`},
		{`{"group_name":1}`, `{"group_name":["The group name field must be a string."]}`},
		{`{"group_name":"` + long + `"}`, `{"group_name":["The group name field must not be greater than 255 characters."]}`},
		{`{"group_name":"ok","group_description":"` + long + `"}`, `{"group_description":["The group description field must not be greater than 255 characters."]}`},
		{`{"group_name":"ok","group_description":false}`, `{"group_description":["The group description field must be a string."]}`},
	} {
		s := withGroup(t)
		want := `{"status":422,"error":"Validation failed","errors":` + tc.errors + `}`
		s.Expect("POST", "/customer-groups/add", tc.body, 422, want)
		s.Expect("PUT", "/customer-groups/1", tc.body, 422, want)
		if g, _ := s.store.Groups.Get(1); g.GroupName != "Premium Customers" {
			t.Errorf("failed PUT changed the group: %+v", g)
		}
	}
}

func TestDeleteGroupWithCustomersConflicts(t *testing.T) {
	s := withGroup(t)
	s.Do("POST", "/customers/add", fullCustomer)
	s.Expect("DELETE", "/customer-groups/1", "", 409, `{"status":409,"error":"Customer group has customers"}`)
	if _, ok := s.store.Groups.Get(1); !ok {
		t.Fatal("group deleted despite 409")
	}
	// Moving the customer out of the group frees it.
	s.Do("PUT", "/customers/1", minimalCustomer)
	s.Expect("DELETE", "/customer-groups/1", "", 200, `{"status":200,"message":"Group deleted successfully"}`)
}

func TestGroupDeletedOutOfBand(t *testing.T) {
	s := withGroup(t)
	s.Do("POST", "/customers/add", fullCustomer)
	s.store.Groups.Delete(1) // no 409 out of band
	status, got := s.Do("GET", "/customers/1", "")
	if status != 200 || !strings.Contains(got, `"customer_group_id":1`) || !strings.HasSuffix(got, `"customer-group":[]}}`) {
		t.Errorf("GET after group vanished: %d %s", status, got)
	}
	// A PUT naming the vanished group is now invalid.
	s.Expect("PUT", "/customers/1", fullCustomer, 422,
		`{"status":422,"error":"Validation failed","errors":{"customer_group_id":["The selected customer group id is invalid."]}}`)
}
