package generate

import (
	"context"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/hashicorp/hcl/v2/hclwrite"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
	"github.com/zclconf/go-cty/cty"

	"github.com/customerops/terraform-provider-crm/internal/crud"
)

// Write lists opts.Type through srv and writes a resource block and an
// import block per record to out. It returns how many records it wrote.
// Each block is first checked by the provider's own validation, as
// Terraform would check it before the import.
func Write(ctx context.Context, srv tfprotov6.ProviderServer, opts *Options, out io.Writer) (int, error) {
	//nolint:staticcheck // Deprecated only because it will move into ProviderServer; until then the framework implements it apart.
	lister, ok := srv.(tfprotov6.ProviderServerWithListResource)
	if !ok {
		return 0, fmt.Errorf("this provider build cannot list resources")
	}
	schemas, err := srv.GetProviderSchema(ctx, &tfprotov6.GetProviderSchemaRequest{})
	if err == nil {
		err = diagsError("reading the provider's schema", schemas.Diagnostics)
	}
	if err != nil {
		return 0, err
	}
	typ, err := resolveType(opts.Type, schemas.ListResourceSchemas)
	if err != nil {
		return 0, err
	}
	opts.Type = typ
	resource := schemas.ResourceSchemas[typ]
	if err := configure(ctx, srv, schemas.Provider); err != nil {
		return 0, err
	}
	filters, err := filterConfig(schemas.ListResourceSchemas[typ], opts.Filters)
	if err != nil {
		return 0, err
	}
	valid, err := lister.ValidateListResourceConfig(ctx, &tfprotov6.ValidateListResourceConfigRequest{TypeName: typ, Config: filters})
	if err == nil {
		err = diagsError("", valid.Diagnostics)
	}
	if err != nil {
		return 0, err
	}
	stream, err := lister.ListResource(ctx, &tfprotov6.ListResourceRequest{TypeName: typ, Config: filters, IncludeResource: true, Limit: opts.Limit})
	if err != nil {
		return 0, fmt.Errorf("listing %s: %w", typ, err)
	}

	f := hclwrite.NewEmptyFile()
	body := f.Body()
	n := 0
	taken := map[string]bool{}
	for result := range stream.Results {
		if err := diagsError("listing "+typ, result.Diagnostics); err != nil {
			return n, err
		}
		if result.Resource == nil {
			return n, fmt.Errorf("listing %s: %q came without its resource", typ, result.DisplayName)
		}
		state, err := result.Resource.Unmarshal(resource.ValueType())
		if err != nil {
			return n, fmt.Errorf("reading %s %q: %w", typ, result.DisplayName, err)
		}
		rec, err := configOf(resource.Block, state)
		if err != nil {
			return n, fmt.Errorf("%s %q: %w", typ, result.DisplayName, err)
		}
		if err := validate(ctx, srv, typ, resource, rec.config); err != nil {
			return n, fmt.Errorf("%s %q (id %s) as generated fails the provider's validation: %w", typ, result.DisplayName, rec.id, err)
		}
		if n > 0 {
			body.AppendNewline()
		}
		name := blockName(typ, rec.id)
		for i := 2; taken[name]; i++ { // ids that differ only in characters a name cannot hold
			name = fmt.Sprintf("%s_%d", blockName(typ, rec.id), i)
		}
		taken[name] = true
		writeRecord(body, typ, name, result.DisplayName, rec)
		n++
	}
	if n > 0 {
		body.AppendNewline()
	}
	if _, err := out.Write(f.Bytes()); err != nil {
		return n, err
	}
	return n, nil
}

// writeRecord appends the record's resource block (its configurable
// attributes in name order, as Terraform writes them; nulls left out) and
// the import block that adopts it by id.
func writeRecord(body *hclwrite.Body, typ, name, display string, rec record) {
	body.AppendUnstructuredTokens(hclwrite.Tokens{
		{Type: hclsyntax.TokenComment, Bytes: []byte("# " + strings.ReplaceAll(display, "\n", " ") + "\n")},
	})
	res := body.AppendNewBlock("resource", []string{typ, name}).Body()
	for _, a := range rec.attrs {
		res.SetAttributeValue(a.name, a.value)
	}
	body.AppendNewline()
	imp := body.AppendNewBlock("import", nil).Body()
	imp.SetAttributeTraversal("to", hcl.Traversal{hcl.TraverseRoot{Name: typ}, hcl.TraverseAttr{Name: name}})
	imp.SetAttributeValue("id", cty.StringVal(rec.id))
}

var notInName = regexp.MustCompile(`[^A-Za-z0-9_-]+`)

// blockName is the resource's name: its kind and id, "customer_42", so a
// record keeps its address when the list changes.
func blockName(typ, id string) string {
	kind := strings.TrimPrefix(typ, "crm_")
	if _, rest, ok := strings.Cut(kind, "_"); ok {
		kind = rest // the platform is in the type already
	}
	return kind + "_" + notInName.ReplaceAllString(id, "_")
}

// configure configures the provider with an empty configuration: every
// platform block absent, so each reads its environment variables.
func configure(ctx context.Context, srv tfprotov6.ProviderServer, provider *tfprotov6.Schema) error {
	config, err := dynamic(provider.ValueType(), crud.NullAttributes(provider.ValueType()))
	if err != nil {
		return err
	}
	resp, err := srv.ConfigureProvider(ctx, &tfprotov6.ConfigureProviderRequest{TerraformVersion: "generate", Config: config})
	if err == nil {
		err = diagsError("configuring the provider from the environment", resp.Diagnostics)
	}
	return err
}

// validate runs the provider's validation of a resource configuration.
func validate(ctx context.Context, srv tfprotov6.ProviderServer, typ string, schema *tfprotov6.Schema, config tftypes.Value) error {
	dv, err := dynamic(schema.ValueType(), config)
	if err != nil {
		return err
	}
	resp, err := srv.ValidateResourceConfig(ctx, &tfprotov6.ValidateResourceConfigRequest{TypeName: typ, Config: dv})
	if err != nil {
		return err
	}
	return diagsError("validating", resp.Diagnostics)
}

func dynamic(t tftypes.Type, v tftypes.Value) (*tfprotov6.DynamicValue, error) {
	dv, err := tfprotov6.NewDynamicValue(t, v)
	if err != nil {
		return nil, err
	}
	return &dv, nil
}

// diagsError joins error diagnostics into one error; warnings pass.
func diagsError(doing string, diags []*tfprotov6.Diagnostic) error {
	var msgs []string
	for _, d := range diags {
		if d == nil || d.Severity != tfprotov6.DiagnosticSeverityError {
			continue
		}
		msg := d.Summary
		if d.Detail != "" {
			msg += ": " + d.Detail
		}
		if name := attributeName(d.Attribute); name != "" {
			msg = name + ": " + msg
		}
		msgs = append(msgs, msg)
	}
	if len(msgs) == 0 {
		return nil
	}
	if doing == "" {
		return errors.New(strings.Join(msgs, "; "))
	}
	return fmt.Errorf("%s: %s", doing, strings.Join(msgs, "; "))
}

// attributeName is a diagnostic's attribute as a user writes it: "group_id".
func attributeName(p *tftypes.AttributePath) string {
	if p == nil {
		return ""
	}
	var parts []string
	for _, step := range p.Steps() {
		switch s := step.(type) {
		case tftypes.AttributeName:
			parts = append(parts, string(s))
		case tftypes.ElementKeyString:
			parts = append(parts, fmt.Sprintf("[%q]", string(s)))
		case tftypes.ElementKeyInt:
			parts = append(parts, fmt.Sprintf("[%d]", int64(s)))
		}
	}
	return strings.ReplaceAll(strings.Join(parts, "."), ".[", "[")
}
