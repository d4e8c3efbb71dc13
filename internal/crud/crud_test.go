package crud

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	rschema "github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/customerops/terraform-provider-crm/internal/transport"
)

// thing is a minimal record: an id and a name.
type thing struct{ ID, Name string }

type thingModel struct {
	ID       types.String   `tfsdk:"id"`
	Name     types.String   `tfsdk:"name"`
	Timeouts timeouts.Value `tfsdk:"timeouts"`
}

func (m *thingModel) RecordID() string               { return m.ID.ValueString() }
func (m *thingModel) RecordTimeouts() timeouts.Value { return m.Timeouts }
func (m *thingModel) FromAPI(t *thing) {
	m.ID, m.Name = types.StringValue(t.ID), types.StringValue(t.Name)
}

func thingSchema(ctx context.Context) rschema.Schema {
	return rschema.Schema{
		Attributes: map[string]rschema.Attribute{
			"id":   rschema.StringAttribute{Computed: true},
			"name": rschema.StringAttribute{Required: true},
		},
		Blocks: map[string]rschema.Block{"timeouts": timeouts.Block(ctx, timeouts.Opts{Create: true, Update: true, Delete: true})},
	}
}

// object builds a plan, state or config value with id and name (nil = null).
func object(ctx context.Context, id, name any) tftypes.Value {
	typ := thingSchema(ctx).Type().TerraformType(ctx).(tftypes.Object)
	return tftypes.NewValue(typ, map[string]tftypes.Value{
		"id":       tftypes.NewValue(tftypes.String, id),
		"name":     tftypes.NewValue(tftypes.String, name),
		"timeouts": tftypes.NewValue(typ.AttributeTypes["timeouts"], nil),
	})
}

func null(ctx context.Context) tftypes.Value {
	return tftypes.NewValue(thingSchema(ctx).Type().TerraformType(ctx), nil)
}

// brokenSchema has no timeouts: decoding into thingModel fails with it.
var brokenSchema = rschema.Schema{Attributes: map[string]rschema.Attribute{
	"id":   rschema.StringAttribute{Computed: true},
	"name": rschema.StringAttribute{Required: true},
}}

func brokenValue(ctx context.Context) tftypes.Value {
	return tftypes.NewValue(brokenSchema.Type().TerraformType(ctx), map[string]tftypes.Value{
		"id": tftypes.NewValue(tftypes.String, "7"), "name": tftypes.NewValue(tftypes.String, "x"),
	})
}

func newThingResource(ops *Ops[thingModel, thing], edit ...func(*Spec[thingModel, thing])) *Resource[thingModel, *thingModel, thing] {
	spec := Spec[thingModel, thing]{
		TypeName: "_thing",
		Schema:   thingSchema,
		Bind:     func(any, *diag.Diagnostics) *Ops[thingModel, thing] { return ops },
		CheckID: func(id string) error {
			if id == "" || strings.Trim(id, "0123456789") != "" {
				return errors.New("ids are digits")
			}
			return nil
		},
		IDExample: "1",
	}
	for _, e := range edit {
		e(&spec)
	}
	r := NewResource[thingModel](spec)
	r.Configure(context.Background(), resource.ConfigureRequest{ProviderData: struct{}{}}, &resource.ConfigureResponse{})
	return r
}

// identity is an empty identity value of the default identity schema.
func identity(ctx context.Context, id any) *tfsdk.ResourceIdentity {
	s := identitySchema(nil)
	typ := s.Type().TerraformType(ctx)
	return &tfsdk.ResourceIdentity{Schema: s, Raw: tftypes.NewValue(typ, map[string]tftypes.Value{"id": tftypes.NewValue(tftypes.String, id)})}
}

func identityID(ctx context.Context, t *testing.T, id *tfsdk.ResourceIdentity) string {
	t.Helper()
	var v types.String
	if d := id.GetAttribute(ctx, path.Root("id"), &v); d.HasError() {
		t.Fatal(d)
	}
	return v.ValueString()
}

var errGone = &transport.APIError{Platform: "test", Status: 404, Message: "Thing not found", NotFound: true}

func TestCreateStoresARecordReturnedWithAnError(t *testing.T) {
	ctx := context.Background()
	s := thingSchema(ctx)
	r := newThingResource(&Ops[thingModel, thing]{
		What: "thing",
		Create: func(_ context.Context, c Change[thingModel]) (*thing, error) {
			if c.State != nil || c.Config == nil || c.Config.Name.ValueString() != "made" {
				t.Errorf("create got state %v, config %v", c.State, c.Config)
			}
			return &thing{ID: "7", Name: "made"}, errors.New("follow-up edit failed")
		},
	})
	req := resource.CreateRequest{
		Plan:   tfsdk.Plan{Schema: s, Raw: object(ctx, tftypes.UnknownValue, "made")},
		Config: tfsdk.Config{Schema: s, Raw: object(ctx, nil, "made")},
	}
	resp := resource.CreateResponse{State: tfsdk.State{Schema: s, Raw: null(ctx)}, Identity: identity(ctx, nil)}
	r.Create(ctx, req, &resp)
	if !resp.Diagnostics.HasError() || !strings.Contains(resp.Diagnostics.Errors()[0].Detail(), "follow-up edit failed") {
		t.Fatalf("want the error reported, got %v", resp.Diagnostics)
	}
	var got thingModel
	resp.State.Get(ctx, &got)
	if got.ID.ValueString() != "7" {
		t.Errorf("state id = %s, want 7: the created record must not be lost", got.ID)
	}
	if id := identityID(ctx, t, resp.Identity); id != "7" {
		t.Errorf("identity id = %q, want 7", id)
	}
}

// A client that answers neither a record nor an error is a bug: reported,
// never a nil dereference, on every operation.
func TestNilRecordIsAnErrorNotAPanic(t *testing.T) {
	ctx := context.Background()
	s := thingSchema(ctx)
	nothing := func(context.Context, Change[thingModel]) (*thing, error) { return nil, nil }
	r := newThingResource(&Ops[thingModel, thing]{
		What: "thing", Create: nothing, Update: nothing,
		Read: func(context.Context, string) (*thing, error) { return nil, nil },
	})
	st := tfsdk.State{Schema: s, Raw: object(ctx, "7", "x")}

	cresp := resource.CreateResponse{State: tfsdk.State{Schema: s, Raw: null(ctx)}}
	r.Create(ctx, resource.CreateRequest{Plan: tfsdk.Plan{Schema: s, Raw: object(ctx, tftypes.UnknownValue, "x")}}, &cresp)
	rresp := resource.ReadResponse{State: st}
	r.Read(ctx, resource.ReadRequest{State: st}, &rresp)
	uresp := resource.UpdateResponse{State: st}
	r.Update(ctx, resource.UpdateRequest{Plan: tfsdk.Plan{Schema: s, Raw: object(ctx, "7", "y")}, State: st}, &uresp)

	for name, d := range map[string]diag.Diagnostics{"create": cresp.Diagnostics, "read": rresp.Diagnostics, "update": uresp.Diagnostics} {
		if !d.HasError() || !strings.Contains(d.Errors()[0].Detail(), "returned no record") {
			t.Errorf("%s: want a 'returned no record' error, got %v", name, d)
		}
	}
}

// A plan, state or config that does not decode stops the operation before
// any call to the platform.
func TestDecodeErrorsStopBeforeAnyCall(t *testing.T) {
	ctx := context.Background()
	s := thingSchema(ctx)
	called := 0
	call := func(context.Context, Change[thingModel]) (*thing, error) { called++; return &thing{ID: "7"}, nil }
	r := newThingResource(&Ops[thingModel, thing]{
		What: "thing", Create: call, Update: call,
		Read:   func(context.Context, string) (*thing, error) { called++; return &thing{ID: "7"}, nil },
		Delete: func(context.Context, string) error { called++; return nil },
	})
	bad := brokenValue(ctx)
	good := object(ctx, "7", "x")

	got := map[string]diag.Diagnostics{}
	cresp := resource.CreateResponse{State: tfsdk.State{Schema: s, Raw: null(ctx)}}
	r.Create(ctx, resource.CreateRequest{Plan: tfsdk.Plan{Schema: brokenSchema, Raw: bad}, Config: tfsdk.Config{Schema: s, Raw: good}}, &cresp)
	got["create (plan)"] = cresp.Diagnostics
	cresp = resource.CreateResponse{State: tfsdk.State{Schema: s, Raw: null(ctx)}}
	r.Create(ctx, resource.CreateRequest{Plan: tfsdk.Plan{Schema: s, Raw: good}, Config: tfsdk.Config{Schema: brokenSchema, Raw: bad}}, &cresp)
	got["create (config)"] = cresp.Diagnostics
	rresp := resource.ReadResponse{State: tfsdk.State{Schema: brokenSchema, Raw: bad}}
	r.Read(ctx, resource.ReadRequest{State: tfsdk.State{Schema: brokenSchema, Raw: bad}}, &rresp)
	got["read"] = rresp.Diagnostics
	uresp := resource.UpdateResponse{State: tfsdk.State{Schema: s, Raw: good}}
	r.Update(ctx, resource.UpdateRequest{Plan: tfsdk.Plan{Schema: s, Raw: good}, State: tfsdk.State{Schema: brokenSchema, Raw: bad}}, &uresp)
	got["update (state)"] = uresp.Diagnostics
	dresp := resource.DeleteResponse{State: tfsdk.State{Schema: brokenSchema, Raw: bad}}
	r.Delete(ctx, resource.DeleteRequest{State: tfsdk.State{Schema: brokenSchema, Raw: bad}}, &dresp)
	got["delete"] = dresp.Diagnostics

	if called != 0 {
		t.Errorf("the platform was called %d times after a decode error", called)
	}
	for op, d := range got {
		if !d.HasError() {
			t.Errorf("%s: want the decode error reported, got %v", op, d)
		}
	}
}

func TestReadRemovesARecordGoneOutOfBandAndKeepsItsIdentity(t *testing.T) {
	ctx := context.Background()
	s := thingSchema(ctx)
	r := newThingResource(&Ops[thingModel, thing]{
		What: "thing",
		Read: func(context.Context, string) (*thing, error) { return nil, errGone },
	})
	st := tfsdk.State{Schema: s, Raw: object(ctx, "7", "x")}
	// State written before identity existed has a null identity.
	resp := resource.ReadResponse{State: st, Identity: identity(ctx, nil)}
	r.Read(ctx, resource.ReadRequest{State: st, Identity: identity(ctx, nil)}, &resp)
	if resp.Diagnostics.HasError() || len(resp.Diagnostics.Warnings()) != 1 {
		t.Fatalf("want one warning and no error, got %v", resp.Diagnostics)
	}
	if !resp.State.Raw.IsNull() {
		t.Error("the record was not removed from state")
	}
	if id := identityID(ctx, t, resp.Identity); id != "7" {
		t.Errorf("identity id = %q, want 7 (Terraform requires the identity after Read)", id)
	}
}

func TestReadRefreshesStateAndIdentity(t *testing.T) {
	ctx := context.Background()
	s := thingSchema(ctx)
	r := newThingResource(&Ops[thingModel, thing]{
		What: "thing",
		Read: func(_ context.Context, id string) (*thing, error) {
			return &thing{ID: id, Name: "changed by hand"}, nil
		},
	})
	st := tfsdk.State{Schema: s, Raw: object(ctx, "7", "x")}
	resp := resource.ReadResponse{State: st, Identity: identity(ctx, nil)}
	r.Read(ctx, resource.ReadRequest{State: st}, &resp)
	var got thingModel
	resp.State.Get(ctx, &got)
	if resp.Diagnostics.HasError() || got.Name.ValueString() != "changed by hand" || identityID(ctx, t, resp.Identity) != "7" {
		t.Errorf("got %v, name %s, diags %v", got, got.Name, resp.Diagnostics)
	}
}

func TestUpdateSeesPlanStateAndConfig(t *testing.T) {
	ctx := context.Background()
	s := thingSchema(ctx)
	var got Change[thingModel]
	r := newThingResource(&Ops[thingModel, thing]{
		What: "thing",
		Update: func(_ context.Context, c Change[thingModel]) (*thing, error) {
			got = c
			return &thing{ID: c.State.RecordID(), Name: c.Plan.Name.ValueString()}, nil
		},
	})
	st := tfsdk.State{Schema: s, Raw: object(ctx, "7", "old")}
	req := resource.UpdateRequest{
		Plan:   tfsdk.Plan{Schema: s, Raw: object(ctx, "7", "new")},
		State:  st,
		Config: tfsdk.Config{Schema: s, Raw: object(ctx, nil, "new")},
	}
	resp := resource.UpdateResponse{State: st, Identity: identity(ctx, "7")}
	r.Update(ctx, req, &resp)
	if resp.Diagnostics.HasError() {
		t.Fatal(resp.Diagnostics)
	}
	if got.Plan == nil || got.State == nil || got.Config == nil ||
		got.Plan.Name.ValueString() != "new" || got.State.Name.ValueString() != "old" || !got.Config.ID.IsNull() {
		t.Errorf("update got plan %v, state %v, config %v", got.Plan, got.State, got.Config)
	}
}

func TestUpdateSendsNothingWhenNeedsUpdateSaysNo(t *testing.T) {
	ctx := context.Background()
	s := thingSchema(ctx)
	r := newThingResource(&Ops[thingModel, thing]{
		What: "thing",
		Update: func(context.Context, Change[thingModel]) (*thing, error) {
			t.Error("Update was called")
			return nil, nil
		},
		NeedsUpdate: func(c Change[thingModel]) bool { return c.Plan.Name != c.State.Name },
	})
	st := tfsdk.State{Schema: s, Raw: object(ctx, "7", "same")}
	resp := resource.UpdateResponse{State: st}
	r.Update(ctx, resource.UpdateRequest{Plan: tfsdk.Plan{Schema: s, Raw: object(ctx, "7", "same")}, State: st}, &resp)
	if resp.Diagnostics.HasError() || !resp.State.Raw.Equal(object(ctx, "7", "same")) {
		t.Errorf("want the plan as state and no error, got %v, %v", resp.State.Raw, resp.Diagnostics)
	}
}

func TestDeleteOfARecordAlreadyGoneSucceeds(t *testing.T) {
	ctx := context.Background()
	s := thingSchema(ctx)
	for name, err := range map[string]error{"gone": errGone, "other": errors.New("boom")} {
		r := newThingResource(&Ops[thingModel, thing]{
			What:   "thing",
			Delete: func(context.Context, string) error { return err },
		})
		st := tfsdk.State{Schema: s, Raw: object(ctx, "7", "x")}
		resp := resource.DeleteResponse{State: st}
		r.Delete(ctx, resource.DeleteRequest{State: st}, &resp)
		if got := resp.Diagnostics.HasError(); got != (name == "other") {
			t.Errorf("%s: error = %v, diagnostics %v", name, got, resp.Diagnostics)
		}
	}
}

// A platform without delete: destroy only warns, with the platform's text.
func TestDeleteWithoutPlatformDeleteOnlyWarns(t *testing.T) {
	ctx := context.Background()
	s := thingSchema(ctx)
	r := newThingResource(&Ops[thingModel, thing]{What: "thing"}, func(spec *Spec[thingModel, thing]) {
		spec.Forget = func(id string) diag.Diagnostic { return diag.NewWarningDiagnostic("thing "+id+" stays", "") }
	})
	st := tfsdk.State{Schema: s, Raw: object(ctx, "7", "x")}
	resp := resource.DeleteResponse{State: st}
	r.Delete(ctx, resource.DeleteRequest{State: st}, &resp)
	if resp.Diagnostics.HasError() || len(resp.Diagnostics.Warnings()) != 1 || resp.Diagnostics.Warnings()[0].Summary() != "thing 7 stays" {
		t.Errorf("want only the forget warning, got %v", resp.Diagnostics)
	}
}

func TestModifyPlanHandsPlanStateAndConfigToThePlatform(t *testing.T) {
	ctx := context.Background()
	s := thingSchema(ctx)
	var calls []Change[thingModel]
	r := newThingResource(nil, func(spec *Spec[thingModel, thing]) {
		spec.ModifyPlan = func(_ context.Context, c Change[thingModel], diags *diag.Diagnostics) {
			calls = append(calls, c)
			diags.AddAttributeError(path.Root("name"), "refused", "")
		}
	})
	create := resource.ModifyPlanRequest{
		Plan: tfsdk.Plan{Schema: s, Raw: object(ctx, tftypes.UnknownValue, "a")}, State: tfsdk.State{Schema: s, Raw: null(ctx)},
		Config: tfsdk.Config{Schema: s, Raw: object(ctx, nil, "a")},
	}
	resp := resource.ModifyPlanResponse{Plan: create.Plan}
	r.ModifyPlan(ctx, create, &resp)
	update := resource.ModifyPlanRequest{
		Plan: tfsdk.Plan{Schema: s, Raw: object(ctx, "7", "b")}, State: tfsdk.State{Schema: s, Raw: object(ctx, "7", "a")},
		Config: tfsdk.Config{Schema: s, Raw: object(ctx, nil, "b")},
	}
	resp2 := resource.ModifyPlanResponse{Plan: update.Plan}
	r.ModifyPlan(ctx, update, &resp2)
	destroy := resource.ModifyPlanRequest{Plan: tfsdk.Plan{Schema: s, Raw: null(ctx)}, State: update.State}
	r.ModifyPlan(ctx, destroy, &resource.ModifyPlanResponse{Plan: destroy.Plan})

	if len(calls) != 2 {
		t.Fatalf("want 2 calls (create, update; none on destroy), got %d", len(calls))
	}
	if calls[0].State != nil || calls[0].Plan.Name.ValueString() != "a" || calls[1].State.Name.ValueString() != "a" || calls[1].Config.Name.ValueString() != "b" {
		t.Errorf("calls: %+v", calls)
	}
	if !resp.Diagnostics.HasError() || !resp2.Diagnostics.HasError() {
		t.Error("the platform's diagnostics were dropped")
	}
}

func TestImportByIDAndByIdentity(t *testing.T) {
	ctx := context.Background()
	s := thingSchema(ctx)
	r := newThingResource(&Ops[thingModel, thing]{What: "thing"})
	stateID := func(resp resource.ImportStateResponse) string {
		var v types.String
		resp.State.GetAttribute(ctx, path.Root("id"), &v)
		return v.ValueString()
	}

	resp := resource.ImportStateResponse{State: tfsdk.State{Schema: s, Raw: null(ctx)}, Identity: identity(ctx, nil)}
	r.ImportState(ctx, resource.ImportStateRequest{ID: "42"}, &resp)
	if resp.Diagnostics.HasError() || stateID(resp) != "42" {
		t.Errorf("by id: %v, id %q", resp.Diagnostics, stateID(resp))
	}

	resp = resource.ImportStateResponse{State: tfsdk.State{Schema: s, Raw: null(ctx)}, Identity: identity(ctx, "43")}
	r.ImportState(ctx, resource.ImportStateRequest{Identity: identity(ctx, "43")}, &resp)
	if resp.Diagnostics.HasError() || stateID(resp) != "43" {
		t.Errorf("by identity: %v, id %q", resp.Diagnostics, stateID(resp))
	}

	for name, req := range map[string]resource.ImportStateRequest{
		"bad id":       {ID: "4x"},
		"bad identity": {Identity: identity(ctx, "4x")},
	} {
		resp = resource.ImportStateResponse{State: tfsdk.State{Schema: s, Raw: null(ctx)}, Identity: identity(ctx, nil)}
		r.ImportState(ctx, req, &resp)
		if !resp.Diagnostics.HasError() || !strings.Contains(resp.Diagnostics.Errors()[0].Detail(), "ids are digits") {
			t.Errorf("%s: want the id check's error, got %v", name, resp.Diagnostics)
		}
	}
}

func TestUnconfiguredResourceErrorsInsteadOfPanicking(t *testing.T) {
	ctx := context.Background()
	s := thingSchema(ctx)
	r := newThingResource(nil)
	st := tfsdk.State{Schema: s, Raw: object(ctx, "7", "x")}
	resp := resource.ReadResponse{State: st}
	r.Read(ctx, resource.ReadRequest{State: st}, &resp)
	if !resp.Diagnostics.HasError() {
		t.Fatal("want an error")
	}
}

func TestIDForm(t *testing.T) {
	f := IDForm{What: "an Acme", Pattern: PositiveIntegers, Rule: "positive integers"}
	if p, err := f.Path("/things", "42"); err != nil || p != "/things/42" {
		t.Errorf("Path = %q, %v", p, err)
	}
	for _, bad := range []string{"", "0", "007", "+7", "-1", "1/2", "../x", "12345678901234567890"} {
		if p, err := f.Path("/things", bad); err == nil {
			t.Errorf("Path(%q) = %q, want an error", bad, p)
		} else if want := fmt.Sprintf("%q is not an Acme id: ids are positive integers", bad); err.Error() != want {
			t.Errorf("error %q, want %q", err, want)
		}
	}
}
