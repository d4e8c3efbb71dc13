package crud

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"

	"github.com/customerops/terraform-provider-crm/internal/transport"
)

// ---- diagnostics ----

func TestAddAPIErrorWithAPIError(t *testing.T) {
	apiErr := &transport.APIError{
		Platform: "xtrakit", Method: "POST", Path: "/customers/add", Status: 422,
		Message: "Validation failed", Field: "customer_email",
		Details: []string{"customer_email: The customer email must be a valid email address."},
	}
	var diags diag.Diagnostics
	AddAPIError(&diags, "create", "Xtrakit customer", fmt.Errorf("creating: %w", apiErr))
	if len(diags) != 1 || !diags.HasError() {
		t.Fatalf("want one error, got %v", diags)
	}
	d := diags[0]
	if d.Summary() != "Could not create Xtrakit customer" {
		t.Errorf("summary = %q", d.Summary())
	}
	for _, want := range []string{
		"xtrakit answered HTTP 422: Validation failed",
		"Field: customer_email",
		"  - customer_email: The customer email must be a valid email address.",
		"POST /customers/add",
	} {
		if !strings.Contains(d.Detail(), want) {
			t.Errorf("detail lacks %q:\n%s", want, d.Detail())
		}
	}
}

// TestAddAPIErrorAtBlamedAttribute: a refusal whose field maps to an
// attribute is reported on that attribute (Terraform then shows the
// configuration line), with the same detail; an unknown field, or no
// mapping, leaves the error unattached.
func TestAddAPIErrorAtBlamedAttribute(t *testing.T) {
	apiErr := &transport.APIError{Platform: "stripe", Method: "POST", Path: "/v1/customers", Status: 400,
		Message: "Invalid string", Field: "shipping[name]"}
	attributeOf := func(field string) (path.Path, bool) {
		if field == "shipping[name]" {
			return path.Root("shipping").AtName("name"), true
		}
		return path.Empty(), false
	}

	var diags diag.Diagnostics
	AddAPIErrorAt(&diags, "create", "Stripe customer", fmt.Errorf("creating: %w", apiErr), attributeOf)
	if len(diags) != 1 {
		t.Fatalf("want one diagnostic, got %v", diags)
	}
	withPath, ok := diags[0].(diag.DiagnosticWithPath)
	if !ok {
		t.Fatalf("the error is not attached to an attribute: %#v", diags[0])
	}
	if want := path.Root("shipping").AtName("name"); !withPath.Path().Equal(want) {
		t.Errorf("path = %s, want %s", withPath.Path(), want)
	}
	for _, want := range []string{"stripe answered HTTP 400: Invalid string", "Field: shipping[name]", "POST /v1/customers"} {
		if !strings.Contains(diags[0].Detail(), want) {
			t.Errorf("detail lacks %q:\n%s", want, diags[0].Detail())
		}
	}

	for name, mapper := range map[string]func(string) (path.Path, bool){"unknown field": attributeOf, "no mapping": nil} {
		other := *apiErr
		if name == "unknown field" {
			other.Field = "expand[0]"
		}
		var diags diag.Diagnostics
		AddAPIErrorAt(&diags, "update", "Stripe customer", &other, mapper)
		if len(diags) != 1 || !diags.HasError() {
			t.Fatalf("%s: want one error, got %v", name, diags)
		}
		if _, ok := diags[0].(diag.DiagnosticWithPath); ok {
			t.Errorf("%s: the error is attached to an attribute: %#v", name, diags[0])
		}
	}
}

func TestAddAPIErrorWithoutFieldOrDetails(t *testing.T) {
	apiErr := &transport.APIError{Platform: "xtrakit", Method: "DELETE", Path: "/customer-groups/3", Status: 409, Message: "Customer group has customers"}
	var diags diag.Diagnostics
	AddAPIError(&diags, "delete", "Xtrakit customer group", apiErr)
	d := diags[0]
	if !strings.Contains(d.Detail(), "HTTP 409: Customer group has customers") {
		t.Errorf("detail = %q", d.Detail())
	}
	if strings.Contains(d.Detail(), "Field:") || strings.Contains(d.Detail(), "  - ") {
		t.Errorf("no field or details expected: %q", d.Detail())
	}
	if strings.Contains(d.Detail(), "attempts") {
		t.Errorf("one attempt is no retry: %q", d.Detail())
	}
}

// Faults that outlast the retries: the diagnostic names the platform, the
// operation, the last status and how often the request was sent.
func TestAddAPIErrorRetriesSpent(t *testing.T) {
	apiErr := &transport.APIError{Platform: "axim", Method: "POST", Path: "/customers", Status: 503, Message: "Service Unavailable", Attempts: 5}
	var diags diag.Diagnostics
	AddAPIError(&diags, "create", "AximCommerce customer", apiErr)
	want := "axim answered HTTP 503: Service Unavailable\n\nRequest: POST /customers (5 attempts: retries did not help)"
	if got := diags[0].Detail(); got != want {
		t.Errorf("detail = %q, want %q", got, want)
	}
}

func TestAddAPIErrorPlainError(t *testing.T) {
	err := errors.New("xtrakit API: POST /customers/add: context deadline exceeded")
	var diags diag.Diagnostics
	AddAPIError(&diags, "read", "Xtrakit customer", err)
	if len(diags) != 1 || !diags.HasError() {
		t.Fatalf("want one error, got %v", diags)
	}
	if diags[0].Summary() != "Could not read Xtrakit customer" {
		t.Errorf("summary = %q", diags[0].Summary())
	}
	if diags[0].Detail() != err.Error() {
		t.Errorf("detail = %q, want %q", diags[0].Detail(), err.Error())
	}
}

func TestGoneFromPlatform(t *testing.T) {
	notFound := &transport.APIError{Platform: "xtrakit", Status: 404, Message: "Customer not found", NotFound: true}
	cases := []struct {
		name string
		err  error
		gone bool
	}{
		{"not found", notFound, true},
		{"wrapped not found", fmt.Errorf("reading: %w", notFound), true},
		{"razorpay-style 400 not found", &transport.APIError{Status: 400, NotFound: true}, true},
		{"404 not marked NotFound", &transport.APIError{Status: 404}, false},
		{"server error", &transport.APIError{Status: 500, Message: "boom"}, false},
		{"plain error", errors.New("connection reset"), false},
		{"nil", nil, false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var diags diag.Diagnostics
			got := GoneFromPlatform(&diags, tc.err, "Xtrakit customer", "42")
			if got != tc.gone {
				t.Errorf("GoneFromPlatform = %v, want %v", got, tc.gone)
			}
			if IsNotFound(tc.err) != tc.gone {
				t.Errorf("IsNotFound = %v, want %v", !tc.gone, tc.gone)
			}
			if !tc.gone {
				if len(diags) != 0 {
					t.Errorf("no diagnostics expected, got %v", diags)
				}
				return
			}
			if len(diags) != 1 || diags.HasError() || diags.WarningsCount() != 1 {
				t.Fatalf("want exactly one warning, got %v", diags)
			}
			w := diags[0]
			if !strings.Contains(w.Summary(), "Xtrakit customer") || !strings.Contains(w.Detail(), "Xtrakit customer 42") {
				t.Errorf("warning should name the record: %q / %q", w.Summary(), w.Detail())
			}
		})
	}
}

func TestWithTimeout(t *testing.T) {
	ctx := context.Background()

	var gotDefault time.Duration
	var diags diag.Diagnostics
	tctx, cancel, ok := WithTimeout(ctx, func(_ context.Context, def time.Duration) (time.Duration, diag.Diagnostics) {
		gotDefault = def
		return time.Minute, nil
	}, &diags)
	defer cancel()
	if !ok || diags.HasError() {
		t.Fatalf("ok=%v diags=%v", ok, diags)
	}
	if gotDefault != DefaultTimeout {
		t.Errorf("default passed = %v, want %v", gotDefault, DefaultTimeout)
	}
	dl, has := tctx.Deadline()
	if !has {
		t.Fatal("no deadline")
	}
	if left := time.Until(dl); left <= 50*time.Second || left > time.Minute {
		t.Errorf("deadline in %v, want about 1m", left)
	}

	diags = nil
	tctx, cancel, ok = WithTimeout(ctx, func(context.Context, time.Duration) (time.Duration, diag.Diagnostics) {
		var d diag.Diagnostics
		d.AddError("bad timeout", "nope")
		return 0, d
	}, &diags)
	cancel()
	if ok || !diags.HasError() {
		t.Errorf("ok=%v diags=%v, want failure with the getter's error", ok, diags)
	}
	if tctx != ctx {
		t.Error("on failure the original context is returned")
	}
}
