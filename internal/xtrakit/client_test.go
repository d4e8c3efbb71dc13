package xtrakit

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/customerops/terraform-provider-crm/internal/sandbox"
	"github.com/customerops/terraform-provider-crm/internal/sandbox/emulators"
	sbxtrakit "github.com/customerops/terraform-provider-crm/internal/sandbox/xtrakit"
	"github.com/customerops/terraform-provider-crm/internal/transport"
)

// ---- decodeError ----

func TestDecodeErrorOneField(t *testing.T) {
	body := `{"status":422,"error":"Validation failed","errors":{"customer_phone":["The customer phone field is required."]}}`
	e := decodeError(http.StatusUnprocessableEntity, []byte(body))
	if e.Message != "Validation failed" {
		t.Errorf("Message = %q", e.Message)
	}
	if e.Field != "customer_phone" {
		t.Errorf("Field = %q, want customer_phone", e.Field)
	}
	want := []string{"customer_phone: The customer phone field is required."}
	if !reflect.DeepEqual(e.Details, want) {
		t.Errorf("Details = %q, want %q", e.Details, want)
	}
	if e.NotFound || errors.Is(e, transport.ErrNotFound) {
		t.Error("a 422 is not NotFound")
	}
}

func TestDecodeErrorSeveralFieldsSorted(t *testing.T) {
	body := `{"status":422,"error":"Validation failed","errors":{
		"customer_phone":["The customer phone field is required."],
		"address1":["The address1 field is required."],
		"customer_email":["The customer email field must be a valid email address.","The customer email field must not be greater than 255 characters."]}}`
	e := decodeError(422, []byte(body))
	if e.Field != "" {
		t.Errorf("Field = %q, want empty when several fields are blamed", e.Field)
	}
	want := []string{
		"address1: The address1 field is required.",
		"customer_email: The customer email field must be a valid email address.",
		"customer_email: The customer email field must not be greater than 255 characters.",
		"customer_phone: The customer phone field is required.",
	}
	if !reflect.DeepEqual(e.Details, want) {
		t.Errorf("Details =\n%q\nwant\n%q", e.Details, want)
	}
	// Decoding is deterministic despite map order.
	for range 20 {
		if again := decodeError(422, []byte(body)); !reflect.DeepEqual(again.Details, want) {
			t.Fatalf("Details changed between runs: %q", again.Details)
		}
	}
}

func TestDecodeErrorNotFound(t *testing.T) {
	for _, body := range []string{`{"status":404,"error":"Customer not found"}`, `{"status":404,"error":"Group not found"}`} {
		e := decodeError(http.StatusNotFound, []byte(body))
		if !e.NotFound {
			t.Errorf("%s: NotFound = false", body)
		}
		var err error = e
		if !errors.Is(err, transport.ErrNotFound) || !transport.IsNotFound(err) {
			t.Errorf("%s: errors.Is(err, ErrNotFound) = false", body)
		}
		if e.Field != "" || len(e.Details) != 0 {
			t.Errorf("%s: unexpected field/details %q %q", body, e.Field, e.Details)
		}
	}
	// Any other 404 (a wrong base_url, a proxy's page, the router's own
	// "Route not found") says nothing about the record: not gone.
	for _, body := range []string{"", "<html>Not Found</html>", `{"status":404,"error":"Route not found"}`} {
		if e := decodeError(http.StatusNotFound, []byte(body)); e.NotFound {
			t.Errorf("404 %q was taken for a deleted record", body)
		}
	}
}

func TestDecodeErrorConflictAndAuth(t *testing.T) {
	e := decodeError(http.StatusConflict, []byte(`{"status":409,"error":"Customer group has customers"}`))
	if e.Message != "Customer group has customers" || e.NotFound || e.Field != "" || e.Details != nil {
		t.Errorf("409: %+v", e)
	}
	e = decodeError(http.StatusUnauthorized, []byte(`{"status":401,"error":"Unauthorized: Invalid API Key"}`))
	if e.Message != "Unauthorized: Invalid API Key" || e.NotFound {
		t.Errorf("401: %+v", e)
	}
}

func TestDecodeErrorNonJSONBody(t *testing.T) {
	for _, body := range []string{"", "<html><body>502 Bad Gateway</body></html>", "null", "[1,2]", `"text"`, `{"error":42}`, `{"errors":"nope"}`} {
		e := decodeError(http.StatusBadGateway, []byte(body))
		if e == nil {
			t.Fatalf("%q: nil APIError", body)
		}
		if e.NotFound || e.Field != "" || len(e.Details) != 0 {
			t.Errorf("%q: %+v", body, e)
		}
	}
}

// Through the client, a body that is not Xtrakit's JSON becomes the message.
func TestClientNonJSONErrorBody(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.WriteHeader(http.StatusForbidden)
		_, _ = w.Write([]byte("  <html>Forbidden by proxy</html>\n"))
	}))
	defer srv.Close()
	c := newClient(t, srv.URL, sbxtrakit.APIKey)
	_, err := c.GetCustomer(context.Background(), "1")
	apiErr, ok := transport.AsAPIError(err)
	if !ok {
		t.Fatalf("want APIError, got %v", err)
	}
	if apiErr.Status != 403 || apiErr.Message != "<html>Forbidden by proxy</html>" || apiErr.Platform != "xtrakit" {
		t.Errorf("%+v", apiErr)
	}
}

// ---- flexString ----

func TestFlexString(t *testing.T) {
	cases := []struct {
		in      string
		want    string
		wantErr bool
	}{
		{`"482193"`, "482193", false},
		{`""`, "", false},
		{`482193`, "482193", false},
		{`0`, "0", false},
		{`1.5e3`, "1.5e3", false},
		{`-7`, "-7", false},
		{`null`, "", false},
		{`true`, "", true},
		{`{}`, "", true},
		{`["1"]`, "", true},
	}
	for _, tc := range cases {
		t.Run(tc.in, func(t *testing.T) {
			var doc struct {
				Code flexString `json:"business_code"`
			}
			doc.Code = "previous"
			err := json.Unmarshal([]byte(`{"business_code":`+tc.in+`}`), &doc)
			if tc.wantErr {
				if err == nil {
					t.Fatalf("want an error, got %q", doc.Code)
				}
				if !strings.Contains(err.Error(), "business_code") {
					t.Errorf("error should name business_code: %v", err)
				}
				return
			}
			if err != nil {
				t.Fatalf("Unmarshal: %v", err)
			}
			if string(doc.Code) != tc.want {
				t.Errorf("got %q, want %q", doc.Code, tc.want)
			}
		})
	}
}

func TestFlexStringInCustomer(t *testing.T) {
	var c Customer
	if err := json.Unmarshal([]byte(`{"id":3,"business_code":482193,"customer_name":"A"}`), &c); err != nil {
		t.Fatal(err)
	}
	if c.BusinessCode != "482193" || c.ID != 3 || c.CustomerName != "A" {
		t.Errorf("%+v", c)
	}
}

// ---- ids ----

func TestParseID(t *testing.T) {
	if id, err := ParseID("42"); err != nil || id != 42 {
		t.Errorf(`ParseID("42") = %d, %v`, id, err)
	}
	if id, err := ParseID("9223372036854775807"); err != nil || id != 9223372036854775807 {
		t.Errorf("max int64: %d, %v", id, err)
	}
	for _, bad := range []string{"0", "-1", "abc", "", "4.2", " 42", "42 ", "0x2A", "9223372036854775808", "1e3"} {
		id, err := ParseID(bad)
		if err == nil {
			t.Errorf("ParseID(%q) = %d, want an error", bad, id)
			continue
		}
		if !strings.Contains(err.Error(), "ids are positive integers") || !strings.Contains(err.Error(), `"`+bad+`"`) {
			t.Errorf("ParseID(%q) error %q should quote the input and say ids are positive integers", bad, err)
		}
	}
}

func TestIDPath(t *testing.T) {
	if p, err := IDs.Path("/customers", "7"); err != nil || p != "/customers/7" {
		t.Errorf("IDs.Path = %q, %v", p, err)
	}
	for _, bad := range []string{"", "0", "x", "../groups"} {
		if p, err := IDs.Path("/customers", bad); err == nil {
			t.Errorf("IDs.Path(%q) = %q, want an error", bad, p)
		}
	}
}

// Ids that ParseID accepts in a non-canonical spelling must reach the API
// as the canonical integer (the sandbox, like Xtrakit's router, only knows
// "7", not "+7" or "007").
func TestIDPathCanonical(t *testing.T) {
	for _, in := range []string{"+7", "007"} {
		if p, err := IDs.Path("/customers", in); err == nil && p != "/customers/7" {
			t.Errorf("IDs.Path(%q) = %q, want /customers/7 or an error", in, p)
		}
	}
}

// ---- sameCustomer ----

func fullInput() CustomerInput {
	g := int64(3)
	return CustomerInput{
		CustomerGroupID:  &g,
		CustomerName:     "Jane Doe",
		CustomerEmail:    strp("jane@example.com"),
		CustomerPhone:    "+233201234567",
		CustomerWhatsapp: strp("+233201234568"),
		CustomerCountry:  "Ghana",
		CustomerCity:     "Accra",
		CustomerState:    "Greater Accra",
		CustomerZip:      strp("00233"),
		Address1:         "1 Independence Ave",
		Address2:         strp("Suite 2"),
		CustomerProfile:  strp("https://example.com/jane.png"),
		CreatedBy:        "terraform",
	}
}

func strp(s string) *string { return &s }
func i64p(n int64) *int64   { return &n }

func TestSameCustomerNullAndEmptyEqual(t *testing.T) {
	a := CustomerInput{CustomerName: "A", CustomerPhone: "1", CustomerCountry: "C", CustomerCity: "c", CustomerState: "s", Address1: "a", CreatedBy: "me"}
	b := a
	b.CustomerEmail, b.CustomerWhatsapp, b.CustomerZip, b.Address2, b.CustomerProfile = strp(""), strp(""), strp(""), strp(""), strp("")
	if !sameCustomer(a, b) || !sameCustomer(b, a) {
		t.Error("null and \"\" optionals must compare equal")
	}
	if !sameCustomer(fullInput(), fullInput()) {
		t.Error("identical inputs must compare equal")
	}
}

func TestSameCustomerEveryFieldMatters(t *testing.T) {
	mutations := map[string]func(*CustomerInput){
		"group id other":      func(c *CustomerInput) { c.CustomerGroupID = i64p(4) },
		"group id null":       func(c *CustomerInput) { c.CustomerGroupID = nil },
		"name":                func(c *CustomerInput) { c.CustomerName = "John Doe" },
		"email":               func(c *CustomerInput) { c.CustomerEmail = strp("john@example.com") },
		"email null":          func(c *CustomerInput) { c.CustomerEmail = nil },
		"phone":               func(c *CustomerInput) { c.CustomerPhone = "+1" },
		"whatsapp":            func(c *CustomerInput) { c.CustomerWhatsapp = strp("+2") },
		"whatsapp null":       func(c *CustomerInput) { c.CustomerWhatsapp = nil },
		"country":             func(c *CustomerInput) { c.CustomerCountry = "Togo" },
		"city":                func(c *CustomerInput) { c.CustomerCity = "Tema" },
		"state":               func(c *CustomerInput) { c.CustomerState = "Volta" },
		"zip":                 func(c *CustomerInput) { c.CustomerZip = strp("233") },
		"zip empty":           func(c *CustomerInput) { c.CustomerZip = strp("") },
		"address1":            func(c *CustomerInput) { c.Address1 = "2 Independence Ave" },
		"address2":            func(c *CustomerInput) { c.Address2 = strp("Suite 3") },
		"profile":             func(c *CustomerInput) { c.CustomerProfile = strp("/img/j.png") },
		"created by":          func(c *CustomerInput) { c.CreatedBy = "someone else" },
		"name: double blanks": func(c *CustomerInput) { c.CustomerName = "Jane  Doe" }, // blanks around do not count (wire_test.go)
	}
	for name, mutate := range mutations {
		t.Run(name, func(t *testing.T) {
			a, b := fullInput(), fullInput()
			mutate(&b)
			if sameCustomer(a, b) || sameCustomer(b, a) {
				t.Errorf("inputs differing in %s compared equal", name)
			}
		})
	}
	// Group ids are compared by value, not pointer.
	a, b := fullInput(), fullInput()
	b.CustomerGroupID = i64p(*a.CustomerGroupID)
	if !sameCustomer(a, b) {
		t.Error("equal group ids behind different pointers must compare equal")
	}
}

// The provider treats e-mail case as insignificant (attr.EmailType) because
// an API may lowercase addresses; the lost-create find must then still
// recognise the record it made.
func TestSameCustomerEmailCaseInsensitive(t *testing.T) {
	a, b := fullInput(), fullInput()
	a.CustomerEmail = strp("Jane.Doe@Example.com")
	b.CustomerEmail = strp("jane.doe@example.com")
	if !sameCustomer(a, b) {
		t.Error("e-mails differing only in case must compare equal")
	}
}

// ---- end to end against the sandbox ----

func newClient(t *testing.T, baseURL, key string) *Client {
	t.Helper()
	c, err := NewClient(transport.Config{
		BaseURL:        baseURL,
		Auth:           transport.BearerToken(key),
		UserAgent:      "terraform-provider-crm/unit-test",
		MaxRetries:     2,
		RequestTimeout: 5 * time.Second,
		RetryWaitMin:   time.Millisecond,
		RetryWaitMax:   5 * time.Millisecond,
	})
	if err != nil {
		t.Fatalf("NewClient: %v", err)
	}
	return c
}

func newSandbox(t *testing.T) (*sandbox.Server, *Client) {
	s, base := newSandboxURL(t)
	return s, newClient(t, base, sbxtrakit.APIKey)
}

// newSandboxURL serves a fresh sandbox and returns its Xtrakit base URL.
func newSandboxURL(t *testing.T) (*sandbox.Server, string) {
	t.Helper()
	s := emulators.New()
	srv := httptest.NewServer(s.Handler())
	t.Cleanup(srv.Close)
	return s, srv.URL + "/xtrakit/api/v1"
}

func TestClientCustomerLifecycle(t *testing.T) {
	s, c := newSandbox(t)
	ctx := context.Background()

	g, err := c.CreateGroup(ctx, GroupInput{GroupName: "VIP", GroupDescription: strp("Best customers")})
	if err != nil {
		t.Fatalf("CreateGroup: %v", err)
	}
	gid := g.ID

	in := fullInput()
	in.CustomerGroupID = &gid
	created, err := c.CreateCustomer(ctx, in)
	if err != nil {
		t.Fatalf("CreateCustomer: %v", err)
	}
	if created.ID < 1 || !sameCustomer(created.CustomerInput, in) {
		t.Errorf("created = %+v", created)
	}
	if created.UserID == "" || created.BusinessCode == "" || created.CreatedAt == "" || created.UpdatedAt == "" {
		t.Errorf("server fields missing: %+v", created)
	}
	id := strconv.FormatInt(created.ID, 10)

	got, err := c.GetCustomer(ctx, id)
	if err != nil {
		t.Fatalf("GetCustomer: %v", err)
	}
	if got.ID != created.ID || !sameCustomer(got.CustomerInput, in) {
		t.Errorf("get = %+v", got)
	}

	// The PUT replaces the whole record: nil optionals clear fields.
	upd := in
	upd.CustomerCity = "Tema"
	upd.CustomerZip = nil
	upd.CustomerGroupID = nil
	updated, err := c.UpdateCustomer(ctx, id, upd)
	if err != nil {
		t.Fatalf("UpdateCustomer: %v", err)
	}
	if updated.CustomerCity != "Tema" || updated.CustomerZip != nil || updated.CustomerGroupID != nil || updated.ID != created.ID {
		t.Errorf("updated = %+v", updated)
	}
	if stored, _ := sbxtrakit.StoreOf(s).Customers.Get(created.ID); stored.CustomerCity != "Tema" || stored.CustomerZip != nil {
		t.Errorf("store = %+v", stored)
	}

	// A second customer in the group, for the filter.
	other := fullInput()
	other.CustomerName = "Grouped"
	other.CustomerGroupID = &gid
	grouped, err := c.CreateCustomer(ctx, other)
	if err != nil {
		t.Fatalf("CreateCustomer (grouped): %v", err)
	}

	all, err := c.ListCustomers(ctx, nil)
	if err != nil {
		t.Fatalf("ListCustomers: %v", err)
	}
	if len(all) != 2 {
		t.Errorf("list: %d customers, want 2", len(all))
	}
	inGroup, err := c.ListCustomers(ctx, &gid)
	if err != nil {
		t.Fatalf("ListCustomers(group): %v", err)
	}
	if len(inGroup) != 1 || inGroup[0].ID != grouped.ID {
		t.Errorf("list by group = %+v, want only %d", inGroup, grouped.ID)
	}
	none, err := c.ListCustomers(ctx, i64p(999))
	if err != nil || len(none) != 0 {
		t.Errorf("list by unknown group = %v, %v; want empty", none, err)
	}

	if err := c.DeleteCustomer(ctx, id); err != nil {
		t.Fatalf("DeleteCustomer: %v", err)
	}
	_, err = c.GetCustomer(ctx, id)
	if !transport.IsNotFound(err) {
		t.Fatalf("get after delete: %v, want NotFound", err)
	}
	apiErr, _ := transport.AsAPIError(err)
	if apiErr.Status != 404 || apiErr.Message != "Customer not found" || apiErr.Path != "/customers/"+id || apiErr.Method != "GET" {
		t.Errorf("404: %+v", apiErr)
	}
	if err := c.DeleteCustomer(ctx, id); !transport.IsNotFound(err) {
		t.Errorf("second delete: %v, want NotFound", err)
	}
	if _, err := c.UpdateCustomer(ctx, id, upd); !transport.IsNotFound(err) {
		t.Errorf("update after delete: %v, want NotFound", err)
	}
}

func TestClientGroupLifecycle(t *testing.T) {
	_, c := newSandbox(t)
	ctx := context.Background()

	g, err := c.CreateGroup(ctx, GroupInput{GroupName: "Wholesale"})
	if err != nil {
		t.Fatalf("CreateGroup: %v", err)
	}
	id := strconv.FormatInt(g.ID, 10)
	if g.GroupName != "Wholesale" || g.GroupDescription != nil || g.BusinessCode == "" {
		t.Errorf("created = %+v", g)
	}
	g2, err := c.UpdateGroup(ctx, id, GroupInput{GroupName: "Wholesale", GroupDescription: strp("Bulk buyers")})
	if err != nil || g2.GroupDescription == nil || *g2.GroupDescription != "Bulk buyers" {
		t.Fatalf("UpdateGroup = %+v, %v", g2, err)
	}
	got, err := c.GetGroup(ctx, id)
	if err != nil || got.ID != g.ID || *got.GroupDescription != "Bulk buyers" {
		t.Fatalf("GetGroup = %+v, %v", got, err)
	}
	list, err := c.ListGroups(ctx)
	if err != nil || len(list) != 1 || list[0].ID != g.ID {
		t.Fatalf("ListGroups = %+v, %v", list, err)
	}

	// A group with customers cannot be deleted: 409 with Xtrakit's message.
	in := fullInput()
	in.CustomerGroupID = &g.ID
	cust, err := c.CreateCustomer(ctx, in)
	if err != nil {
		t.Fatal(err)
	}
	err = c.DeleteGroup(ctx, id)
	apiErr, ok := transport.AsAPIError(err)
	if !ok || apiErr.Status != http.StatusConflict || apiErr.Message != "Customer group has customers" || apiErr.NotFound {
		t.Fatalf("delete non-empty group: %v", err)
	}
	if err := c.DeleteCustomer(ctx, strconv.FormatInt(cust.ID, 10)); err != nil {
		t.Fatal(err)
	}
	if err := c.DeleteGroup(ctx, id); err != nil {
		t.Fatalf("DeleteGroup: %v", err)
	}
	_, err = c.GetGroup(ctx, id)
	if !transport.IsNotFound(err) {
		t.Fatalf("get after delete: %v, want NotFound", err)
	}
	if apiErr, _ := transport.AsAPIError(err); apiErr.Message != "Group not found" {
		t.Errorf("message = %q", apiErr.Message)
	}
}

func TestClientValidationError(t *testing.T) {
	_, c := newSandbox(t)
	in := fullInput()
	in.CustomerGroupID = nil
	in.CustomerPhone = ""
	_, err := c.CreateCustomer(context.Background(), in)
	apiErr, ok := transport.AsAPIError(err)
	if !ok {
		t.Fatalf("want APIError, got %v", err)
	}
	if apiErr.Status != 422 || apiErr.Message != "Validation failed" || apiErr.Field != "customer_phone" ||
		len(apiErr.Details) != 1 || !strings.HasPrefix(apiErr.Details[0], "customer_phone: ") {
		t.Errorf("%+v", apiErr)
	}
}

func TestClientRejectsBadIDsWithoutRequest(t *testing.T) {
	s, c := newSandbox(t)
	ctx := context.Background()
	for _, id := range []string{"", "0", "-3", "abc"} {
		if _, err := c.GetCustomer(ctx, id); err == nil || !strings.Contains(err.Error(), "positive integers") {
			t.Errorf("GetCustomer(%q): %v", id, err)
		}
		if _, err := c.UpdateCustomer(ctx, id, fullInput()); err == nil {
			t.Errorf("UpdateCustomer(%q): no error", id)
		}
		if err := c.DeleteCustomer(ctx, id); err == nil {
			t.Errorf("DeleteCustomer(%q): no error", id)
		}
		if _, err := c.GetGroup(ctx, id); err == nil {
			t.Errorf("GetGroup(%q): no error", id)
		}
		if _, err := c.UpdateGroup(ctx, id, GroupInput{GroupName: "x"}); err == nil {
			t.Errorf("UpdateGroup(%q): no error", id)
		}
		if err := c.DeleteGroup(ctx, id); err == nil {
			t.Errorf("DeleteGroup(%q): no error", id)
		}
	}
	if n := len(s.RequestsFor(sbxtrakit.Name)); n != 0 {
		t.Errorf("%d requests sent for invalid ids, want 0", n)
	}
}

func countRequests(s *sandbox.Server, method, path string) int {
	n := 0
	for _, r := range s.RequestsFor(sbxtrakit.Name) {
		if r.Method == method && r.Path == path {
			n++
		}
	}
	return n
}

func TestClientCreateCustomerLostAnswerAdopts(t *testing.T) {
	s, c := newSandbox(t)
	ctx := context.Background()
	// An unrelated customer that must not be adopted.
	decoy := fullInput()
	decoy.CustomerGroupID = nil
	decoy.CustomerName = "Someone Else"
	if _, err := c.CreateCustomer(ctx, decoy); err != nil {
		t.Fatal(err)
	}

	s.InjectFault(sandbox.Fault{Platform: "xtrakit", Method: "POST", Path: "/customers/add", Times: 1, DropAfterCommit: true})
	in := fullInput()
	in.CustomerGroupID = nil
	in.CustomerZip = strp("") // "" sent, stored and returned as "" or null: still the same customer
	got, err := c.CreateCustomer(ctx, in)
	if err != nil {
		t.Fatalf("CreateCustomer: %v", err)
	}
	if !sameCustomer(got.CustomerInput, in) || got.CustomerName != "Jane Doe" {
		t.Errorf("adopted = %+v", got)
	}
	var matching int
	for _, st := range sbxtrakit.StoreOf(s).Customers.List() {
		if st.CustomerName == "Jane Doe" {
			matching++
			if st.ID != got.ID {
				t.Errorf("adopted id %d, stored id %d", got.ID, st.ID)
			}
		}
	}
	if matching != 1 || len(sbxtrakit.StoreOf(s).Customers.List()) != 2 {
		t.Errorf("store has %d matching of %d customers, want exactly 1 of 2", matching, len(sbxtrakit.StoreOf(s).Customers.List()))
	}
	if n := countRequests(s, "POST", "/customers/add"); n != 2 {
		t.Errorf("%d creates sent, want 2 (decoy + the dropped one)", n)
	}
}

func TestClientCreateGroupLostAnswerAdopts(t *testing.T) {
	s, c := newSandbox(t)
	ctx := context.Background()
	s.InjectFault(sandbox.Fault{Platform: "xtrakit", Method: "POST", Path: "/customer-groups/add", Times: 1, DropAfterCommit: true})
	got, err := c.CreateGroup(ctx, GroupInput{GroupName: "VIP", GroupDescription: strp("Best")})
	if err != nil {
		t.Fatalf("CreateGroup: %v", err)
	}
	groups := sbxtrakit.StoreOf(s).Groups.List()
	if len(groups) != 1 || groups[0].ID != got.ID || got.GroupName != "VIP" {
		t.Errorf("store = %+v, adopted = %+v; want exactly one, the adopted one", groups, got)
	}
	if n := countRequests(s, "POST", "/customer-groups/add"); n != 1 {
		t.Errorf("%d creates sent, want 1", n)
	}
}

// A create lost before the platform committed anything is found nowhere by
// the find, so it is sent exactly once more.
func TestClientCreateCustomerLostBeforeCommitRetriesOnce(t *testing.T) {
	s, base := newSandboxURL(t)
	ctx := context.Background()
	// A latency longer than the request timeout is a lost answer before
	// any commit: the handler never runs.
	c, err := NewClient(transport.Config{
		BaseURL:        base,
		Auth:           transport.BearerToken(sbxtrakit.APIKey),
		MaxRetries:     1,
		RequestTimeout: 100 * time.Millisecond,
		RetryWaitMin:   time.Millisecond,
		RetryWaitMax:   5 * time.Millisecond,
	})
	if err != nil {
		t.Fatal(err)
	}
	s.InjectFault(sandbox.Fault{Platform: "xtrakit", Method: "POST", Path: "/customers/add", Times: 1, Latency: time.Second})
	in := fullInput()
	in.CustomerGroupID = nil
	got, err := c.CreateCustomer(ctx, in)
	if err != nil {
		t.Fatalf("CreateCustomer: %v", err)
	}
	if len(sbxtrakit.StoreOf(s).Customers.List()) != 1 || sbxtrakit.StoreOf(s).Customers.List()[0].ID != got.ID {
		t.Errorf("store = %+v, want exactly the created one", sbxtrakit.StoreOf(s).Customers.List())
	}
	if n := countRequests(s, "POST", "/customers/add"); n != 2 {
		t.Errorf("%d creates sent, want 2", n)
	}
	if n := countRequests(s, "GET", "/customers"); n != 1 {
		t.Errorf("%d lists sent, want 1 (the find)", n)
	}
}

func TestClientWrongAPIKey(t *testing.T) {
	s := emulators.New()
	srv := httptest.NewServer(s.Handler())
	defer srv.Close()
	c := newClient(t, srv.URL+"/xtrakit/api/v1", "xtk_wrong_key")
	ctx := context.Background()

	_, err := c.ListCustomers(ctx, nil)
	apiErr, ok := transport.AsAPIError(err)
	if !ok {
		t.Fatalf("want APIError, got %v", err)
	}
	if apiErr.Status != http.StatusUnauthorized || apiErr.Message != "Unauthorized: Invalid API Key" || apiErr.Platform != "xtrakit" {
		t.Errorf("%+v", apiErr)
	}
	if strings.Contains(err.Error(), "xtk_wrong_key") {
		t.Errorf("error leaks the key: %v", err)
	}

	// A 401 on create is an answer: no reconciliation, nothing created.
	_, err = c.CreateCustomer(ctx, fullInput())
	if apiErr, ok := transport.AsAPIError(err); !ok || apiErr.Status != 401 {
		t.Errorf("create with wrong key: %v", err)
	}
	if n := len(s.RequestsFor(sbxtrakit.Name)); n != 2 {
		t.Errorf("%d requests, want 2 (no retries, no find)", n)
	}
}
