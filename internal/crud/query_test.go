package crud

import (
	"context"
	"errors"
	"iter"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/list"
	listschema "github.com/hashicorp/terraform-plugin-framework/list/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// listThings lists n things, counting how many the list resource took.
func listThings(n int, failAt int, taken *int) func(context.Context, *struct{}) iter.Seq2[thing, error] {
	return func(context.Context, *struct{}) iter.Seq2[thing, error] {
		return func(yield func(thing, error) bool) {
			for i := 1; i <= n; i++ {
				*taken = i
				if i == failAt {
					yield(thing{}, errors.New("page 2: 503 Service Unavailable"))
					return
				}
				if !yield(thing{ID: string(rune('0' + i)), Name: "Thing " + string(rune('0'+i)) + " "}, nil) {
					return
				}
			}
		}
	}
}

func runList(t *testing.T, lister func(context.Context, *struct{}) iter.Seq2[thing, error], limit int64) []list.ListResult {
	t.Helper()
	ctx := context.Background()
	l := NewListResource[struct{}, thingModel](QuerySpec[struct{}, thingModel, thing]{
		TypeName:    "_thing",
		What:        "things",
		Bind:        func(any, *diag.Diagnostics) func(context.Context, *struct{}) iter.Seq2[thing, error] { return lister },
		DisplayName: func(th *thing) string { return DisplayName(th.Name, "", th.ID) },
	})
	var cr resource.ConfigureResponse
	l.Configure(ctx, resource.ConfigureRequest{ProviderData: struct{}{}}, &cr)
	r := newThingResource(nil)
	var ir resource.IdentitySchemaResponse
	r.IdentitySchema(ctx, resource.IdentitySchemaRequest{}, &ir)
	var sr resource.SchemaResponse
	r.Schema(ctx, resource.SchemaRequest{}, &sr)
	var stream list.ListResultsStream
	l.List(ctx, list.ListRequest{
		Config:                 tfsdk.Config{Schema: listschema.Schema{}, Raw: tftypes.NewValue(tftypes.Object{AttributeTypes: map[string]tftypes.Type{}}, map[string]tftypes.Value{})},
		IncludeResource:        true,
		Limit:                  limit,
		ResourceSchema:         sr.Schema,
		ResourceIdentitySchema: ir.IdentitySchema,
	}, &stream)
	var out []list.ListResult
	for res := range stream.Results {
		out = append(out, res)
	}
	return out
}

func TestListResource_resultsAndLimit(t *testing.T) {
	taken := 0
	results := runList(t, listThings(5, 0, &taken), 2)
	if len(results) != 2 || taken != 2 {
		t.Fatalf("limit 2: %d results, %d records taken from the platform's list (want 2 and 2)", len(results), taken)
	}
	ctx := context.Background()
	res := results[1]
	if res.Diagnostics.HasError() {
		t.Fatal(res.Diagnostics)
	}
	if res.DisplayName != "Thing 2" {
		t.Errorf("display name %q", res.DisplayName)
	}
	var id, name string
	res.Identity.GetAttribute(ctx, path.Root("id"), &id)
	res.Resource.GetAttribute(ctx, path.Root("name"), &name)
	if id != "2" || name != "Thing 2 " {
		t.Errorf("identity id %q, resource name %q", id, name)
	}
	all := runList(t, listThings(5, 0, &taken), 0)
	if len(all) != 5 {
		t.Errorf("no limit: %d results", len(all))
	}
}

func TestListResource_errorEndsTheStream(t *testing.T) {
	taken := 0
	results := runList(t, listThings(5, 3, &taken), 0)
	if len(results) != 3 || !results[2].Diagnostics.HasError() {
		t.Fatalf("results %d, last %v", len(results), results[len(results)-1].Diagnostics)
	}
	d := results[2].Diagnostics.Errors()[0]
	if !strings.Contains(d.Summary()+d.Detail(), "503") || !strings.Contains(d.Summary()+d.Detail(), "things") {
		t.Errorf("diagnostic %q: %q", d.Summary(), d.Detail())
	}
}
