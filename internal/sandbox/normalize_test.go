package sandbox_test

import (
	"encoding/json"
	"fmt"
	"strings"
	"sync"
	"testing"

	"github.com/customerops/terraform-provider-crm/internal/sandbox"
	sbrazorpay "github.com/customerops/terraform-provider-crm/internal/sandbox/razorpay"
	sbxtrakit "github.com/customerops/terraform-provider-crm/internal/sandbox/xtrakit"
)

const allOnJSON = `{"lower_emails":true,"upper_gstin":true,"trim_space":true}`

// createBoth creates one spaced, mixed-case customer on each platform through
// the API and returns the create responses.
func createBoth(t *testing.T, s *sandbox.Server) (xtrakit, razorpay string) {
	t.Helper()
	x := strings.Replace(xtrakitCustomer, `"Kofi"`, `" Kofi\t","customer_email":"Kofi@Example.COM"`, 1)
	status, xb, _ := call(t, "POST", sbxtrakit.URL(s)+"/customers/add", sbxtrakit.Name, x)
	if status != 200 {
		t.Fatalf("xtrakit create: %d %s", status, xb)
	}
	// A new contact each time keeps the email + contact pair unique.
	r := fmt.Sprintf(`{"name":" Gaurav Kumar ","contact":"+9198765432%02d","email":"Gaurav@Example.COM",
	  "gstin":"29abcde1234f1z5","notes":{"k":" v\n"}}`, len(sbrazorpay.StoreOf(s).Customers.List()))
	status, rb, _ := call(t, "POST", sbrazorpay.URL(s)+"/customers", sbrazorpay.Name, r)
	if status != 200 {
		t.Fatalf("razorpay create: %d %s", status, rb)
	}
	return xb, rb
}

func TestControlNormalize(t *testing.T) {
	s := started(t)
	url := s.URL() + "/_sandbox/normalize"
	if status, body, _ := call(t, "GET", url, "", ""); status != 200 || body != `{"lower_emails":false,"upper_gstin":false,"trim_space":false}` {
		t.Fatalf("GET default: %d %s", status, body)
	}
	xb, rb := createBoth(t, s)
	for _, want := range []string{`"customer_name":" Kofi\t"`, `"customer_email":"Kofi@Example.COM"`} {
		if !strings.Contains(xb, want) {
			t.Errorf("xtrakit, switches off: %s lacks %s", xb, want)
		}
	}
	for _, want := range []string{`"name":" Gaurav Kumar "`, `"email":"Gaurav@Example.COM"`, `"gstin":"29abcde1234f1z5"`, `"notes":{"k":" v\n"}`} {
		if !strings.Contains(rb, want) {
			t.Errorf("razorpay, switches off: %s lacks %s", rb, want)
		}
	}

	if status, body, _ := call(t, "PUT", url, "", allOnJSON); status != 200 || body != allOnJSON {
		t.Fatalf("PUT all on: %d %s", status, body)
	}
	if n := s.Normalize(); n != (sandbox.Normalize{LowerEmails: true, UpperCodes: true, TrimSpace: true}) {
		t.Errorf("Normalize() = %+v", n)
	}
	xb, rb = createBoth(t, s)
	for _, want := range []string{`"customer_name":"Kofi"`, `"customer_email":"kofi@example.com"`} {
		if !strings.Contains(xb, want) {
			t.Errorf("xtrakit, switches on: %s lacks %s", xb, want)
		}
	}
	for _, want := range []string{`"name":"Gaurav Kumar"`, `"email":"gaurav@example.com"`, `"gstin":"29ABCDE1234F1Z5"`, `"notes":{"k":"v"}`} {
		if !strings.Contains(rb, want) {
			t.Errorf("razorpay, switches on: %s lacks %s", rb, want)
		}
	}

	// A bad body changes nothing; PUT replaces, so a switch left out is off.
	for _, bad := range []string{`{"lower_email":true}`, `{"trim_space":"yes"}`, `nope`} {
		if status, _, _ := call(t, "PUT", url, "", bad); status != 400 {
			t.Errorf("PUT %s: %d", bad, status)
		}
	}
	if status, body, _ := call(t, "PUT", url, "", `{"upper_gstin":true}`); status != 200 ||
		body != `{"lower_emails":false,"upper_gstin":true,"trim_space":false}` {
		t.Errorf("PUT one switch: %d %s", status, body)
	}
	if got := []any{sbxtrakit.StoreOf(s).Normalize(), sbrazorpay.StoreOf(s).Normalize()}; got[0] != (sandbox.Normalize{UpperCodes: true}) || got[1] != got[0] {
		t.Errorf("stores: %+v", got)
	}
	if len(s.Requests()) != 4 {
		t.Errorf("control requests were logged: %d", len(s.Requests()))
	}
}

func TestSetNormalizeIsVisibleOverHTTP(t *testing.T) {
	s := started(t)
	s.SetNormalize(sandbox.Normalize{LowerEmails: true})
	if _, body, _ := call(t, "GET", s.URL()+"/_sandbox/normalize", "", ""); body != `{"lower_emails":true,"upper_gstin":false,"trim_space":false}` {
		t.Errorf("GET after SetNormalize: %s", body)
	}
	xb, rb := createBoth(t, s)
	var x struct {
		Data struct{ Customer map[string]any }
	}
	var r map[string]any
	if json.Unmarshal([]byte(xb), &x) != nil || json.Unmarshal([]byte(rb), &r) != nil {
		t.Fatalf("bodies: %s %s", xb, rb)
	}
	if c := x.Data.Customer; c["customer_email"] != "kofi@example.com" || c["customer_name"] != " Kofi\t" {
		t.Errorf("xtrakit: %v", c)
	}
	if r["email"] != "gaurav@example.com" || r["name"] != " Gaurav Kumar " || r["gstin"] != "29abcde1234f1z5" {
		t.Errorf("razorpay: %v", r)
	}
}

// Switching while requests are served is safe (run with -race).
func TestSetNormalizeConcurrent(t *testing.T) {
	s := started(t)
	var wg sync.WaitGroup
	for i := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			s.SetNormalize(sandbox.Normalize{TrimSpace: i%2 == 0, LowerEmails: true})
			_ = s.Normalize()
			contact := "+91987654321" + string(rune('0'+i))
			for _, r := range []struct{ url, auth, body string }{
				{sbxtrakit.URL(s) + "/customers/add", sbxtrakit.Name, xtrakitCustomer},
				{sbrazorpay.URL(s) + "/customers", sbrazorpay.Name, strings.Replace(razorpayCustomer, "+919876543210", contact, 1)},
			} {
				resp, err := send("POST", r.url, r.auth, r.body)
				if err != nil {
					t.Error(err)
					continue
				}
				resp.Body.Close()
			}
		}()
	}
	wg.Wait()
	if n := len(sbxtrakit.StoreOf(s).Customers.List()) + len(sbrazorpay.StoreOf(s).Customers.List()); n != 16 {
		t.Errorf("stored %d customers, want 16", n)
	}
}
