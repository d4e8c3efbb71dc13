// Package crud is the Create/Read/Update/Delete flow every record resource
// shares, written once: read plan, prior state and config (stopping on their
// errors), bound the call by the timeouts block, call the platform, map the
// answer back, keep the identity in step, keep a half-created record in
// state, and report errors and out-of-band deletion the same way everywhere.
// A platform supplies its schema, its model <-> wire mapping and its calls
// (Spec and Ops); it never overrides this flow.
package crud

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"
)

// getter is tfsdk.Plan, tfsdk.State and tfsdk.Config alike.
type getter interface {
	Get(ctx context.Context, target any) diag.Diagnostics
}

// read decodes plan, state or config into a new model; nil when it failed
// (the errors are in diags) or when the value is null.
func read[M any](ctx context.Context, from getter, isNull bool, diags *diag.Diagnostics) *M {
	if isNull {
		return nil
	}
	var m M
	d := from.Get(ctx, &m)
	diags.Append(d...)
	if d.HasError() {
		return nil
	}
	return &m
}

// noRecordError is a platform call that answered success with no record:
// a bug in the client, reported instead of dereferencing nil.
func noRecordError(op, what string) error {
	return fmt.Errorf("the %s call for %s returned no record and no error. This is a bug in the provider", op, what)
}

func (r *Resource[M, PM, W]) create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	plan := read[M](ctx, req.Plan, req.Plan.Raw.IsNull(), &resp.Diagnostics)
	config := read[M](ctx, req.Config, req.Config.Raw.IsNull(), &resp.Diagnostics)
	if resp.Diagnostics.HasError() || plan == nil {
		return
	}
	ctx, cancel, ok := WithTimeout(ctx, PM(plan).RecordTimeouts().Create, &resp.Diagnostics)
	if !ok {
		return
	}
	defer cancel()
	created, err := r.ops.Create(ctx, Change[M]{Plan: plan, Config: config})
	if created == nil && err == nil {
		err = noRecordError("create", r.ops.What)
	}
	// A create that made the record and then failed (a follow-up call)
	// returns both: the record goes into state, so Terraform marks it
	// tainted and replaces it instead of leaving an orphan behind.
	if created != nil {
		PM(plan).FromAPI(created)
		r.setState(ctx, plan, &resp.State, resp.Identity, &resp.Diagnostics)
	}
	if err != nil {
		AddAPIErrorAt(&resp.Diagnostics, "create", r.ops.What, err, r.spec.FieldPath)
	}
}

// read refreshes every attribute; a record deleted out of band is removed
// from state with a warning, so the next plan creates it again.
func (r *Resource[M, PM, W]) read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	state := read[M](ctx, req.State, req.State.Raw.IsNull(), &resp.Diagnostics)
	if resp.Diagnostics.HasError() || state == nil {
		return
	}
	// The identity is set from the prior state first: Terraform requires it
	// even when the record turns out to be gone (and state written before
	// identity existed has none yet).
	setIdentity(ctx, r.spec.Identity, req.State, resp.Identity, &resp.Diagnostics)
	id := PM(state).RecordID()
	current, err := r.ops.Read(ctx, id)
	if GoneFromPlatform(&resp.Diagnostics, err, r.ops.What, id) {
		resp.State.RemoveResource(ctx)
		return
	}
	if current == nil && err == nil {
		err = noRecordError("read", r.ops.What)
	}
	if err != nil {
		AddAPIError(&resp.Diagnostics, "read", r.ops.What, err)
		return
	}
	PM(state).FromAPI(current)
	r.setState(ctx, state, &resp.State, resp.Identity, &resp.Diagnostics)
}

// update sends the platform's documented edit, unless NeedsUpdate says
// nothing the platform keeps has changed.
func (r *Resource[M, PM, W]) update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	plan := read[M](ctx, req.Plan, req.Plan.Raw.IsNull(), &resp.Diagnostics)
	state := read[M](ctx, req.State, req.State.Raw.IsNull(), &resp.Diagnostics)
	config := read[M](ctx, req.Config, req.Config.Raw.IsNull(), &resp.Diagnostics)
	if resp.Diagnostics.HasError() || plan == nil || state == nil {
		return
	}
	change := Change[M]{Plan: plan, State: state, Config: config}
	if r.ops.NeedsUpdate != nil && !r.ops.NeedsUpdate(change) {
		r.setState(ctx, plan, &resp.State, resp.Identity, &resp.Diagnostics)
		return
	}
	ctx, cancel, ok := WithTimeout(ctx, PM(plan).RecordTimeouts().Update, &resp.Diagnostics)
	if !ok {
		return
	}
	defer cancel()
	updated, err := r.ops.Update(ctx, change)
	if updated == nil && err == nil {
		err = noRecordError("update", r.ops.What)
	}
	if err != nil {
		AddAPIErrorAt(&resp.Diagnostics, "update", r.ops.What, err, r.spec.FieldPath)
		return
	}
	PM(plan).FromAPI(updated)
	r.setState(ctx, plan, &resp.State, resp.Identity, &resp.Diagnostics)
}

// delete removes the record; one already gone counts as deleted. On a
// platform without delete it only warns what stays behind.
func (r *Resource[M, PM, W]) delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	state := read[M](ctx, req.State, req.State.Raw.IsNull(), &resp.Diagnostics)
	if resp.Diagnostics.HasError() || state == nil {
		return
	}
	id := PM(state).RecordID()
	if r.ops.Delete == nil {
		if r.spec.Forget != nil {
			resp.Diagnostics.Append(r.spec.Forget(id))
		}
		return
	}
	ctx, cancel, ok := WithTimeout(ctx, PM(state).RecordTimeouts().Delete, &resp.Diagnostics)
	if !ok {
		return
	}
	defer cancel()
	if err := r.ops.Delete(ctx, id); err != nil && !IsNotFound(err) {
		AddAPIError(&resp.Diagnostics, "delete", r.ops.What, err)
	}
}

// modifyPlan hands plan, state and config to the platform's plan rules.
func (r *Resource[M, PM, W]) modifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if r.spec.ModifyPlan == nil || req.Plan.Raw.IsNull() {
		return // destroy: nothing to check
	}
	plan := read[M](ctx, req.Plan, false, &resp.Diagnostics)
	state := read[M](ctx, req.State, req.State.Raw.IsNull(), &resp.Diagnostics)
	config := read[M](ctx, req.Config, req.Config.Raw.IsNull(), &resp.Diagnostics)
	if resp.Diagnostics.HasError() || plan == nil {
		return
	}
	r.spec.ModifyPlan(ctx, Change[M]{Plan: plan, State: state, Config: config}, &resp.Diagnostics)
}
