// Package crud is the Create/Read/Update/Delete flow every record resource
// shares: read the plan or state, bound the call by the timeouts block, call
// the platform, map the answer back, and report errors and out-of-band
// deletion the same way everywhere. Platforms supply the calls and mapping.
package crud

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
)

// Record is implemented by a resource's model (a pointer to its struct).
// W is the platform's wire type for the record.
type Record[W any] interface {
	RecordID() string
	RecordTimeouts() timeouts.Value
	FromAPI(*W)
}

// Ops are one record type's API calls. ids are Terraform ids (strings);
// the platform parses them. Create may return a record together with an
// error when the record exists but a later step failed. Delete may be nil
// when the platform has none.
type Ops[M any, W any] struct {
	What   string // "Xtrakit customer": used in diagnostics
	Create func(ctx context.Context, m *M) (*W, error)
	Read   func(ctx context.Context, id string) (*W, error)
	Update func(ctx context.Context, id string, m *M) (*W, error)
	Delete func(ctx context.Context, id string) error
}

// Create runs the create call and stores what the platform answered.
func Create[M any, PM interface {
	*M
	Record[W]
}, W any](ctx context.Context, ops Ops[M, W], req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan M
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	ctx, cancel, ok := WithTimeout(ctx, PM(&plan).RecordTimeouts().Create, &resp.Diagnostics)
	if !ok {
		return
	}
	defer cancel()
	created, err := ops.Create(ctx, &plan)
	// A create that made the record and then failed (a follow-up call)
	// returns both: the record goes into state, so Terraform marks it
	// tainted and replaces it instead of leaving an orphan behind.
	if created != nil {
		PM(&plan).FromAPI(created)
		resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
	}
	if err != nil {
		AddAPIError(&resp.Diagnostics, "create", ops.What, err)
	}
}

// Read refreshes every attribute; a record deleted out of band is removed
// from state with a warning, so the next plan creates it again.
func Read[M any, PM interface {
	*M
	Record[W]
}, W any](ctx context.Context, ops Ops[M, W], req resource.ReadRequest, resp *resource.ReadResponse) {
	var state M
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	id := PM(&state).RecordID()
	current, err := ops.Read(ctx, id)
	if GoneFromPlatform(&resp.Diagnostics, err, ops.What, id) {
		resp.State.RemoveResource(ctx)
		return
	}
	if err != nil {
		AddAPIError(&resp.Diagnostics, "read", ops.What, err)
		return
	}
	PM(&state).FromAPI(current)
	resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
}

// Update sends the planned record with the platform's documented PUT.
func Update[M any, PM interface {
	*M
	Record[W]
}, W any](ctx context.Context, ops Ops[M, W], req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan M
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	ctx, cancel, ok := WithTimeout(ctx, PM(&plan).RecordTimeouts().Update, &resp.Diagnostics)
	if !ok {
		return
	}
	defer cancel()
	updated, err := ops.Update(ctx, PM(&plan).RecordID(), &plan)
	if err != nil {
		AddAPIError(&resp.Diagnostics, "update", ops.What, err)
		return
	}
	PM(&plan).FromAPI(updated)
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
}

// Delete removes the record; one already gone counts as deleted.
func Delete[M any, PM interface {
	*M
	Record[W]
}, W any](ctx context.Context, ops Ops[M, W], req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state M
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	ctx, cancel, ok := WithTimeout(ctx, PM(&state).RecordTimeouts().Delete, &resp.Diagnostics)
	if !ok {
		return
	}
	defer cancel()
	if err := ops.Delete(ctx, PM(&state).RecordID()); err != nil && !IsNotFound(err) {
		AddAPIError(&resp.Diagnostics, "delete", ops.What, err)
	}
}

// ImportByID imports with the platform's id after checking its form, so a
// typo fails with a clear message instead of a confusing API error.
func ImportByID(ctx context.Context, parse func(string) error, example string, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	if err := parse(req.ID); err != nil {
		resp.Diagnostics.AddError("Invalid import id", err.Error()+". Import with the record's id, e.g. `terraform import ADDRESS "+example+"`.")
		return
	}
	resource.ImportStatePassthroughID(ctx, path.Root("id"), req, resp)
}
