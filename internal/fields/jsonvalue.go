package fields

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"math/big"
	"sort"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-framework/types/basetypes"
)

// JSON values in Terraform terms, for attributes whose values keep the JSON
// type the platform stores (a number stays a number): strings, numbers,
// bools and null map to themselves, arrays to tuples, objects to objects.

// FromJSON turns one JSON value into a Terraform value.
func FromJSON(raw json.RawMessage) (attr.Value, error) {
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return nil, err
	}
	return fromAny(v)
}

func fromAny(v any) (attr.Value, error) {
	switch v := v.(type) {
	case nil:
		return types.DynamicNull(), nil
	case string:
		return types.StringValue(v), nil
	case bool:
		return types.BoolValue(v), nil
	case json.Number:
		f, _, err := big.ParseFloat(string(v), 10, 512, big.ToNearestEven)
		if err != nil {
			return nil, err
		}
		return types.NumberValue(f), nil
	case []any:
		elems := make([]attr.Value, len(v))
		typs := make([]attr.Type, len(v))
		for i, e := range v {
			ev, err := fromAny(e)
			if err != nil {
				return nil, err
			}
			elems[i], typs[i] = ev, ev.Type(context.Background())
		}
		t, d := types.TupleValue(typs, elems)
		if d.HasError() {
			return nil, fmt.Errorf("%v", d)
		}
		return t, nil
	case map[string]any:
		attrs := make(map[string]attr.Value, len(v))
		typs := make(map[string]attr.Type, len(v))
		for k, e := range v {
			ev, err := fromAny(e)
			if err != nil {
				return nil, err
			}
			attrs[k], typs[k] = ev, ev.Type(context.Background())
		}
		o, d := types.ObjectValue(typs, attrs)
		if d.HasError() {
			return nil, fmt.Errorf("%v", d)
		}
		return o, nil
	}
	return nil, fmt.Errorf("unexpected JSON value %T", v)
}

// ToJSON turns a known Terraform value into JSON; numbers are written in
// the shortest form that reads back as the same number.
func ToJSON(ctx context.Context, v attr.Value) (json.RawMessage, error) {
	if dv, ok := v.(basetypes.DynamicValue); ok {
		if dv.IsNull() {
			return json.RawMessage("null"), nil
		}
		v = dv.UnderlyingValue()
	}
	if v == nil || v.IsNull() {
		return json.RawMessage("null"), nil
	}
	if v.IsUnknown() {
		return nil, fmt.Errorf("value is not known yet")
	}
	switch v := v.(type) {
	case types.String:
		return json.Marshal(v.ValueString())
	case types.Bool:
		return json.Marshal(v.ValueBool())
	case types.Number:
		return json.RawMessage(v.ValueBigFloat().Text('g', -1)), nil
	case types.Int64:
		return json.Marshal(v.ValueInt64())
	case types.Float64:
		return json.Marshal(v.ValueFloat64())
	case types.Tuple:
		return listJSON(ctx, v.Elements())
	case types.List:
		return listJSON(ctx, v.Elements())
	case types.Set:
		return listJSON(ctx, v.Elements())
	case types.Object:
		return mapJSON(ctx, v.Attributes())
	case types.Map:
		return mapJSON(ctx, v.Elements())
	}
	return nil, fmt.Errorf("cannot write %s as JSON", v.Type(ctx))
}

func listJSON(ctx context.Context, elems []attr.Value) (json.RawMessage, error) {
	out := make([]json.RawMessage, len(elems))
	for i, e := range elems {
		raw, err := ToJSON(ctx, e)
		if err != nil {
			return nil, err
		}
		out[i] = raw
	}
	return json.Marshal(out)
}

func mapJSON(ctx context.Context, attrs map[string]attr.Value) (json.RawMessage, error) {
	keys := make([]string, 0, len(attrs))
	for k := range attrs {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var b bytes.Buffer
	b.WriteByte('{')
	for i, k := range keys {
		raw, err := ToJSON(ctx, attrs[k])
		if err != nil {
			return nil, err
		}
		if i > 0 {
			b.WriteByte(',')
		}
		kj, _ := json.Marshal(k)
		b.Write(kj)
		b.WriteByte(':')
		b.Write(raw)
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}
