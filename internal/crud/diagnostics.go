package crud

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"

	"github.com/customerops/terraform-provider-crm/internal/transport"
)

// AddAPIError reports a failed API call. An APIError shows the platform's
// own status and message; anything else (network, timeout) says so.
func AddAPIError(diags *diag.Diagnostics, action, what string, err error) {
	AddAPIErrorAt(diags, action, what, err, nil)
}

// AddAPIErrorAt is AddAPIError for a call that sent the configuration:
// when the platform blames a field that attributeOf knows, the error is
// reported on that attribute, so Terraform shows the configuration line.
func AddAPIErrorAt(diags *diag.Diagnostics, action, what string, err error, attributeOf func(field string) (path.Path, bool)) {
	summary := fmt.Sprintf("Could not %s %s", action, what)
	apiErr, ok := transport.AsAPIError(err)
	if !ok {
		diags.AddError(summary, err.Error()+hintOf(err))
		return
	}
	detail := fmt.Sprintf("%s answered HTTP %d: %s", apiErr.Platform, apiErr.Status, apiErr.Message)
	var at path.Path
	blamed := false
	if apiErr.Field != "" {
		detail += fmt.Sprintf("\nField: %s", apiErr.Field)
		if attributeOf != nil {
			at, blamed = attributeOf(apiErr.Field)
		}
	}
	for _, d := range apiErr.Details {
		detail += "\n  - " + d
	}
	detail += fmt.Sprintf("\n\nRequest: %s %s", apiErr.Method, apiErr.Path)
	if apiErr.Attempts > 1 {
		detail += fmt.Sprintf(" (%d attempts: retries did not help)", apiErr.Attempts)
	}
	if blamed {
		diags.AddAttributeError(at, summary, detail+hintOf(err))
		return
	}
	diags.AddError(summary, detail+hintOf(err))
}

// WithHint attaches advice for the user to err (what to do about a
// platform's refusal); AddAPIError shows it after the platform's message.
func WithHint(err error, hint string) error { return &hinted{err: err, hint: hint} }

type hinted struct {
	err  error
	hint string
}

func (h *hinted) Error() string { return h.err.Error() }
func (h *hinted) Unwrap() error { return h.err }

func hintOf(err error) string {
	var h *hinted
	if errors.As(err, &h) {
		return "\n\n" + h.hint
	}
	return ""
}

// IsNotFound reports whether err means the record does not exist.
func IsNotFound(err error) bool { return transport.IsNotFound(err) }

// GoneFromPlatform handles a Read that finds the record deleted out of band:
// it warns and returns true, and the caller removes the resource from state
// so the next plan re-creates it.
func GoneFromPlatform(diags *diag.Diagnostics, err error, what, id string) bool {
	if !transport.IsNotFound(err) {
		return false
	}
	diags.AddWarning(what+" no longer exists",
		fmt.Sprintf("%s %s was not found; it was deleted outside Terraform. It has been removed from the state, "+
			"and the next apply will create it again.", what, id))
	return true
}

// WithTimeout applies one operation of a resource's timeouts block, with
// DefaultTimeout when the user set none.
func WithTimeout(ctx context.Context, get func(context.Context, time.Duration) (time.Duration, diag.Diagnostics), diags *diag.Diagnostics) (context.Context, context.CancelFunc, bool) {
	d, moreDiags := get(ctx, DefaultTimeout)
	diags.Append(moreDiags...)
	if diags.HasError() {
		return ctx, func() {}, false
	}
	ctx, cancel := context.WithTimeout(ctx, d)
	return ctx, cancel, true
}

// DefaultTimeout bounds create, update and delete when no timeouts block says otherwise.
const DefaultTimeout = 5 * time.Minute

// ImportHint tells the user how to bring a record the platform already
// has under Terraform. record names it ("An Axim customer with e-mail
// \"a@b.c\""); id is its id when a lookup found it, else "".
func ImportHint(record, id string) string {
	if id == "" {
		id = "<id>"
	}
	return fmt.Sprintf("%s already exists (%s). To manage it with Terraform, import it:\n"+
		"  terraform import <resource address> %s\nor with an import block:\n"+
		"  import {\n    to = <resource address>\n    id = %q\n  }", record, id, id, id)
}
