package stripe

import (
	"context"
	"fmt"
	"net/http"
	"testing"

	"github.com/customerops/terraform-provider-crm/internal/sandbox"
	sbstripe "github.com/customerops/terraform-provider-crm/internal/sandbox/stripe"
	"github.com/customerops/terraform-provider-crm/internal/transport"
)

// hinting answers status with Stripe-Should-Retry: hint (none for "") the
// first n requests, then success.
func hinting(n, status int, hint string) func(int, *http.Request) (int, string) {
	return func(i int, r *http.Request) (int, string) {
		if i > n {
			if r.Method == http.MethodDelete {
				return 200, `{"id":"cus_1","object":"customer","deleted":true}`
			}
			return 200, `{"id":"cus_1","object":"customer"}`
		}
		return status, fmt.Sprintf(`{"error":{"type":"idempotency_error","code":"idempotency_key_in_use","message":"busy %d"}}`, i)
	}
}

// hintedClient is a test client whose error answers carry
// Stripe-Should-Retry: hint (none for "").
func hintedClient(t *testing.T, answer func(int, *http.Request) (int, string), hint string) (*Client, *recorder) {
	t.Helper()
	return testClientH(t, NoAccount, func(n int, r *http.Request) (int, http.Header, string) {
		status, body := answer(n, r)
		h := http.Header{}
		if status >= 400 && hint != "" {
			h.Set("Stripe-Should-Retry", hint)
		}
		return status, h, body
	})
}

// calls are the client's requests, each as Stripe's SDKs would send it.
var calls = map[string]func(*Client) error{
	"create": func(c *Client) error {
		_, err := c.CreateCustomer(context.Background(), Form{"email": {"a@b.co"}})
		return err
	},
	"update": func(c *Client) error {
		_, err := c.UpdateCustomer(context.Background(), "cus_1", Form{"name": {"x"}})
		return err
	},
	"get":    func(c *Client) error { _, err := c.GetCustomer(context.Background(), "cus_1"); return err },
	"delete": func(c *Client) error { return c.DeleteCustomer(context.Background(), "cus_1") },
}

// TestShouldRetryTrue: a 409 that says Stripe-Should-Retry: true (a key
// still in use) is retried until it passes, for every request the client
// sends; without the header, a 409 is final (CONTRACT.md §3).
func TestShouldRetryTrue(t *testing.T) {
	for name, call := range calls {
		for hint, want := range map[string]int{"true": 3, "": 1} {
			t.Run(fmt.Sprintf("%s %q", name, hint), func(t *testing.T) {
				c, rec := hintedClient(t, hinting(2, http.StatusConflict, hint), hint)
				err := call(c)
				if len(rec.reqs) != want {
					t.Errorf("%d requests, want %d", len(rec.reqs), want)
				}
				if (err == nil) != (want == 3) {
					t.Errorf("err = %v", err)
				}
			})
		}
	}
}

// TestShouldRetryFalse: Stripe-Should-Retry: false stops the retries a
// status would get (a 409 hinted true would too, a 503, a 429), and the
// error is Stripe's own, after one attempt.
func TestShouldRetryFalse(t *testing.T) {
	for name, call := range calls {
		for _, status := range []int{409, 503, 429} {
			t.Run(fmt.Sprintf("%s %d", name, status), func(t *testing.T) {
				c, rec := hintedClient(t, hinting(5, status, "false"), "false")
				err := call(c)
				apiErr, ok := transport.AsAPIError(err)
				if len(rec.reqs) != 1 || !ok || apiErr.Status != status || apiErr.Message != "busy 1" || apiErr.Attempts != 1 {
					t.Errorf("%d requests, err %v; want one attempt and Stripe's %d", len(rec.reqs), err, status)
				}
			})
		}
	}
}

// TestShouldRetryFromTheSandbox: the emulator's 409s say "retry" as
// Stripe's do, so a create answered 409 twice is sent a third time with
// the same key and makes one customer; its 404s say "do not".
func TestShouldRetryFromTheSandbox(t *testing.T) {
	s := sandbox.New(sbstripe.Emulator)
	if err := s.Start("127.0.0.1:0"); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(s.Close)
	c, err := NewClient(transport.Config{BaseURL: sbstripe.URL(s), Auth: shaper{key: sbstripe.APIKey}, MaxRetries: 3, RetryWaitMin: 1, RetryWaitMax: 2})
	if err != nil {
		t.Fatal(err)
	}
	s.InjectFault(sandbox.Fault{Platform: sbstripe.Name, Method: "POST", Times: 2, Status: http.StatusConflict})
	if _, err := c.CreateCustomer(context.Background(), Form{"email": {"a@b.co"}}); err != nil {
		t.Fatal(err)
	}
	posts := 0
	for _, r := range s.Requests() {
		if r.Method == http.MethodPost {
			posts++
		}
	}
	if n := len(sbstripe.StoreOf(s).Customers.List()); posts != 3 || n != 1 {
		t.Errorf("%d POSTs, %d customers; want 3 and 1", posts, n)
	}
	// A GET is retried on a 503 (the status rules: the emulator's 5xx say
	// nothing), never on a 404, which says "do not".
	s.InjectFault(sandbox.Fault{Platform: sbstripe.Name, Method: "GET", Times: 1, Status: http.StatusServiceUnavailable})
	before := len(s.Requests())
	if _, err := c.GetCustomer(context.Background(), "cus_missing"); !transport.IsNotFound(err) {
		t.Errorf("got %v, want gone", err)
	}
	if n := len(s.Requests()) - before; n != 2 {
		t.Errorf("%d GETs, want 2 (the 503, then the 404)", n)
	}
}
