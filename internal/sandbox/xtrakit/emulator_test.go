package xtrakit

import (
	"net/http"
	"strings"
	"testing"

	"github.com/customerops/terraform-provider-crm/internal/sandbox"
	"github.com/customerops/terraform-provider-crm/internal/sandbox/emutest"
)

// mounted is a sandbox serving only Emulator, and a client of its whole
// handler (routing, request log, faults, the control surface) sending
// APIKey.
func mounted(t *testing.T) (*sandbox.Server, *emutest.Client) {
	return emutest.Mount(t, Emulator, func(r *http.Request) { r.Header.Set("Authorization", "Bearer "+APIKey) })
}

func TestControlXtrakitStore(t *testing.T) {
	s, c := mounted(t)
	base := s.URL() + "/_sandbox/xtrakit"
	if status, body := c.Call("POST", base+"/customer-groups", `{"group_name":"Seeded"}`); status != 201 || !strings.Contains(body, `"id":1`) {
		t.Fatalf("seed group: %d %s", status, body)
	}
	c.Do("POST", URL(s)+"/customers/add", minimalCustomer)

	status, body := c.Call("PATCH", base+"/customers/1", `{"customer_city":"Tamale","customer_group_id":1}`)
	if status != 200 || !strings.Contains(body, `"customer_city":"Tamale"`) {
		t.Fatalf("PATCH customer: %d %s", status, body)
	}
	// The API sees the out-of-band change.
	if _, body := c.Do("GET", URL(s)+"/customers/1", ""); !strings.Contains(body, `"customer_city":"Tamale"`) ||
		!strings.Contains(body, `"group_name":"Seeded"`) {
		t.Errorf("API after PATCH: %s", body)
	}
	if status, body := c.Call("GET", base+"/customers", ""); status != 200 || !strings.HasPrefix(body, `[{"id":1,`) {
		t.Errorf("dump customers: %d %s", status, body)
	}
	if status, _ := c.Call("GET", base+"/customers/1", ""); status != 200 {
		t.Errorf("GET customer: %d", status)
	}
	if status, _ := c.Call("PATCH", base+"/customer-groups/1", `{"group_description":"changed"}`); status != 200 {
		t.Errorf("PATCH group: %d", status)
	}
	if g, _ := StoreOf(s).Groups.Get(1); g.GroupDescription == nil || *g.GroupDescription != "changed" {
		t.Errorf("group: %+v", g)
	}
	for _, tc := range []struct {
		method, path, body string
		want               int
	}{
		{"PATCH", "/customers/1", `{"nope":1}`, 400},
		{"PATCH", "/customers/9", `{}`, 404},
		{"PATCH", "/customers/x", `{}`, 404},
		{"GET", "/customer-groups/9", "", 404},
		{"DELETE", "/customer-groups/1", "", 204}, // out of band: no 409 although customer 1 is in it
		{"DELETE", "/customer-groups/1", "", 404},
		{"GET", "/customer-groups", "", 200},
		{"DELETE", "/customers/1", "", 204},
		{"DELETE", "/customers/1", "", 404},
	} {
		if status, body := c.Call(tc.method, base+tc.path, tc.body); status != tc.want {
			t.Errorf("%s %s: %d %s, want %d", tc.method, tc.path, status, body, tc.want)
		}
	}
	if status, _ := c.Do("GET", URL(s)+"/customers/1", ""); status != 404 {
		t.Errorf("API after out-of-band delete: %d", status)
	}
	if len(s.Requests()) != 3 {
		t.Errorf("control requests were logged: %d", len(s.Requests()))
	}
}
