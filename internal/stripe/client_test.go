package stripe

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"github.com/customerops/terraform-provider-crm/internal/transport"
)

func TestIDs(t *testing.T) {
	for _, ok := range []string{"cus_NffrFeUfNV2Hib", "cus_1"} {
		if err := IDs.Check(ok); err != nil {
			t.Errorf("%s: %v", ok, err)
		}
	}
	for _, bad := range []string{"", "cus_", "NffrFeUfNV2Hib", "cus_../x", "cus_a b", "acct_1"} {
		if IDs.Check(bad) == nil {
			t.Errorf("%q accepted", bad)
		}
	}
}

// recorder is a server that answers with answer and records each request.
type recorder struct {
	mu   sync.Mutex
	reqs []*http.Request
	body []string
}

func testClient(t *testing.T, account string, answer func(n int, r *http.Request) (int, string)) (*Client, *recorder) {
	t.Helper()
	return testClientH(t, account, func(n int, r *http.Request) (int, http.Header, string) {
		status, body := answer(n, r)
		return status, nil, body
	})
}

// testClientH is testClient whose answers carry headers.
func testClientH(t *testing.T, account string, answer func(n int, r *http.Request) (int, http.Header, string)) (*Client, *recorder) {
	t.Helper()
	rec := &recorder{}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		rec.mu.Lock()
		rec.reqs = append(rec.reqs, r)
		rec.body = append(rec.body, string(b))
		n := len(rec.reqs)
		rec.mu.Unlock()
		status, h, body := answer(n, r)
		for k, v := range h {
			w.Header()[k] = v
		}
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(status)
		_, _ = io.WriteString(w, body)
	}))
	t.Cleanup(srv.Close)
	c, err := NewClient(transport.Config{BaseURL: srv.URL, Auth: shaper{key: "sk_test_x", account: account}, MaxRetries: 3, RetryWaitMin: 1, RetryWaitMax: 2})
	if err != nil {
		t.Fatal(err)
	}
	return c, rec
}

// TestCreateRetriesWithOneKey: a create answered 502 then 200 is sent
// twice with one Idempotency-Key, a form body and Stripe's headers.
func TestCreateRetriesWithOneKey(t *testing.T) {
	c, rec := testClient(t, "acct_1", func(n int, _ *http.Request) (int, string) {
		if n == 1 {
			return 502, `{"error":{"type":"api_error","message":"bad gateway"}}`
		}
		return 200, `{"id":"cus_1","object":"customer","metadata":{}}`
	})
	cu, err := c.CreateCustomer(context.Background(), Form{"email": {"a@b.co"}, "metadata[k]": {"v"}})
	if err != nil || cu.ID != "cus_1" {
		t.Fatalf("%+v %v", cu, err)
	}
	if len(rec.reqs) != 2 {
		t.Fatalf("%d requests", len(rec.reqs))
	}
	k := rec.reqs[0].Header.Get("Idempotency-Key")
	for i, r := range rec.reqs {
		h := r.Header
		if h.Get("Idempotency-Key") != k || k == "" || h.Get("Stripe-Version") != APIVersion || h.Get("Stripe-Account") != "acct_1" ||
			h.Get("Authorization") != "Bearer sk_test_x" || h.Get("Content-Type") != "application/x-www-form-urlencoded" ||
			rec.body[i] != "email=a%40b.co&metadata%5Bk%5D=v" {
			t.Errorf("attempt %d: headers %v body %q", i+1, h, rec.body[i])
		}
	}
}

// TestNoKeyOnReadsAndDeletes: reads and deletes carry no Idempotency-Key
// (Stripe guarantees they are idempotent), and stripe_account's default
// sends no Stripe-Account.
func TestNoKeyOnReadsAndDeletes(t *testing.T) {
	c, rec := testClient(t, NoAccount, func(_ int, r *http.Request) (int, string) {
		if r.Method == http.MethodDelete {
			return 200, `{"id":"cus_1","object":"customer","deleted":true}`
		}
		return 200, `{"id":"cus_1","object":"customer"}`
	})
	ctx := context.Background()
	_, _ = c.GetCustomer(ctx, "cus_1")
	_ = c.DeleteCustomer(ctx, "cus_1")
	for _, r := range rec.reqs {
		if r.Header.Get("Idempotency-Key") != "" || r.Header.Get("Stripe-Account") != "" {
			t.Errorf("%s %s: %v", r.Method, r.URL.Path, r.Header)
		}
	}
}

// TestUpdateRetriesWithOneKey: an update carries an Idempotency-Key of its
// own, as Stripe's SDKs send one with every POST, so a 502 is sent again
// with the same key and body; the next update has another key
// (CONTRACT.md §7).
func TestUpdateRetriesWithOneKey(t *testing.T) {
	c, rec := testClient(t, NoAccount, func(n int, _ *http.Request) (int, string) {
		if n == 1 {
			return 502, `{"error":{"type":"api_error","message":"bad gateway"}}`
		}
		return 200, `{"id":"cus_1","object":"customer"}`
	})
	ctx := context.Background()
	if _, err := c.UpdateCustomer(ctx, "cus_1", Form{"name": {""}}); err != nil {
		t.Fatal(err)
	}
	if _, err := c.UpdateCustomer(ctx, "cus_1", Form{"name": {"x"}}); err != nil {
		t.Fatal(err)
	}
	if len(rec.reqs) != 3 {
		t.Fatalf("%d requests, want 3", len(rec.reqs))
	}
	k := rec.reqs[0].Header.Get("Idempotency-Key")
	if !strings.HasPrefix(k, "terraform-") || rec.reqs[1].Header.Get("Idempotency-Key") != k || rec.body[0] != "name=" || rec.body[1] != "name=" {
		t.Errorf("the retry: keys %q, %q, bodies %q", k, rec.reqs[1].Header.Get("Idempotency-Key"), rec.body[:2])
	}
	if k2 := rec.reqs[2].Header.Get("Idempotency-Key"); k2 == "" || k2 == k {
		t.Errorf("the second update's key %q (the first's %q)", k2, k)
	}
}

// TestDeletedIsGone: a retrieve answered 200 with deleted: true is gone.
func TestDeletedIsGone(t *testing.T) {
	c, _ := testClient(t, NoAccount, func(int, *http.Request) (int, string) {
		return 200, `{"id":"cus_1","object":"customer","deleted":true}`
	})
	if _, err := c.GetCustomer(context.Background(), "cus_1"); !transport.IsNotFound(err) {
		t.Errorf("got %v, want gone", err)
	}
}

// TestListPages: pages of 100, the next asked after the last id while
// has_more; the e-mail filter on every page.
func TestListPages(t *testing.T) {
	c, rec := testClient(t, NoAccount, func(n int, r *http.Request) (int, string) {
		var data []string
		for i := range 100 {
			if n == 2 && i == 50 {
				break
			}
			data = append(data, fmt.Sprintf(`{"id":"cus_%d%03d","object":"customer"}`, n, i))
		}
		return 200, fmt.Sprintf(`{"object":"list","url":"/v1/customers","has_more":%v,"data":[%s]}`, n == 1, strings.Join(data, ","))
	})
	all, err := c.ListCustomers(context.Background(), map[string][]string{"email": {"a@b.co"}})
	if err != nil || len(all) != 150 {
		t.Fatalf("%d customers, %v", len(all), err)
	}
	q1, q2 := rec.reqs[0].URL.Query(), rec.reqs[1].URL.Query()
	if q1.Encode() != "email=a%40b.co&limit=100" || q2.Encode() != "email=a%40b.co&limit=100&starting_after=cus_1099" {
		t.Errorf("queries %s then %s", q1.Encode(), q2.Encode())
	}
}

// TestEachCustomer: the same pages as ListCustomers, filters on every
// page; a caller that stops requests no page past the one it stopped in.
func TestEachCustomer(t *testing.T) {
	c, rec := testClient(t, NoAccount, func(n int, r *http.Request) (int, string) {
		var data []string
		for i := range 100 {
			data = append(data, fmt.Sprintf(`{"id":"cus_%d%03d","object":"customer"}`, n, i))
		}
		return 200, fmt.Sprintf(`{"object":"list","url":"/v1/customers","has_more":%v,"data":[%s]}`, n < 3, strings.Join(data, ","))
	})
	taken := 0
	for cu, err := range c.EachCustomer(context.Background(), map[string][]string{"created[gt]": {"1700000000"}}) {
		if err != nil || cu.ID == "" {
			t.Fatalf("%+v, %v", cu, err)
		}
		if taken++; taken == 150 {
			break
		}
	}
	if len(rec.reqs) != 2 {
		t.Fatalf("%d pages requested for 150 customers, want 2", len(rec.reqs))
	}
	q1, q2 := rec.reqs[0].URL.Query(), rec.reqs[1].URL.Query()
	if q1.Encode() != "created%5Bgt%5D=1700000000&limit=100" || q2.Encode() != "created%5Bgt%5D=1700000000&limit=100&starting_after=cus_1099" {
		t.Errorf("queries %s then %s", q1.Encode(), q2.Encode())
	}
}

// TestFindCustomer: none, one, or several with the e-mail (an error).
func TestFindCustomer(t *testing.T) {
	for n, want := range map[int]string{0: "", 1: "cus_0", 2: "error"} {
		c, _ := testClient(t, NoAccount, func(int, *http.Request) (int, string) {
			var data []json.RawMessage
			for i := range n {
				data = append(data, json.RawMessage(fmt.Sprintf(`{"id":"cus_%d"}`, i)))
			}
			b, _ := json.Marshal(map[string]any{"object": "list", "has_more": false, "data": append([]json.RawMessage{}, data...)})
			return 200, string(b)
		})
		got, err := c.FindCustomer(context.Background(), "a@b.co")
		switch {
		case want == "error" && err == nil, want == "" && (got != nil || err != nil), want != "" && want != "error" && (got == nil || got.ID != want):
			t.Errorf("%d found: %+v %v", n, got, err)
		}
	}
}
