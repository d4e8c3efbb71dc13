package generate

import (
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2/hclwrite"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// A resource with nested, map and list attributes, as Stripe's customer
// has: nested computed-only attributes and nulls are left out, empty
// collections are written, and the configuration object keeps the types.
func TestConfigOf_nestedValues(t *testing.T) {
	addr := tftypes.Object{AttributeTypes: map[string]tftypes.Type{"city": tftypes.String, "line2": tftypes.String, "checked": tftypes.Bool}}
	typ := tftypes.Object{AttributeTypes: map[string]tftypes.Type{
		"id": tftypes.String, "created": tftypes.Number, "address": addr,
		"metadata": tftypes.Map{ElementType: tftypes.String}, "locales": tftypes.List{ElementType: tftypes.String},
		"tags": tftypes.Set{ElementType: tftypes.String}, "password": tftypes.String,
		"timeouts": tftypes.Object{AttributeTypes: map[string]tftypes.Type{"create": tftypes.String}},
	}}
	block := &tfprotov6.SchemaBlock{
		Attributes: []*tfprotov6.SchemaAttribute{
			{Name: "id", Type: tftypes.String, Computed: true},
			{Name: "created", Type: tftypes.Number, Computed: true},
			{Name: "address", Optional: true, NestedType: &tfprotov6.SchemaObject{Nesting: tfprotov6.SchemaObjectNestingModeSingle, Attributes: []*tfprotov6.SchemaAttribute{
				{Name: "city", Type: tftypes.String, Optional: true},
				{Name: "line2", Type: tftypes.String, Optional: true},
				{Name: "checked", Type: tftypes.Bool, Computed: true},
			}}},
			{Name: "metadata", Type: tftypes.Map{ElementType: tftypes.String}, Optional: true},
			{Name: "locales", Type: tftypes.List{ElementType: tftypes.String}, Optional: true},
			{Name: "tags", Type: tftypes.Set{ElementType: tftypes.String}, Optional: true},
			{Name: "password", Type: tftypes.String, Optional: true, Sensitive: true},
		},
		BlockTypes: []*tfprotov6.SchemaNestedBlock{{TypeName: "timeouts", Nesting: tfprotov6.SchemaNestedBlockNestingModeSingle,
			Block: &tfprotov6.SchemaBlock{Attributes: []*tfprotov6.SchemaAttribute{{Name: "create", Type: tftypes.String, Optional: true}}}}},
	}
	state := tftypes.NewValue(typ, map[string]tftypes.Value{
		"id": tftypes.NewValue(tftypes.String, "cus_1"), "created": tftypes.NewValue(tftypes.Number, 1700000000),
		"address": tftypes.NewValue(addr, map[string]tftypes.Value{
			"city": tftypes.NewValue(tftypes.String, "Pune"), "line2": tftypes.NewValue(tftypes.String, nil), "checked": tftypes.NewValue(tftypes.Bool, true),
		}),
		"metadata": tftypes.NewValue(tftypes.Map{ElementType: tftypes.String}, map[string]tftypes.Value{
			"tier": tftypes.NewValue(tftypes.String, "gold"), "legacy id": tftypes.NewValue(tftypes.String, "A-1"),
		}),
		"locales":  tftypes.NewValue(tftypes.List{ElementType: tftypes.String}, []tftypes.Value{}),
		"tags":     tftypes.NewValue(tftypes.Set{ElementType: tftypes.String}, []tftypes.Value{tftypes.NewValue(tftypes.String, "b2b")}),
		"password": tftypes.NewValue(tftypes.String, "secret"),
		"timeouts": tftypes.NewValue(tftypes.Object{AttributeTypes: map[string]tftypes.Type{"create": tftypes.String}}, nil),
	})
	rec, err := configOf(block, state)
	if err != nil {
		t.Fatal(err)
	}
	f := hclwrite.NewEmptyFile()
	writeRecord(f.Body(), "crm_stripe_customer", blockName("crm_stripe_customer", rec.id), "Ada", rec)
	got := string(f.Bytes())
	for _, want := range []string{
		"resource \"crm_stripe_customer\" \"customer_cus_1\" {",
		"address = {\n    city = \"Pune\"\n  }",
		"locales = []",
		"\"legacy id\" = \"A-1\"",
		"tier        = \"gold\"",
		"tags = [\"b2b\"]",
		"id = \"cus_1\"",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("missing %q in:\n%s", want, got)
		}
	}
	for _, unwanted := range []string{"created", "checked", "line2", "secret", "timeouts"} {
		if strings.Contains(got, unwanted) {
			t.Errorf("%q written:\n%s", unwanted, got)
		}
	}
	// The configuration object: computed-only and sensitive attributes
	// null, configured ones kept, of the resource's type.
	var cfg map[string]tftypes.Value
	if err := rec.config.As(&cfg); err != nil {
		t.Fatal(err)
	}
	if !cfg["id"].IsNull() || !cfg["password"].IsNull() || !cfg["timeouts"].IsNull() || cfg["metadata"].IsNull() {
		t.Errorf("configuration object: %v", rec.config)
	}
	if !rec.config.Type().Equal(typ) {
		t.Errorf("configuration type %s, want %s", rec.config.Type(), typ)
	}
}
