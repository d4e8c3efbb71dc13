package main

import (
	"context"
	"reflect"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	crm "github.com/customerops/terraform-provider-crm/internal/provider"
)

// The floor serves every crm resource under crmfloor_ with exactly its
// schema and identity schema: the bench compares like with like.
func TestSchemasAreTheCRMProvidersOwn(t *testing.T) {
	ctx := context.Background()
	want := schemas(t, crm.NewServer("test")())
	got := schemas(t, newServer())
	if len(got.ResourceSchemas) != len(want.ResourceSchemas) || len(got.ResourceSchemas) == 0 {
		t.Fatalf("floor serves %d resources, crm %d", len(got.ResourceSchemas), len(want.ResourceSchemas))
	}
	for name, s := range want.ResourceSchemas {
		floorName := TypeName + strings.TrimPrefix(name, "crm")
		if !reflect.DeepEqual(got.ResourceSchemas[floorName], s) {
			t.Errorf("%s: schema differs from %s's", floorName, name)
		}
	}
	wantID, _ := crm.NewServer("test")().GetResourceIdentitySchemas(ctx, &tfprotov6.GetResourceIdentitySchemasRequest{})
	gotID, _ := newServer().GetResourceIdentitySchemas(ctx, &tfprotov6.GetResourceIdentitySchemasRequest{})
	if len(wantID.IdentitySchemas) == 0 || len(gotID.IdentitySchemas) != len(wantID.IdentitySchemas) {
		t.Fatalf("floor has %d identity schemas, crm %d", len(gotID.IdentitySchemas), len(wantID.IdentitySchemas))
	}
	for name, s := range wantID.IdentitySchemas {
		floorName := TypeName + strings.TrimPrefix(name, "crm")
		if !reflect.DeepEqual(gotID.IdentitySchemas[floorName], s) {
			t.Errorf("%s: identity schema differs from %s's", floorName, name)
		}
	}
}

func schemas(t *testing.T, s tfprotov6.ProviderServer) *tfprotov6.GetProviderSchemaResponse {
	t.Helper()
	resp, err := s.GetProviderSchema(context.Background(), &tfprotov6.GetProviderSchemaRequest{})
	if err != nil || len(resp.Diagnostics) > 0 {
		t.Fatalf("GetProviderSchema: %v %v", err, resp.Diagnostics)
	}
	return resp
}

// Create through the protocol, as Terraform calls it: every computed value
// comes back known (the id from the counter), the configured ones as
// planned, and the identity is the id.
func TestCreateMakesComputedValuesKnown(t *testing.T) {
	ctx := context.Background()
	s := newServer()
	const name = TypeName + "_xtrakit_customer"
	typ := schemas(t, s).ResourceSchemas[name].ValueType().(tftypes.Object)
	if _, err := s.ConfigureProvider(ctx, &tfprotov6.ConfigureProviderRequest{Config: dynamic(t, tftypes.Object{AttributeTypes: map[string]tftypes.Type{}}, nil)}); err != nil {
		t.Fatal(err)
	}
	set := map[string]string{
		"name": "Bench Customer 1", "email": "b-1@bench.example.com", "phone": "+233200000001", "country": "Ghana",
		"state": "Greater Accra", "city": "Accra", "address1": "1 Main Street", "created_by": "bench",
	}
	config := dynamic(t, typ, set)
	nullVal, _ := tfprotov6.NewDynamicValue(typ, tftypes.NewValue(typ, nil))

	plan, err := s.PlanResourceChange(ctx, &tfprotov6.PlanResourceChangeRequest{
		TypeName: name, PriorState: &nullVal, ProposedNewState: config, Config: config,
	})
	if err != nil || len(plan.Diagnostics) > 0 {
		t.Fatalf("PlanResourceChange: %v %v", err, plan.Diagnostics)
	}
	applied, err := s.ApplyResourceChange(ctx, &tfprotov6.ApplyResourceChangeRequest{
		TypeName: name, PriorState: &nullVal, PlannedState: plan.PlannedState, Config: config, PlannedIdentity: plan.PlannedIdentity,
	})
	if err != nil || len(applied.Diagnostics) > 0 {
		t.Fatalf("ApplyResourceChange: %v %v", err, applied.Diagnostics)
	}
	state := unmarshal(t, applied.NewState, typ)
	if !state.IsFullyKnown() {
		t.Fatalf("state has unknown values: %v", state)
	}
	var attrs map[string]tftypes.Value
	_ = state.As(&attrs)
	str := func(k string) string {
		var v string
		_ = attrs[k].As(&v)
		return v
	}
	if str("id") == "" || str("created_at") != FixedString || str("name") != set["name"] || str("zip") != "" {
		t.Errorf("id %q, created_at %q, name %q, zip %q", str("id"), str("created_at"), str("name"), str("zip"))
	}
	if applied.NewIdentity == nil {
		t.Fatal("no identity")
	}
	idTyp := tftypes.Object{AttributeTypes: map[string]tftypes.Type{"id": tftypes.String}}
	idVal := unmarshal(t, applied.NewIdentity.IdentityData, idTyp)
	var ident map[string]tftypes.Value
	_ = idVal.As(&ident)
	if !ident["id"].Equal(attrs["id"]) {
		t.Errorf("identity %v, state id %v", ident["id"], attrs["id"])
	}
}

// dynamic is an object of typ with the string attributes in set and every
// other attribute null (nil set: the whole object's attributes null).
func dynamic(t *testing.T, typ tftypes.Object, set map[string]string) *tfprotov6.DynamicValue {
	t.Helper()
	vals := map[string]tftypes.Value{}
	for k, at := range typ.AttributeTypes {
		if v, ok := set[k]; ok {
			vals[k] = tftypes.NewValue(at, v)
		} else {
			vals[k] = tftypes.NewValue(at, nil)
		}
	}
	dv, err := tfprotov6.NewDynamicValue(typ, tftypes.NewValue(typ, vals))
	if err != nil {
		t.Fatal(err)
	}
	return &dv
}

func unmarshal(t *testing.T, dv *tfprotov6.DynamicValue, typ tftypes.Type) tftypes.Value {
	t.Helper()
	v, err := dv.Unmarshal(typ)
	if err != nil {
		t.Fatal(err)
	}
	return v
}
