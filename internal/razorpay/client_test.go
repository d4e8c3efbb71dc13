package razorpay

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/customerops/terraform-provider-crm/internal/fields"
	"github.com/customerops/terraform-provider-crm/internal/sandbox"
	"github.com/customerops/terraform-provider-crm/internal/sandbox/emulators"
	sbrazorpay "github.com/customerops/terraform-provider-crm/internal/sandbox/razorpay"
	"github.com/customerops/terraform-provider-crm/internal/transport"
)

func rzpError(desc, field string) []byte {
	b, _ := json.Marshal(map[string]any{"error": map[string]any{
		"code": "BAD_REQUEST_ERROR", "description": desc, "field": field,
		"source": "business", "step": "payment_initiation", "reason": "input_validation_failed", "metadata": map[string]any{},
	}})
	return b
}

func TestDecodeErrorNotFoundOnlyForThatMessage(t *testing.T) {
	cases := []struct {
		status   int
		body     []byte
		notFound bool
		message  string
		field    string
	}{
		{400, rzpError("The id provided does not exist", ""), true, "The id provided does not exist", ""},
		{400, rzpError("The id provided does not exist.", ""), true, "The id provided does not exist.", ""},
		{400, rzpError("id is not a valid id", ""), false, "id is not a valid id", ""},
		{400, rzpError("Customer already exists for the merchant", ""), false, "Customer already exists for the merchant", ""},
		{400, rzpError("Contact number should be at least 8 digits, including country code", "contact"), false,
			"Contact number should be at least 8 digits, including country code", "contact"},
		// The words alone do not make it gone: only Razorpay's 400 does.
		{404, rzpError("The id provided does not exist", ""), false, "The id provided does not exist", ""},
		{401, rzpError("The api key provided is invalid", ""), false, "The api key provided is invalid", ""},
		{404, []byte("<html>Not Found</html>"), false, "", ""},
		{500, []byte(`{"error":{"code":"SERVER_ERROR","description":"The server encountered an error."}}`), false, "The server encountered an error.", ""},
	}
	for _, tc := range cases {
		e := decodeError(tc.status, tc.body)
		if e.NotFound != tc.notFound || e.Message != tc.message || e.Field != tc.field {
			t.Errorf("decodeError(%d, %s) = %+v; want NotFound %v, Message %q, Field %q", tc.status, tc.body, e, tc.notFound, tc.message, tc.field)
		}
	}
	if e := decodeError(500, []byte(`{"error":{"code":"SERVER_ERROR","description":"x"}}`)); len(e.Details) != 1 || e.Details[0] != "code: SERVER_ERROR" {
		t.Errorf("a code other than BAD_REQUEST_ERROR should be shown: %+v", e.Details)
	}
}

func TestIsDuplicate(t *testing.T) {
	dup := decodeError(400, rzpError(msgExists, ""))
	dup.Status = 400
	other := decodeError(400, rzpError("The name format is invalid.", "name"))
	other.Status = 400
	if !IsDuplicate(dup) || IsDuplicate(other) || IsDuplicate(fmt.Errorf("network")) || IsDuplicate(nil) {
		t.Error("IsDuplicate must match only Razorpay's duplicate refusal")
	}
}

func TestNotesDecoding(t *testing.T) {
	cases := map[string]Notes{
		`[]`:                 nil,
		`null`:               nil,
		`{}`:                 {},
		`{"a":"b","c":""}`:   {"a": "b", "c": ""},
		`{"n":1,"b":true}`:   {"n": "1", "b": "true"},
		`{"nested":{"x":1}}`: {"nested": `{"x":1}`},
	}
	for in, want := range cases {
		var n Notes
		if err := json.Unmarshal([]byte(in), &n); err != nil {
			t.Errorf("%s: %v", in, err)
			continue
		}
		if !sameNotes(n, want) {
			t.Errorf("%s decoded to %v, want %v", in, n, want)
		}
	}
	for _, bad := range []string{`["a"]`, `"text"`, `42`, `[{}]`} {
		var n Notes
		if err := json.Unmarshal([]byte(bad), &n); err == nil {
			t.Errorf("%s: want an error, got %v", bad, n)
		}
	}
}

func TestCustomerDecoding(t *testing.T) {
	raw := `{"id":"cust_1Aa00000000004","entity":"customer","name":"Gaurav Kumar","email":"gaurav.kumar@example.com",
		"contact":"+919876543210","gstin":null,"notes":[],"created_at":1234567890}`
	var c Customer
	if err := json.Unmarshal([]byte(raw), &c); err != nil {
		t.Fatal(err)
	}
	if c.ID != "cust_1Aa00000000004" || c.GSTIN != nil || len(c.Notes) != 0 || c.CreatedAt != 1234567890 {
		t.Errorf("decoded %+v", c)
	}
	if _, err := checked(&Customer{}); err == nil {
		t.Error("an answer without id must be refused")
	}
}

func TestCreateInputJSON(t *testing.T) {
	m := customerModel{
		Name: fields.TextValue("Gaurav Kumar"), Contact: fields.TextValue("+919876543210"),
		Email: fields.EmailValue("gaurav.kumar@example.com"), GSTIN: fields.CodeNull(), Notes: notesFromAPI(nil),
	}
	for adopt, want := range map[bool]string{
		false: `{"name":"Gaurav Kumar","contact":"+919876543210","email":"gaurav.kumar@example.com","fail_existing":"1"}`,
		true:  `{"name":"Gaurav Kumar","contact":"+919876543210","email":"gaurav.kumar@example.com","fail_existing":"0"}`,
	} {
		if got, _ := json.Marshal(m.toCreateInput(adopt)); string(got) != want {
			t.Errorf("adopt=%v: %s, want %s", adopt, got, want)
		}
	}
	m.GSTIN = fields.CodeValue("29ABCDE1234F1Z5")
	m.Notes = notesFromAPI(Notes{"tier": "gold"})
	want := `{"name":"Gaurav Kumar","contact":"+919876543210","email":"gaurav.kumar@example.com","fail_existing":"1","gstin":"29ABCDE1234F1Z5","notes":{"tier":"gold"}}`
	if got, _ := json.Marshal(m.toCreateInput(false)); string(got) != want {
		t.Errorf("full: %s, want %s", got, want)
	}
	if got, _ := json.Marshal(m.toEditInput()); string(got) != `{"name":"Gaurav Kumar","contact":"+919876543210","email":"gaurav.kumar@example.com"}` {
		t.Errorf("the edit body must carry exactly name, contact and email: %s", got)
	}
}

func TestFromAPI(t *testing.T) {
	gstin := "29ABCDE1234F1Z5"
	c := &Customer{ID: "cust_1Aa00000000004", Entity: "customer", Name: "Gaurav Kumar", Email: "GAURAV@example.com",
		Contact: "+919876543210", GSTIN: &gstin, CreatedAt: 1234567890}

	// Notes from [] are an empty map, never null; gstin is Razorpay's
	// spelling, which the framework then replaces with the configured one
	// (semantic equality of fields.Code).
	m := customerModel{GSTIN: fields.CodeValue("29abcde1234f1z5")}
	m.FromAPI(c)
	if m.Notes.IsNull() || len(m.Notes.Elements()) != 0 {
		t.Errorf("notes: %v, want an empty map", m.Notes)
	}
	if eq, _ := fields.CodeValue("29abcde1234f1z5").StringSemanticEquals(context.Background(), m.GSTIN); m.GSTIN.ValueString() != gstin || !eq {
		t.Errorf("gstin %q: want the API's %q, the same GSTIN as the configured one", m.GSTIN.ValueString(), gstin)
	}
	if m.ID.ValueString() != c.ID || m.Entity.ValueString() != "customer" || m.CreatedAt.ValueInt64() != 1234567890 ||
		m.Email.ValueString() != "GAURAV@example.com" || m.Name.ValueString() != "Gaurav Kumar" || m.Contact.ValueString() != "+919876543210" {
		t.Errorf("fromAPI: %+v", m)
	}

	// A real change of gstin is taken from the API.
	m = customerModel{GSTIN: fields.CodeValue("27ABCDE1234F1Z5")}
	m.FromAPI(c)
	if m.GSTIN.ValueString() != gstin {
		t.Errorf("gstin %q, want the API's %q", m.GSTIN.ValueString(), gstin)
	}

	// No gstin: null.
	c.GSTIN = nil
	c.Notes = Notes{"a": "b"}
	m = customerModel{GSTIN: fields.CodeValue(gstin)}
	m.FromAPI(c)
	if !m.GSTIN.IsNull() {
		t.Errorf("gstin %v, want null", m.GSTIN)
	}
	if got := notesToAPI(m.Notes); !sameNotes(got, Notes{"a": "b"}) {
		t.Errorf("notes round trip: %v", got)
	}
}

func TestResourceModelSettlesAdoptExisting(t *testing.T) {
	var m customerResourceModel // as after an import: adopt_existing null
	m.FromAPI(&Customer{ID: "cust_1Aa00000000004"})
	if m.AdoptExisting.IsNull() || m.AdoptExisting.ValueBool() {
		t.Errorf("adopt_existing %v, want false", m.AdoptExisting)
	}
	m.AdoptExisting = types.BoolValue(true)
	m.FromAPI(&Customer{ID: "cust_1Aa00000000004"})
	if !m.AdoptExisting.ValueBool() {
		t.Error("a configured adopt_existing must be kept")
	}
}

func TestCheckID(t *testing.T) {
	for _, ok := range []string{"cust_1Aa00000000004", "cust_ZZZZZZZZZZZZZZ"} {
		if err := IDs.Check(ok); err != nil {
			t.Errorf("%s: %v", ok, err)
		}
	}
	for _, bad := range []string{"", "cust_", "cust_1Aa0000000000", "cust_1Aa000000000044", "CUST_1Aa00000000004", "cust_1Aa0000000000!", "42", "cust_1Aa00000000004/x"} {
		if err := IDs.Check(bad); err == nil {
			t.Errorf("%q accepted", bad)
		}
	}
}

// ---- the client against the sandbox ----

func newTestClient(t *testing.T) (*Client, *sandbox.Server) {
	t.Helper()
	s := emulators.New()
	if err := s.Start("127.0.0.1:0"); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(s.Close)
	c, err := NewClient(transport.Config{
		BaseURL: sbrazorpay.URL(s), Auth: transport.BasicAuth{Username: sbrazorpay.KeyID, Password: sbrazorpay.KeySecret},
		MaxRetries: 2, RetryWaitMin: time.Millisecond, RetryWaitMax: 10 * time.Millisecond,
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		for _, r := range s.RequestsFor(sbrazorpay.Name) {
			if r.Method == "DELETE" {
				t.Errorf("the client sent DELETE %s", r.Path)
			}
		}
	})
	return c, s
}

func TestClientPagingAndFind(t *testing.T) {
	c, s := newTestClient(t)
	const n = 250
	for i := range n {
		sbrazorpay.StoreOf(s).Customers.Seed(sbrazorpay.Customer{Name: fmt.Sprintf("Customer %03d", i), Contact: fmt.Sprintf("+9190000%05d", i), Email: fmt.Sprintf("c%03d@example.com", i)})
	}
	ctx := context.Background()
	all, err := c.ListCustomers(ctx)
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, cu := range all {
		seen[cu.ID] = true
	}
	if len(all) != n || len(seen) != n {
		t.Errorf("listed %d customers (%d distinct), want %d", len(all), len(seen), n)
	}
	var skips []string
	for _, r := range s.RequestsFor(sbrazorpay.Name) {
		skips = append(skips, r.Query.Get("count")+"/"+r.Query.Get("skip"))
	}
	if strings.Join(skips, " ") != "100/0 100/100 100/200" {
		t.Errorf("pages requested %v, want 100/0 100/100 100/200", skips)
	}

	// Found by contact and case-insensitive email, stopping at its page.
	s.ResetRequests()
	found, err := c.FindCustomer(ctx, "C120@EXAMPLE.COM", "+919000000120")
	if err != nil || found == nil || found.Name != "Customer 120" {
		t.Fatalf("FindCustomer = %+v, %v", found, err)
	}
	if got := len(s.Requests()); got != 2 {
		t.Errorf("FindCustomer made %d requests, want 2 (it stops at the page holding the match)", got)
	}
	if found, err := c.FindCustomer(ctx, "c120@example.com", "+919999999999"); err != nil || found != nil {
		t.Errorf("a contact mismatch must not match: %+v, %v", found, err)
	}
}

func TestClientCreateAdoptsAndRefusesDuplicates(t *testing.T) {
	c, s := newTestClient(t)
	ctx := context.Background()
	in := CustomerInput{Name: "Gaurav Kumar", Contact: "+919876543210", Email: "gaurav.kumar@example.com", FailExisting: "1"}
	first, err := c.CreateCustomer(ctx, in)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.CreateCustomer(ctx, in); !IsDuplicate(err) {
		t.Errorf("second create: %v, want Razorpay's duplicate error", err)
	}
	in.FailExisting, in.Name = "0", "Another Name"
	again, err := c.CreateCustomer(ctx, in)
	if err != nil || again.ID != first.ID {
		t.Errorf("fail_existing \"0\" = %+v, %v; want the existing %s", again, err, first.ID)
	}
	if n := len(sbrazorpay.StoreOf(s).Customers.List()); n != 1 {
		t.Errorf("%d customers, want 1", n)
	}
}

func TestClientCreateLostAnswerAdopts(t *testing.T) {
	c, s := newTestClient(t)
	s.InjectFault(sandbox.Fault{Platform: sbrazorpay.Name, Method: "POST", Path: "/customers", Times: 1, DropAfterCommit: true})
	got, err := c.CreateCustomer(context.Background(), CustomerInput{Name: "Gaurav Kumar", Contact: "+919876543210", Email: "gaurav.kumar@example.com", FailExisting: "1"})
	if err != nil {
		t.Fatal(err)
	}
	all := sbrazorpay.StoreOf(s).Customers.List()
	if len(all) != 1 || got.ID != all[0].ID {
		t.Errorf("got %+v; the sandbox holds %d customers", got, len(all))
	}
	if posts := len(s.RequestsFor(sbrazorpay.Name)); posts < 2 {
		t.Errorf("%d requests: want the POST then a lookup", posts)
	}
}

func TestClientNotFoundAndBadID(t *testing.T) {
	c, s := newTestClient(t)
	ctx := context.Background()
	_, err := c.GetCustomer(ctx, "cust_00000000000000")
	if !transport.IsNotFound(err) {
		t.Errorf("unknown id: %v, want not found", err)
	}
	_, err = c.UpdateCustomer(ctx, "cust_00000000000000", EditInput{Name: "Gaurav Kumar", Contact: "+919876543210", Email: "g@example.com"})
	if !transport.IsNotFound(err) {
		t.Errorf("edit of an unknown id: %v, want not found", err)
	}
	s.ResetRequests()
	if _, err := c.GetCustomer(ctx, "../customers"); err == nil || transport.IsNotFound(err) {
		t.Errorf("malformed id: %v, want a plain error", err)
	}
	if n := len(s.Requests()); n != 0 {
		t.Errorf("a malformed id sent %d requests", n)
	}
}

func TestClientValidationErrorIsNotGone(t *testing.T) {
	c, s := newTestClient(t)
	seeded := sbrazorpay.StoreOf(s).Customers.Seed(sbrazorpay.Customer{Name: "Gaurav Kumar", Contact: "+919876543210", Email: "g@example.com"})
	_, err := c.UpdateCustomer(context.Background(), seeded.ID, EditInput{Name: "Gaurav Kumar", Contact: "+9112", Email: "g@example.com"})
	apiErr, ok := transport.AsAPIError(err)
	if !ok || apiErr.Status != 400 || apiErr.NotFound || apiErr.Field != "contact" ||
		!strings.Contains(apiErr.Message, "at least 8 digits") {
		t.Errorf("got %v", err)
	}
}

func TestClientWrongKey(t *testing.T) {
	_, s := newTestClient(t)
	c, err := NewClient(transport.Config{BaseURL: sbrazorpay.URL(s), Auth: transport.BasicAuth{Username: sbrazorpay.KeyID, Password: "wrong"}})
	if err != nil {
		t.Fatal(err)
	}
	_, err = c.ListCustomers(context.Background())
	apiErr, ok := transport.AsAPIError(err)
	if !ok || apiErr.Status != 401 || apiErr.NotFound || apiErr.Message != "The api key provided is invalid" {
		t.Errorf("got %v", err)
	}
}

// A create lost before Razorpay handled it, at a merchant with 300 older
// customers: the lookup reads one page (newest first, it stops at the first
// customer older than the create) and the create is sent again.
func TestClientLostCreateLookupIsBounded(t *testing.T) {
	s := emulators.New()
	if err := s.Start("127.0.0.1:0"); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(s.Close)
	hourAgo := time.Now().Add(-time.Hour).Unix()
	for i := range 300 {
		sbrazorpay.StoreOf(s).Customers.Seed(sbrazorpay.Customer{Name: "Old Customer", Contact: fmt.Sprintf("+9190000%05d", i), Email: fmt.Sprintf("old%d@example.com", i), CreatedAt: hourAgo})
	}
	s.InjectFault(sandbox.Fault{Platform: sbrazorpay.Name, Method: "POST", Path: "/customers", Times: 1, Latency: 2 * time.Second})
	c, err := NewClient(transport.Config{
		BaseURL: sbrazorpay.URL(s), Auth: transport.BasicAuth{Username: sbrazorpay.KeyID, Password: sbrazorpay.KeySecret},
		MaxRetries: 1, RequestTimeout: 300 * time.Millisecond, RetryWaitMin: time.Millisecond, RetryWaitMax: 10 * time.Millisecond,
	})
	if err != nil {
		t.Fatal(err)
	}
	got, err := c.CreateCustomer(context.Background(), CustomerInput{Name: "Gaurav Kumar", Contact: "+919876543210", Email: "gaurav.kumar@example.com", FailExisting: "1"})
	if err != nil || got == nil {
		t.Fatalf("got %v, %v", got, err)
	}
	var gets, posts int
	for _, r := range s.RequestsFor(sbrazorpay.Name) {
		switch r.Method {
		case "GET":
			gets++
		case "POST":
			posts++
		}
	}
	if gets != 1 || posts != 2 {
		t.Errorf("%d list pages and %d creates; want 1 page (the lookup stops at older customers) and 2 creates", gets, posts)
	}
	if n := len(sbrazorpay.StoreOf(s).Customers.List()); n != 301 {
		t.Errorf("%d customers, want 301", n)
	}
}
