package axim

import (
	"context"
	"sort"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/customerops/terraform-provider-crm/internal/fields"
)

// customerModel is a customer in Terraform terms, shared by the resource,
// the data source and the list data source.
type customerModel struct {
	ID            types.String   `tfsdk:"id"`
	FirstName     fields.Text    `tfsdk:"first_name"`
	LastName      fields.Text    `tfsdk:"last_name"`
	Email         fields.Email   `tfsdk:"email"`
	Status        types.String   `tfsdk:"status"`
	PhoneNumber   fields.Text    `tfsdk:"phone_number"`
	CompanyID     fields.Text    `tfsdk:"company_id"`
	Notes         fields.Text    `tfsdk:"notes"`
	Addresses     []addressModel `tfsdk:"addresses"`
	MetaFields    types.Dynamic  `tfsdk:"meta_fields"`
	Role          types.String   `tfsdk:"role"`
	VerifiedEmail types.Bool     `tfsdk:"verified_email"`
	Newsletter    types.Bool     `tfsdk:"newsletter"`
	IsB2B         types.Bool     `tfsdk:"is_b2b"`
	CreatedAt     types.String   `tfsdk:"created_at"`
	UpdatedAt     types.String   `tfsdk:"updated_at"`
}

// addressModel is one address, in the user's order. Axim's address ids
// are left out: every PUT re-issues them, so they would always show as
// changing.
type addressModel struct {
	FirstName   fields.Text `tfsdk:"first_name"`
	LastName    fields.Text `tfsdk:"last_name"`
	PhoneNumber fields.Text `tfsdk:"phone_number"`
	Address1    fields.Text `tfsdk:"address1"`
	Address2    fields.Text `tfsdk:"address2"`
	City        fields.Text `tfsdk:"city"`
	State       fields.Code `tfsdk:"state"`
	Country     fields.Code `tfsdk:"country"`
	Zipcode     fields.Text `tfsdk:"zipcode"`
	IsDefault   types.Bool  `tfsdk:"is_default"`
}

// RecordID is the record's id, as the crud flow asks for it.
func (m *customerModel) RecordID() string { return m.ID.ValueString() }

// toInput is the full body for create and for the replacing PUT.
func (m *customerModel) toInput(ctx context.Context) (CustomerInput, error) {
	in := CustomerInput{
		FirstName:   m.FirstName.ValueString(),
		LastName:    m.LastName.ValueString(),
		Email:       m.Email.ValueString(),
		Status:      m.Status.ValueString(),
		PhoneNumber: fields.StringPointer(m.PhoneNumber),
		Company:     fields.StringPointer(m.CompanyID),
		Notes:       fields.StringPointer(m.Notes),
		Address:     make([]Address, len(m.Addresses)),
		MetaFields:  []MetaField{},
	}
	for i, a := range m.Addresses {
		in.Address[i] = Address{
			FirstName: fields.StringPointer(a.FirstName), LastName: fields.StringPointer(a.LastName),
			PhoneNumber: fields.StringPointer(a.PhoneNumber), Address1: fields.StringPointer(a.Address1),
			Address2: fields.StringPointer(a.Address2), City: fields.StringPointer(a.City),
			State: fields.StringPointer(a.State), Country: fields.StringPointer(a.Country),
			Zipcode: fields.StringPointer(a.Zipcode), IsDefaultAddress: a.IsDefault.ValueBool(),
		}
	}
	meta, err := metaToAPI(ctx, m.MetaFields)
	if err != nil {
		return in, err
	}
	in.MetaFields = meta
	return in, nil
}

// FromAPI refreshes every attribute from the API's answer. Optional values
// keep the user's null-or-"" spelling; addresses are matched by position,
// which is the order Axim keeps.
func (m *customerModel) FromAPI(c *Customer) {
	m.ID = types.StringValue(c.ID)
	m.FirstName = fields.TextValue(c.FirstName)
	m.LastName = fields.TextValue(c.LastName)
	m.Email = fields.EmailValue(c.Email)
	m.Status = types.StringValue(c.Status)
	m.PhoneNumber = fields.OptionalText(c.PhoneNumber, m.PhoneNumber)
	m.CompanyID = fields.OptionalText(c.Company, m.CompanyID)
	m.Notes = fields.OptionalText(c.Notes, m.Notes)
	m.Addresses = addressesFromAPI(c.Address, m.Addresses)
	m.MetaFields = metaFromAPI(c.MetaFields, m.MetaFields)
	m.Role = fields.OptionalString(c.Role, types.StringNull())
	m.VerifiedEmail = types.BoolValue(c.VerifiedEmail)
	m.Newsletter = types.BoolValue(c.Newsletter)
	m.IsB2B = types.BoolValue(c.IsB2B)
	m.CreatedAt = types.StringValue(c.CreatedAt)
	m.UpdatedAt = types.StringValue(c.UpdatedAt)
}

func addressesFromAPI(api []Address, prior []addressModel) []addressModel {
	if len(api) == 0 && prior == nil {
		return nil // no addresses written, none stored
	}
	out := make([]addressModel, len(api))
	for i, a := range api {
		var p addressModel
		if i < len(prior) {
			p = prior[i]
		} else {
			p = nullAddress()
		}
		out[i] = addressModel{
			FirstName: fields.OptionalText(a.FirstName, p.FirstName), LastName: fields.OptionalText(a.LastName, p.LastName),
			PhoneNumber: fields.OptionalText(a.PhoneNumber, p.PhoneNumber), Address1: fields.OptionalText(a.Address1, p.Address1),
			Address2: fields.OptionalText(a.Address2, p.Address2), City: fields.OptionalText(a.City, p.City),
			State: fields.OptionalCode(a.State, p.State), Country: fields.OptionalCode(a.Country, p.Country),
			Zipcode: fields.OptionalText(a.Zipcode, p.Zipcode), IsDefault: types.BoolValue(a.IsDefaultAddress),
		}
	}
	return out
}

func nullAddress() addressModel {
	n, c := fields.TextNull(), fields.CodeNull()
	return addressModel{FirstName: n, LastName: n, PhoneNumber: n, Address1: n, Address2: n, City: n, State: c, Country: c, Zipcode: n}
}

// metaToAPI sends meta fields sorted by code, each value as its JSON type.
func metaToAPI(ctx context.Context, d types.Dynamic) ([]MetaField, error) {
	entries := metaEntries(d)
	codes := make([]string, 0, len(entries))
	for k := range entries {
		codes = append(codes, k)
	}
	sort.Strings(codes)
	out := make([]MetaField, 0, len(codes))
	for _, code := range codes {
		raw, err := fields.ToJSON(ctx, entries[code])
		if err != nil {
			return nil, err
		}
		out = append(out, MetaField{Code: code, Value: raw})
	}
	return out, nil
}

// metaEntries are the code -> value pairs of meta_fields, an object or a map.
func metaEntries(d types.Dynamic) map[string]attr.Value {
	if d.IsNull() || d.IsUnknown() {
		return nil
	}
	switch v := d.UnderlyingValue().(type) {
	case types.Object:
		return v.Attributes()
	case types.Map:
		return v.Elements()
	}
	return nil
}

// metaFromAPI builds meta_fields from Axim's list: an object whose values
// keep their JSON types, or a map when the user wrote one (tomap) and its
// values still fit it. No meta fields stay null when none were written.
// A code Axim answers without the blanks written around it keeps the
// written spelling (see metaCode).
func metaFromAPI(api []MetaField, prior types.Dynamic) types.Dynamic {
	if len(api) == 0 && (prior.IsNull() || prior.IsUnknown()) {
		return types.DynamicNull()
	}
	values := make(map[string]attr.Value, len(api))
	typs := make(map[string]attr.Type, len(api))
	ctx := context.Background()
	priorEntries := metaEntries(prior)
	answered := make(map[string]bool, len(api))
	for _, f := range api {
		answered[f.Code] = true
	}
	for _, f := range api {
		v, err := fields.FromJSON(f.Value)
		if err != nil {
			v = types.StringValue(string(f.Value)) // not JSON: show it as received
		}
		code := metaCode(f.Code, priorEntries, answered)
		values[code], typs[code] = v, v.Type(ctx)
	}
	if pm, ok := prior.UnderlyingValue().(types.Map); ok {
		if m, d := types.MapValue(pm.ElementType(ctx), values); !d.HasError() {
			return types.DynamicValue(m)
		}
	}
	o, _ := types.ObjectValue(typs, values)
	return types.DynamicValue(o)
}

// metaCode is the key an answered code takes: itself, unless the prior
// value has no such key but exactly one that means the same code
// (fields.SameText: Axim may store codes trimmed) and is not answered
// itself; that one keeps the written spelling, as semantic equality does
// for string attributes.
func metaCode(code string, prior map[string]attr.Value, answered map[string]bool) string {
	if _, ok := prior[code]; ok {
		return code
	}
	match := ""
	for k := range prior {
		if fields.SameText(k, code) && !answered[k] {
			if match != "" {
				return code
			}
			match = k
		}
	}
	if match == "" {
		return code
	}
	return match
}
