package generate

import (
	"fmt"
	"math/big"
	"sort"
	"strconv"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
	"github.com/zclconf/go-cty/cty"
)

// record is one listed resource as configuration.
type record struct {
	id     string
	attrs  []attr        // what the resource block sets, by name
	config tftypes.Value // the same as a configuration object, for validation
}

type attr struct {
	name  string
	value cty.Value
}

// configurable reports whether a user writes the attribute: required or
// optional, and neither write-only (never read back) nor sensitive (a
// secret does not belong in a generated file; none is read back today).
func configurable(a *tfprotov6.SchemaAttribute) bool {
	return (a.Required || a.Optional) && !a.WriteOnly && !a.Sensitive
}

// configOf turns a resource's state into its configuration: configurable
// attributes keep their value, the rest (computed-only attributes, blocks
// such as timeouts) are null, as if left out.
func configOf(block *tfprotov6.SchemaBlock, state tftypes.Value) (record, error) {
	var values map[string]tftypes.Value
	if err := state.As(&values); err != nil {
		return record{}, err
	}
	var rec record
	if id, ok := values["id"]; ok && id.IsKnown() && !id.IsNull() {
		_ = id.As(&rec.id)
	}
	if rec.id == "" {
		return rec, fmt.Errorf("the listed resource has no id")
	}
	config, err := keepConfigurable(block.Attributes, values, func(name string, v tftypes.Value) error {
		c, err := toCty(v)
		if err == nil {
			rec.attrs = append(rec.attrs, attr{name, c})
		}
		return err
	})
	if err != nil {
		return rec, err
	}
	for _, b := range block.BlockTypes {
		config[b.TypeName] = tftypes.NewValue(b.ValueType(), nil)
	}
	rec.config = tftypes.NewValue(state.Type(), config)
	sort.Slice(rec.attrs, func(i, j int) bool { return rec.attrs[i].name < rec.attrs[j].name })
	return rec, nil
}

// keepConfigurable is values with every attribute a user cannot write set
// to null, nested attributes included; set is called for each configurable
// top-level attribute that is not null.
func keepConfigurable(attrs []*tfprotov6.SchemaAttribute, values map[string]tftypes.Value, set func(string, tftypes.Value) error) (map[string]tftypes.Value, error) {
	out := make(map[string]tftypes.Value, len(values))
	for _, a := range attrs {
		v, ok := values[a.Name]
		if !ok {
			continue
		}
		if !configurable(a) || v.IsNull() {
			out[a.Name] = tftypes.NewValue(v.Type(), nil)
			continue
		}
		if a.NestedType != nil && a.NestedType.Nesting == tfprotov6.SchemaObjectNestingModeSingle {
			var inner map[string]tftypes.Value
			if err := v.As(&inner); err != nil {
				return nil, err
			}
			kept, err := keepConfigurable(a.NestedType.Attributes, inner, nil)
			if err != nil {
				return nil, err
			}
			v = tftypes.NewValue(v.Type(), kept)
		}
		out[a.Name] = v
		if set != nil {
			if err := set(a.Name, v); err != nil {
				return nil, fmt.Errorf("%s: %w", a.Name, err)
			}
		}
	}
	return out, nil
}

// filterConfig is the list block's config from NAME=VALUE filters, each
// read as its attribute's type.
func filterConfig(schema *tfprotov6.Schema, filters map[string]string) (*tfprotov6.DynamicValue, error) {
	t := schema.ValueType()
	obj := t.(tftypes.Object)
	values := map[string]tftypes.Value{}
	for name, at := range obj.AttributeTypes {
		values[name] = tftypes.NewValue(at, nil)
	}
	for name, raw := range filters {
		at, ok := obj.AttributeTypes[name]
		if !ok {
			return nil, fmt.Errorf("%s is not a filter of this type; its filters: %s", name, filterNames(obj))
		}
		v, err := parseValue(at, raw)
		if err != nil {
			return nil, fmt.Errorf("filter %s=%q: %w", name, raw, err)
		}
		values[name] = v
	}
	return dynamic(t, tftypes.NewValue(t, values))
}

func filterNames(obj tftypes.Object) string {
	if len(obj.AttributeTypes) == 0 {
		return "none"
	}
	names := make([]string, 0, len(obj.AttributeTypes))
	for name := range obj.AttributeTypes {
		names = append(names, name)
	}
	sort.Strings(names)
	return fmt.Sprint(names)
}

func parseValue(t tftypes.Type, raw string) (tftypes.Value, error) {
	switch {
	case t.Is(tftypes.String):
		return tftypes.NewValue(t, raw), nil
	case t.Is(tftypes.Number):
		f, _, err := big.ParseFloat(raw, 10, 512, big.ToNearestEven)
		if err != nil {
			return tftypes.Value{}, fmt.Errorf("not a number")
		}
		return tftypes.NewValue(t, f), nil
	case t.Is(tftypes.Bool):
		b, err := strconv.ParseBool(raw)
		if err != nil {
			return tftypes.Value{}, fmt.Errorf("not true or false")
		}
		return tftypes.NewValue(t, b), nil
	}
	return tftypes.Value{}, fmt.Errorf("a filter of type %s cannot be given on the command line", t)
}

// toCty converts a Terraform value for hclwrite.
func toCty(v tftypes.Value) (cty.Value, error) {
	t := v.Type()
	ct, err := ctyType(t)
	if err != nil {
		return cty.NilVal, err
	}
	if v.IsNull() {
		return cty.NullVal(ct), nil
	}
	if !v.IsKnown() {
		return cty.NilVal, fmt.Errorf("an unknown value")
	}
	switch {
	case t.Is(tftypes.String):
		var s string
		err = v.As(&s)
		return cty.StringVal(s), err
	case t.Is(tftypes.Number):
		var f big.Float
		err = v.As(&f)
		return cty.NumberVal(&f), err
	case t.Is(tftypes.Bool):
		var b bool
		err = v.As(&b)
		return cty.BoolVal(b), err
	case t.Is(tftypes.List{}), t.Is(tftypes.Set{}):
		var elems []tftypes.Value
		if err := v.As(&elems); err != nil {
			return cty.NilVal, err
		}
		vals := make([]cty.Value, len(elems))
		for i, e := range elems {
			if vals[i], err = toCty(e); err != nil {
				return cty.NilVal, err
			}
		}
		if len(vals) == 0 {
			return cty.ListValEmpty(ct.ElementType()), nil // a literal [] either way
		}
		if t.Is(tftypes.Set{}) {
			return cty.SetVal(vals), nil
		}
		return cty.ListVal(vals), nil
	case t.Is(tftypes.Map{}), t.Is(tftypes.Object{}):
		var elems map[string]tftypes.Value
		if err := v.As(&elems); err != nil {
			return cty.NilVal, err
		}
		vals := make(map[string]cty.Value, len(elems))
		for k, e := range elems {
			if e.IsNull() && t.Is(tftypes.Object{}) {
				continue // an optional nested attribute left out
			}
			if vals[k], err = toCty(e); err != nil {
				return cty.NilVal, err
			}
		}
		if t.Is(tftypes.Map{}) {
			if len(vals) == 0 {
				return cty.MapValEmpty(ct.ElementType()), nil
			}
			return cty.MapVal(vals), nil
		}
		return cty.ObjectVal(vals), nil
	}
	return cty.NilVal, fmt.Errorf("a value of type %s cannot be written", t)
}

func ctyType(t tftypes.Type) (cty.Type, error) {
	switch tt := t.(type) {
	case tftypes.List:
		e, err := ctyType(tt.ElementType)
		return cty.List(e), err
	case tftypes.Set:
		e, err := ctyType(tt.ElementType)
		return cty.Set(e), err
	case tftypes.Map:
		e, err := ctyType(tt.ElementType)
		return cty.Map(e), err
	case tftypes.Object:
		attrs := map[string]cty.Type{}
		for k, at := range tt.AttributeTypes {
			c, err := ctyType(at)
			if err != nil {
				return cty.NilType, err
			}
			attrs[k] = c
		}
		return cty.Object(attrs), nil
	}
	switch {
	case t.Is(tftypes.String):
		return cty.String, nil
	case t.Is(tftypes.Number):
		return cty.Number, nil
	case t.Is(tftypes.Bool):
		return cty.Bool, nil
	}
	return cty.NilType, fmt.Errorf("the type %s cannot be written", t)
}
