package crud

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/customerops/terraform-provider-crm/internal/transport"
)

func TestOne(t *testing.T) {
	items := []thing{{ID: "1", Name: "a"}, {ID: "2", Name: "b"}, {ID: "3", Name: "b"}}
	pick := func(name string) (*thing, error) {
		return One(items, "thing", "name", name, func(t *thing) bool { return t.Name == name }, func(t *thing) string { return t.ID })
	}
	if got, err := pick("a"); err != nil || got.ID != "1" {
		t.Errorf("one match: %v, %v", got, err)
	}
	if _, err := pick("z"); !errors.Is(err, transport.ErrNotFound) || !strings.Contains(err.Error(), `no thing has name "z"`) {
		t.Errorf("no match: %v", err)
	}
	if _, err := pick("b"); err == nil || !strings.Contains(err.Error(), "ids 2, 3") {
		t.Errorf("two matches: %v", err)
	}
}

func TestChosenKey(t *testing.T) {
	typ := tftypes.Object{AttributeTypes: map[string]tftypes.Type{"id": tftypes.String, "email": tftypes.String}}
	val := func(id, email any) tftypes.Value {
		return tftypes.NewValue(typ, map[string]tftypes.Value{"id": tftypes.NewValue(tftypes.String, id), "email": tftypes.NewValue(tftypes.String, email)})
	}
	keys := []string{"id", "email"}
	for _, tc := range []struct {
		in         tftypes.Value
		key, value string
		ok         bool
	}{
		{val("7", nil), "id", "7", true},
		{val(nil, "a@x.com"), "email", "a@x.com", true},
		{val(tftypes.UnknownValue, "a@x.com"), "email", "a@x.com", true},
		{val(nil, nil), "", "", false},
	} {
		k, v, ok := chosenKey(tc.in, keys)
		if k != tc.key || v != tc.value || ok != tc.ok {
			t.Errorf("chosenKey(%v) = %q, %q, %v", tc.in, k, v, ok)
		}
	}
}

func TestMustFind(t *testing.T) {
	lookup := MustFind("thing", "email", func(_ context.Context, v string) (*thing, error) {
		if v == "a@x.com" {
			return &thing{ID: "1"}, nil
		}
		return nil, nil
	})
	if got, err := lookup(context.Background(), "a@x.com"); err != nil || got.ID != "1" {
		t.Errorf("found: %v, %v", got, err)
	}
	if _, err := lookup(context.Background(), "b@x.com"); !errors.Is(err, transport.ErrNotFound) || !strings.Contains(err.Error(), `no thing has email "b@x.com"`) {
		t.Errorf("none: %v", err)
	}
}
