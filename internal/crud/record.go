package crud

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	rschema "github.com/hashicorp/terraform-plugin-framework/resource/schema"
)

// Record is implemented by a resource's model (a pointer to its struct).
// W is the platform's wire type for the record. RecordTimeouts comes with
// an embedded Timeouts.
type Record[W any] interface {
	RecordID() string
	RecordTimeouts() timeouts.Value
	// FromAPI refreshes every attribute from the platform's answer; the
	// model still holds the prior values (plan or state) to compare with.
	FromAPI(*W)
}

// Change is what Terraform knows about a record when create, update or a
// plan rule runs (delete needs only the id). State is nil on create.
// Config holds what the user wrote, including write-only values, which
// exist nowhere else.
type Change[M any] struct {
	Plan, State, Config *M
}

// Ops are one record type's API calls, bound to a platform client. ids are
// Terraform ids (strings); the platform parses them.
type Ops[M any, W any] struct {
	What string // "Xtrakit customer": used in diagnostics

	// Create may return the record together with an error when the record
	// exists but a later step failed: it is kept in state (tainted).
	Create func(ctx context.Context, c Change[M]) (*W, error)
	Read   func(ctx context.Context, id string) (*W, error)
	// Update sees plan, prior state and config, so a partial PUT can send
	// only what changed and a write-only value only when it changed.
	Update func(ctx context.Context, c Change[M]) (*W, error)
	// NeedsUpdate, when set, says whether the platform must be called at
	// all: a change to Terraform-only attributes (timeouts, a create-time
	// option) just records the plan in state.
	NeedsUpdate func(c Change[M]) bool
	// Delete is nil when the platform cannot delete; destroy then only
	// forgets the record, with Spec.Forget's warning.
	Delete func(ctx context.Context, id string) error
}

// Spec describes one record resource; Resource does the rest.
type Spec[M any, W any] struct {
	// TypeName follows the provider's: "_xtrakit_customer".
	TypeName string
	// Schema is the record's schema; Resource adds the timeouts block.
	Schema func(context.Context) rschema.Schema
	// Identity lists the attributes of the resource identity (Terraform and
	// OpenTofu 1.12+); nil means the record's id alone.
	Identity []IdentityAttribute
	// Bind returns the operations bound to the platform's client, or nil
	// (with an error in diags) when the platform is not configured.
	Bind func(providerData any, diags *diag.Diagnostics) *Ops[M, W]
	// CheckID validates an id given to import; IDExample shows a valid one.
	CheckID   func(string) error
	IDExample string
	// ModifyPlan adds the platform's plan-time rules that need prior state
	// (refusals, warnings). It runs only when plan, state and config are
	// all read without error; c.State is nil on create.
	ModifyPlan func(ctx context.Context, c Change[M], diags *diag.Diagnostics)
	// Forget is the warning shown when a record is destroyed on a platform
	// without Delete.
	Forget func(id string) diag.Diagnostic
	// FieldPath, when set, is the attribute a field the platform blames in a
	// refused create or update stands for (APIError.Field), so the error
	// points at the configuration line; false leaves the error unattached.
	FieldPath func(field string) (path.Path, bool)
}

// Timeouts is the timeouts block every resource has (create, update and,
// where the platform can delete, delete): embed it in the resource model.
type Timeouts struct {
	Timeouts timeouts.Value `tfsdk:"timeouts"`
}

// RecordTimeouts is the configured timeouts block.
func (t *Timeouts) RecordTimeouts() timeouts.Value { return t.Timeouts }
