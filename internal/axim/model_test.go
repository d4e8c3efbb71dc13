package axim

import (
	"context"
	"encoding/json"
	"math/big"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/customerops/terraform-provider-crm/internal/fields"
)

func strp(s string) *string { return &s }

func metaOf(t *testing.T, values map[string]attr.Value) types.Dynamic {
	t.Helper()
	typs := map[string]attr.Type{}
	for k, v := range values {
		typs[k] = v.Type(context.Background())
	}
	o, d := types.ObjectValue(typs, values)
	if d.HasError() {
		t.Fatal(d)
	}
	return types.DynamicValue(o)
}

func configured(t *testing.T) customerModel {
	n, nc := fields.TextNull(), fields.CodeNull()
	return customerModel{
		FirstName: fields.TextValue("John"), LastName: fields.TextValue("Doe"), Email: fields.EmailValue("john@aximcommerce.com"),
		Status: types.StringValue("active"), PhoneNumber: fields.TextValue("65161861"), CompanyID: n, Notes: fields.TextValue(""),
		Addresses: []addressModel{
			{FirstName: fields.TextValue("John"), LastName: n, PhoneNumber: n, Address1: fields.TextValue("12/4, test st"),
				Address2: fields.TextValue(""), City: fields.TextValue("Elizabeth"), State: fields.CodeValue("NJ"),
				Country: fields.CodeValue("US"), Zipcode: fields.TextValue("07202"), IsDefault: types.BoolValue(true)},
			{FirstName: n, LastName: n, PhoneNumber: n, Address1: fields.TextValue("1 Second Ave"), Address2: n, City: n,
				State: nc, Country: fields.CodeValue("US"), Zipcode: n, IsDefault: types.BoolValue(false)},
		},
		MetaFields: metaOf(t, map[string]attr.Value{
			"p21_contact_id": types.NumberValue(big.NewFloat(12548)),
			"tier":           types.StringValue("gold"),
			"vip":            types.BoolValue(true),
		}),
	}
}

// The body is the contract's, field for field, meta values in their JSON
// types and ordered by code.
func TestToInput(t *testing.T) {
	m := configured(t)
	in, err := m.toInput(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	got, _ := json.Marshal(in)
	want := `{"firstName":"John","lastName":"Doe","email":"john@aximcommerce.com","status":"active","phoneNumber":"65161861",` +
		`"company":null,"notes":"","address":[` +
		`{"firstName":"John","lastName":null,"phoneNumber":null,"address1":"12/4, test st","address2":"","city":"Elizabeth","state":"NJ","country":"US","zipcode":"07202","isDefaultAddress":true},` +
		`{"firstName":null,"lastName":null,"phoneNumber":null,"address1":"1 Second Ave","address2":null,"city":null,"state":null,"country":"US","zipcode":null,"isDefaultAddress":false}],` +
		`"metaFields":[{"code":"p21_contact_id","value":12548},{"code":"tier","value":"gold"},{"code":"vip","value":true}]}`
	if string(got) != want {
		t.Errorf("body\n got %s\nwant %s", got, want)
	}
}

// Reading Axim's answer back gives the configured model: meta values keep
// their types, address ids are dropped, "" and null stay as written.
func TestFromAPIGivesBackWhatWasConfigured(t *testing.T) {
	m := configured(t)
	in, _ := m.toInput(context.Background())
	answer := Customer{
		ID: "638df9e713920facde1a1cfa", FirstName: in.FirstName, LastName: in.LastName, Email: in.Email, Status: in.Status,
		PhoneNumber: in.PhoneNumber, Company: nil, Notes: nil, MetaFields: in.MetaFields, Role: strp("5f1c2a9e3b4d4e5f8a7b9c0d"),
		CreatedAt: "2024-08-12T07:03:13.111Z", UpdatedAt: "2024-08-12T07:03:13.111Z",
	}
	for i, a := range in.Address {
		a.ID = "aaaaaaaaaaaaaaaaaaaaaaa" + string(rune('0'+i))
		if a.Address2 == nil {
			a.Address2 = strp("") // Axim may answer "" for what was null
		}
		answer.Address = append(answer.Address, a)
	}
	got := configured(t)
	got.FromAPI(&answer)
	want := configured(t)
	if !got.MetaFields.Equal(want.MetaFields) {
		t.Errorf("meta_fields = %v, want %v", got.MetaFields, want.MetaFields)
	}
	if len(got.Addresses) != 2 || got.Addresses[0] != want.Addresses[0] || got.Addresses[1] != want.Addresses[1] {
		t.Errorf("addresses = %+v, want %+v", got.Addresses, want.Addresses)
	}
	if !got.Notes.Equal(fields.TextValue("")) || !got.CompanyID.IsNull() || got.ID.ValueString() != answer.ID {
		t.Errorf("notes %v, company %v, id %v", got.Notes, got.CompanyID, got.ID)
	}
}

// No meta fields and no addresses written, none stored: both stay null;
// written empty, they stay empty.
func TestEmptyCollections(t *testing.T) {
	m := customerModel{MetaFields: types.DynamicNull()}
	m.FromAPI(&Customer{ID: "638df9e713920facde1a1cfa", Address: []Address{}, MetaFields: []MetaField{}})
	if m.Addresses != nil || !m.MetaFields.IsNull() {
		t.Errorf("got addresses %v, meta %v; want both null", m.Addresses, m.MetaFields)
	}
	m = customerModel{Addresses: []addressModel{}, MetaFields: metaOf(t, map[string]attr.Value{})}
	m.FromAPI(&Customer{ID: "638df9e713920facde1a1cfa"})
	if m.Addresses == nil || len(m.Addresses) != 0 || m.MetaFields.IsNull() {
		t.Errorf("got addresses %v, meta %v; want both empty, not null", m.Addresses, m.MetaFields)
	}
}

func TestDecodeError(t *testing.T) {
	gone := decodeError(404, []byte(`{"success":false,"message":"Customer not found"}`))
	other := decodeError(404, []byte(`<html>Not Found</html>`))
	dup := decodeError(400, []byte(`{"success":false,"message":"Customer with this email already exists","errors":[{"field":"email","message":"taken"}]}`))
	if !gone.NotFound || other.NotFound {
		t.Errorf("only Axim's own 404 means gone: %+v, %+v", gone, other)
	}
	if dup.Field != "email" || len(dup.Details) != 1 || dup.Message != "Customer with this email already exists" {
		t.Errorf("duplicate: %+v", dup)
	}
}

// TestMetaCodeKeepsTheWrittenSpelling: a meta field code Axim answers in
// its own spelling (trimmed) takes the key the configuration wrote, when
// exactly one written key means the same code and no answered field holds
// that key itself; otherwise the answered code stands.
func TestMetaCodeKeepsTheWrittenSpelling(t *testing.T) {
	v := types.StringValue("x")
	for _, c := range []struct {
		name     string
		code     string
		prior    []string
		answered []string
		want     string
	}{
		{"same key", "vip", []string{"vip"}, []string{"vip"}, "vip"},
		{"trimmed by Axim", "vip", []string{" vip "}, []string{"vip"}, " vip "},
		{"no prior", "vip", nil, []string{"vip"}, "vip"},
		{"another code", "tier", []string{" vip"}, []string{"tier"}, "tier"},
		{"two written spellings", "vip", []string{" vip", "vip\t"}, []string{"vip"}, "vip"},
		{"the written key is answered too", "vip", []string{" vip"}, []string{"vip", " vip"}, "vip"},
	} {
		prior := map[string]attr.Value{}
		for _, k := range c.prior {
			prior[k] = v
		}
		answered := map[string]bool{}
		for _, k := range c.answered {
			answered[k] = true
		}
		if got := metaCode(c.code, prior, answered); got != c.want {
			t.Errorf("%s: metaCode(%q) = %q, want %q", c.name, c.code, got, c.want)
		}
	}
}
