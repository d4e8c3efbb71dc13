package stripe

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/customerops/terraform-provider-crm/internal/fields"
)

// customerModel is a customer in Terraform terms, shared by the resource
// and the data source.
type customerModel struct {
	ID               types.String   `tfsdk:"id"`
	Name             fields.Text    `tfsdk:"name"`
	Email            fields.Email   `tfsdk:"email"`
	Phone            fields.Text    `tfsdk:"phone"`
	Description      fields.Text    `tfsdk:"description"`
	Address          *addressModel  `tfsdk:"address"`
	Shipping         *shippingModel `tfsdk:"shipping"`
	Metadata         types.Map      `tfsdk:"metadata"`
	PreferredLocales types.List     `tfsdk:"preferred_locales"`
	TaxExempt        types.String   `tfsdk:"tax_exempt"`
	InvoicePrefix    types.String   `tfsdk:"invoice_prefix"`
	Created          types.Int64    `tfsdk:"created"`
	Livemode         types.Bool     `tfsdk:"livemode"`
	Delinquent       types.Bool     `tfsdk:"delinquent"`
	Currency         types.String   `tfsdk:"currency"`
	Balance          types.Int64    `tfsdk:"balance"`
}

type addressModel struct {
	Line1      fields.Text `tfsdk:"line1"`
	Line2      fields.Text `tfsdk:"line2"`
	City       fields.Text `tfsdk:"city"`
	State      fields.Text `tfsdk:"state"`
	PostalCode fields.Text `tfsdk:"postal_code"`
	Country    fields.Text `tfsdk:"country"`
}

type shippingModel struct {
	Name    fields.Text   `tfsdk:"name"`
	Phone   fields.Text   `tfsdk:"phone"`
	Address *addressModel `tfsdk:"address"`
}

// RecordID is the record's id, as the crud flow asks for it.
func (m *customerModel) RecordID() string { return m.ID.ValueString() }

// toCreate is the create body: every parameter the configuration sets, and
// nothing else (CONTRACT.md §4).
func (m *customerModel) toCreate(ctx context.Context) Form {
	f := Form{}
	for _, p := range m.strings() {
		if v := fields.StringPointer(p.v); v != nil && *v != "" {
			f.Set(p.key, *v)
		}
	}
	if m.Address != nil {
		f.setAddress("address", m.Address.toAPI(), false)
	}
	if m.Shipping != nil {
		f.setShipping(m.Shipping.toAPI(), false)
	}
	for k, v := range stringMap(ctx, m.Metadata) {
		f.Set("metadata["+k+"]", v)
	}
	if l := stringList(ctx, m.PreferredLocales); len(l) > 0 {
		f.setList("preferred_locales", l)
	}
	return f
}

type stringParam struct {
	key string
	v   interface {
		IsNull() bool
		IsUnknown() bool
		ValueString() string
	}
}

// strings are the top-level string parameters, by their API names.
func (m *customerModel) strings() []stringParam {
	return []stringParam{
		{"name", m.Name}, {"email", m.Email}, {"phone", m.Phone}, {"description", m.Description},
		{"tax_exempt", m.TaxExempt}, {"invoice_prefix", m.InvoicePrefix},
	}
}

// toUpdate is the update body: only the parameters whose planned value
// differs from state; a cleared one is sent empty, a metadata key removed
// is sent empty (CONTRACT.md §5).
func (m *customerModel) toUpdate(ctx context.Context, prior *customerModel) Form {
	f := Form{}
	was := prior.strings()
	for i, p := range m.strings() {
		if p.v.IsUnknown() {
			continue // kept by Stripe (invoice_prefix left to it)
		}
		now, before := p.v.ValueString(), was[i].v.ValueString()
		if now != before || p.v.IsNull() != was[i].v.IsNull() {
			if now != "" || before != "" {
				f.Set(p.key, now)
			}
		}
	}
	switch {
	case m.Address == nil && prior.Address != nil:
		f.Set("address", "")
	case m.Address != nil && !sameAddress(m.Address, prior.Address):
		f.setAddress("address", m.Address.toAPI(), true)
	}
	switch {
	case m.Shipping == nil && prior.Shipping != nil:
		f.Set("shipping", "")
	case m.Shipping != nil && (prior.Shipping == nil || !sameShipping(m.Shipping, prior.Shipping)):
		f.setShipping(m.Shipping.toAPI(), true)
	}
	now, before := stringMap(ctx, m.Metadata), stringMap(ctx, prior.Metadata)
	for k, v := range now {
		if old, ok := before[k]; !ok || old != v {
			f.Set("metadata["+k+"]", v)
		}
	}
	for k := range before {
		if _, ok := now[k]; !ok {
			f.Set("metadata["+k+"]", "")
		}
	}
	nl, bl := stringList(ctx, m.PreferredLocales), stringList(ctx, prior.PreferredLocales)
	if !equalStrings(nl, bl) {
		f.setList("preferred_locales", nl)
	}
	return f
}

func (a *addressModel) toAPI() *Address {
	return &Address{
		Line1: fields.StringPointer(a.Line1), Line2: fields.StringPointer(a.Line2), City: fields.StringPointer(a.City),
		State: fields.StringPointer(a.State), PostalCode: fields.StringPointer(a.PostalCode), Country: fields.StringPointer(a.Country),
	}
}

func (s *shippingModel) toAPI() *Shipping {
	out := &Shipping{Name: fields.StringPointer(s.Name), Phone: fields.StringPointer(s.Phone)}
	if s.Address != nil {
		out.Address = s.Address.toAPI()
	}
	return out
}

// sameAddress compares two addresses part by part, as written.
func sameAddress(a, b *addressModel) bool {
	if a == nil || b == nil {
		return a == b
	}
	pa, pb := a.parts(), b.parts()
	for i := range pa {
		if !pa[i].Equal(pb[i]) {
			return false
		}
	}
	return true
}

func (a *addressModel) parts() []fields.Text {
	return []fields.Text{a.Line1, a.Line2, a.City, a.State, a.PostalCode, a.Country}
}

func sameShipping(a, b *shippingModel) bool {
	return a.Name.Equal(b.Name) && a.Phone.Equal(b.Phone) && sameAddress(a.Address, b.Address)
}

// FromAPI refreshes every attribute from Stripe's answer. Optional strings
// keep the user's null-or-"" spelling.
func (m *customerModel) FromAPI(c *Customer) {
	m.ID = types.StringValue(c.ID)
	m.Name = fields.OptionalText(c.Name, m.Name)
	m.Email = fields.OptionalEmail(c.Email, m.Email)
	m.Phone = fields.OptionalText(c.Phone, m.Phone)
	m.Description = fields.OptionalText(c.Description, m.Description)
	m.Address = addressFromAPI(c.Address, m.Address)
	m.Shipping = shippingFromAPI(c.Shipping, m.Shipping)
	m.Metadata = metadataFromAPI(c.Metadata, m.Metadata)
	m.PreferredLocales = localesFromAPI(c.PreferredLocales, m.PreferredLocales)
	m.TaxExempt = types.StringValue(DefaultTaxExempt)
	if c.TaxExempt != nil && *c.TaxExempt != "" {
		m.TaxExempt = types.StringValue(*c.TaxExempt)
	}
	m.InvoicePrefix = fields.OptionalString(c.InvoicePrefix, types.StringNull())
	m.Created = types.Int64Value(c.Created)
	m.Livemode = types.BoolValue(c.Livemode)
	m.Delinquent = types.BoolPointerValue(c.Delinquent)
	m.Currency = types.StringPointerValue(c.Currency)
	m.Balance = types.Int64Value(c.Balance)
}

// addressFromAPI: Stripe answers null, or a hash whose parts may all be
// null; an all-null hash is no address unless the user wrote one.
func addressFromAPI(a *Address, prior *addressModel) *addressModel {
	if a == nil || (*a == Address{} && prior == nil) {
		return nil
	}
	p := prior
	if p == nil {
		p = &addressModel{}
		for _, t := range []*fields.Text{&p.Line1, &p.Line2, &p.City, &p.State, &p.PostalCode, &p.Country} {
			*t = fields.TextNull()
		}
	}
	return &addressModel{
		Line1: fields.OptionalText(a.Line1, p.Line1), Line2: fields.OptionalText(a.Line2, p.Line2),
		City: fields.OptionalText(a.City, p.City), State: fields.OptionalText(a.State, p.State),
		PostalCode: fields.OptionalText(a.PostalCode, p.PostalCode), Country: fields.OptionalText(a.Country, p.Country),
	}
}

func shippingFromAPI(s *Shipping, prior *shippingModel) *shippingModel {
	if s == nil {
		return nil
	}
	p := prior
	if p == nil {
		p = &shippingModel{Name: fields.TextNull(), Phone: fields.TextNull()}
	}
	addr := addressFromAPI(s.Address, p.Address)
	if addr == nil {
		addr = addressFromAPI(&Address{}, &addressModel{Line1: fields.TextNull(), Line2: fields.TextNull(), City: fields.TextNull(),
			State: fields.TextNull(), PostalCode: fields.TextNull(), Country: fields.TextNull()})
	}
	return &shippingModel{Name: fields.OptionalText(s.Name, p.Name), Phone: fields.OptionalText(s.Phone, p.Phone), Address: addr}
}

// metadataFromAPI: no metadata stays null when none was written.
func metadataFromAPI(md map[string]string, prior types.Map) types.Map {
	if len(md) == 0 && (prior.IsNull() || prior.IsUnknown()) {
		return types.MapNull(types.StringType)
	}
	vals := make(map[string]attr.Value, len(md))
	for k, v := range md {
		vals[k] = types.StringValue(v)
	}
	return types.MapValueMust(types.StringType, vals)
}

func localesFromAPI(l []string, prior types.List) types.List {
	if len(l) == 0 && (prior.IsNull() || prior.IsUnknown()) {
		return types.ListNull(types.StringType)
	}
	vals := make([]attr.Value, len(l))
	for i, v := range l {
		vals[i] = types.StringValue(v)
	}
	return types.ListValueMust(types.StringType, vals)
}

func stringMap(ctx context.Context, m types.Map) map[string]string {
	out := map[string]string{}
	if m.IsNull() || m.IsUnknown() {
		return out
	}
	_ = m.ElementsAs(ctx, &out, false)
	return out
}

func stringList(ctx context.Context, l types.List) []string {
	var out []string
	if l.IsNull() || l.IsUnknown() {
		return nil
	}
	_ = l.ElementsAs(ctx, &out, false)
	return out
}

func equalStrings(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
