package razorpay

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"github.com/customerops/terraform-provider-crm/internal/sandbox"
	"github.com/customerops/terraform-provider-crm/internal/sandbox/emutest"
)

// mounted is a sandbox serving only Emulator, and a client of its whole
// handler (routing, request log, faults, the control surface) sending
// KeyID and KeySecret.
func mounted(t *testing.T) (*sandbox.Server, *emutest.Client) {
	return emutest.Mount(t, Emulator, func(r *http.Request) { r.SetBasicAuth(KeyID, KeySecret) })
}

func TestControlRazorpayStore(t *testing.T) {
	s, c := mounted(t)
	base := s.URL() + "/_sandbox/razorpay/customers"
	status, body := c.Call("POST", base, `{"name":"Seeded","email":"s@example.com","notes":[]}`)
	var cu struct{ ID string }
	if err := json.Unmarshal([]byte(body), &cu); status != 201 || err != nil || cu.ID == "" {
		t.Fatalf("seed: %d %s", status, body)
	}
	if status, body := c.Call("PATCH", base+"/"+cu.ID, `{"contact":"+919999999999","notes":{"k":"v"}}`); status != 200 ||
		!strings.Contains(body, `"notes":{"k":"v"}`) {
		t.Errorf("PATCH: %d %s", status, body)
	}
	if _, body := c.Do("GET", URL(s)+"/customers/"+cu.ID, ""); !strings.Contains(body, `"contact":"+919999999999"`) {
		t.Errorf("API after PATCH: %s", body)
	}
	if status, body := c.Call("GET", base, ""); status != 200 || !strings.Contains(body, cu.ID) {
		t.Errorf("dump: %d %s", status, body)
	}
	if status, _ := c.Call("GET", base+"/"+cu.ID, ""); status != 200 {
		t.Errorf("GET: %d", status)
	}
	if status, _ := c.Call("DELETE", base+"/"+cu.ID, ""); status != 204 {
		t.Errorf("DELETE: %d", status)
	}
	if status, body := c.Do("GET", URL(s)+"/customers/"+cu.ID, ""); status != 400 ||
		!strings.Contains(body, "The id provided does not exist") {
		t.Errorf("API after out-of-band delete: %d %s", status, body)
	}
	for _, m := range []string{"GET", "PATCH", "DELETE"} {
		if status, _ := c.Call(m, base+"/"+cu.ID, "{}"); status != 404 {
			t.Errorf("%s removed customer: %d", m, status)
		}
	}
}
