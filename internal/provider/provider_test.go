package provider

import (
	"context"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/provider"
	pschema "github.com/hashicorp/terraform-plugin-framework/provider/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

func providerSchema(t *testing.T) pschema.Schema {
	t.Helper()
	var resp provider.SchemaResponse
	New("test")().Schema(context.Background(), provider.SchemaRequest{}, &resp)
	if resp.Diagnostics.HasError() {
		t.Fatalf("Schema: %v", resp.Diagnostics)
	}
	return resp.Schema
}

func TestProviderMetadata(t *testing.T) {
	var resp provider.MetadataResponse
	New("1.2.3")().Metadata(context.Background(), provider.MetadataRequest{}, &resp)
	if resp.TypeName != "crm" || resp.Version != "1.2.3" {
		t.Errorf("Metadata = %q %q", resp.TypeName, resp.Version)
	}
}

func TestProviderSchemaValid(t *testing.T) {
	s := providerSchema(t)
	if diags := s.ValidateImplementation(context.Background()); diags.HasError() {
		t.Fatalf("ValidateImplementation: %v", diags)
	}
	for _, name := range []string{"max_retries", "request_timeout"} {
		a, ok := s.Attributes[name]
		if !ok {
			t.Errorf("attribute %s missing", name)
			continue
		}
		if !a.IsOptional() || a.IsRequired() {
			t.Errorf("%s must be optional", name)
		}
		if a.GetMarkdownDescription() == "" {
			t.Errorf("%s has no description", name)
		}
	}
}

func TestProviderXtrakitAPIKeySensitive(t *testing.T) {
	s := providerSchema(t)
	block, ok := s.Blocks["xtrakit"].(pschema.SingleNestedBlock)
	if !ok {
		t.Fatalf("xtrakit block is %T, want SingleNestedBlock", s.Blocks["xtrakit"])
	}
	key, ok := block.Attributes["api_key"].(pschema.StringAttribute)
	if !ok {
		t.Fatalf("api_key is %T", block.Attributes["api_key"])
	}
	if !key.Sensitive || !key.IsSensitive() {
		t.Error("xtrakit.api_key must be Sensitive")
	}
	if key.Required {
		t.Error("xtrakit.api_key must be optional (it falls back to the environment)")
	}
	// Only the key is secret.
	for name, a := range block.Attributes {
		if name != "api_key" && a.IsSensitive() {
			t.Errorf("xtrakit.%s should not be sensitive", name)
		}
	}
	// The same through the schema's path lookup.
	a, diags := s.AttributeAtPath(context.Background(), path.Root("xtrakit").AtName("api_key"))
	if diags.HasError() || !a.IsSensitive() {
		t.Errorf("AttributeAtPath: %v %v", a, diags)
	}
}

// checkTypeName: every type is crm_-prefixed and registered once.
func checkTypeName(t *testing.T, seen map[string]bool, name string) {
	t.Helper()
	if !strings.HasPrefix(name, "crm_") {
		t.Errorf("type name %q does not start with crm_", name)
	}
	if seen[name] {
		t.Errorf("type name %q registered twice", name)
	}
	seen[name] = true
}

func TestResourceSchemasValid(t *testing.T) {
	ctx := context.Background()
	p := New("test")()
	seen := map[string]bool{}
	factories := p.Resources(ctx)
	if len(factories) == 0 {
		t.Fatal("no resources registered")
	}
	for _, f := range factories {
		r := f()
		var md resource.MetadataResponse
		r.Metadata(ctx, resource.MetadataRequest{ProviderTypeName: "crm"}, &md)
		name := md.TypeName
		t.Run(name, func(t *testing.T) {
			checkTypeName(t, seen, name)

			var sr resource.SchemaResponse
			r.Schema(ctx, resource.SchemaRequest{}, &sr)
			if sr.Diagnostics.HasError() {
				t.Fatalf("Schema: %v", sr.Diagnostics)
			}
			if diags := sr.Schema.ValidateImplementation(ctx); diags.HasError() {
				t.Fatalf("ValidateImplementation: %v", diags)
			}
			id, ok := sr.Schema.Attributes["id"]
			if !ok || !id.IsComputed() {
				t.Error("every resource needs a computed id")
			}
			if sr.Schema.MarkdownDescription == "" {
				t.Error("no description")
			}
			if _, ok := r.(resource.ResourceWithImportState); !ok {
				t.Error("resource does not support import")
			}
		})
	}
}

func TestDataSourceSchemasValid(t *testing.T) {
	ctx := context.Background()
	p := New("test")()
	seen := map[string]bool{}
	factories := p.DataSources(ctx)
	if len(factories) == 0 {
		t.Fatal("no data sources registered")
	}
	for _, f := range factories {
		d := f()
		var md datasource.MetadataResponse
		d.Metadata(ctx, datasource.MetadataRequest{ProviderTypeName: "crm"}, &md)
		name := md.TypeName
		t.Run(name, func(t *testing.T) {
			checkTypeName(t, seen, name)

			var sr datasource.SchemaResponse
			d.Schema(ctx, datasource.SchemaRequest{}, &sr)
			if sr.Diagnostics.HasError() {
				t.Fatalf("Schema: %v", sr.Diagnostics)
			}
			if diags := sr.Schema.ValidateImplementation(ctx); diags.HasError() {
				t.Fatalf("ValidateImplementation: %v", diags)
			}
			if sr.Schema.MarkdownDescription == "" {
				t.Error("no description")
			}
		})
	}
}

func TestDurationValidator(t *testing.T) {
	ctx := context.Background()
	cases := []struct {
		in    types.String
		valid bool
	}{
		{types.StringValue("30s"), true},
		{types.StringValue("2m"), true},
		{types.StringValue("1h30m"), true},
		{types.StringValue("1ms"), true},
		{types.StringValue("1.5s"), true},
		{types.StringValue("0s"), false},
		{types.StringValue("0"), false},
		{types.StringValue("-5s"), false},
		{types.StringValue("30"), false},
		{types.StringValue("thirty seconds"), false},
		{types.StringValue("30 s"), false},
		{types.StringValue(""), false},
		{types.StringNull(), true},
		{types.StringUnknown(), true},
	}
	p := path.Root("request_timeout")
	for _, tc := range cases {
		t.Run(tc.in.String(), func(t *testing.T) {
			var resp validator.StringResponse
			durationValidator{}.ValidateString(ctx, validator.StringRequest{Path: p, PathExpression: p.Expression(), ConfigValue: tc.in}, &resp)
			if resp.Diagnostics.HasError() == tc.valid {
				t.Fatalf("valid=%v, got %v", tc.valid, resp.Diagnostics)
			}
			if !tc.valid {
				d := resp.Diagnostics.Errors()[0]
				if !strings.Contains(d.Detail(), "request_timeout") || !strings.Contains(d.Detail(), tc.in.ValueString()) {
					t.Errorf("detail should name the attribute and the value: %q", d.Detail())
				}
			}
		})
	}
	if d := (durationValidator{}).Description(ctx); d == "" || d != (durationValidator{}).MarkdownDescription(ctx) {
		t.Errorf("descriptions %q / %q", d, (durationValidator{}).MarkdownDescription(ctx))
	}
}
