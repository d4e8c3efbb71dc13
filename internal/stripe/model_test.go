package stripe

import (
	"context"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/customerops/terraform-provider-crm/internal/fields"
)

func tv(s string) fields.Text { return fields.TextValue(s) }

func nullAddress() *addressModel {
	n := fields.TextNull()
	return &addressModel{Line1: n, Line2: n, City: n, State: n, PostalCode: n, Country: n}
}

// fullModel is a customer with every attribute set.
func fullModel() *customerModel {
	ship := nullAddress()
	ship.Line1, ship.City, ship.Country = tv("1 Market St"), tv("San Francisco"), tv("US")
	return &customerModel{
		Name: tv("Jenny Rosen"), Email: fields.EmailValue("jenny.rosen@example.com"), Phone: tv("+14155550123"),
		Description: tv("Our first customer"),
		Address: &addressModel{Line1: tv("510 Townsend St"), Line2: tv("Floor 2"), City: tv("San Francisco"),
			State: tv("CA"), PostalCode: tv("94103"), Country: tv("US")},
		Shipping:         &shippingModel{Name: tv("Jenny Rosen"), Phone: fields.TextNull(), Address: ship},
		Metadata:         types.MapValueMust(types.StringType, map[string]attr.Value{"order_id": types.StringValue("6735"), "tier": types.StringValue("gold")}),
		PreferredLocales: types.ListValueMust(types.StringType, []attr.Value{types.StringValue("en"), types.StringValue("fr-CA")}),
		TaxExempt:        types.StringValue("exempt"), InvoicePrefix: types.StringValue("JENNY01"),
	}
}

// minimalModel is a customer with only an e-mail.
func minimalModel() *customerModel {
	n := fields.TextNull()
	return &customerModel{Name: n, Email: fields.EmailValue("jenny.rosen@example.com"), Phone: n, Description: n,
		Metadata: types.MapNull(types.StringType), PreferredLocales: types.ListNull(types.StringType),
		TaxExempt: types.StringValue("none"), InvoicePrefix: types.StringUnknown()}
}

// updates are each kind of change from fullModel, with the body it sends.
func updates() []struct {
	name string
	plan *customerModel
	want string
} {
	type u = struct {
		name string
		plan *customerModel
		want string
	}
	var out []u
	m := fullModel()
	m.Name = tv("Jenny R. Rosen")
	out = append(out, u{"change a field", m, "name=Jenny+R.+Rosen"})
	m = fullModel()
	m.Description = fields.TextNull()
	out = append(out, u{"clear a field", m, "description="})
	m = fullModel()
	m.Metadata = types.MapValueMust(types.StringType, map[string]attr.Value{"tier": types.StringValue("gold")})
	out = append(out, u{"unset a metadata key", m, "metadata%5Border_id%5D="})
	m = fullModel()
	m.Address = nullAddress()
	m.Address.Line1 = tv("1 Main St")
	out = append(out, u{"change the address", m, "address%5Bcity%5D=&address%5Bcountry%5D=&address%5Bline1%5D=1+Main+St&address%5Bline2%5D=&address%5Bpostal_code%5D=&address%5Bstate%5D="})
	m = fullModel()
	m.Address, m.Shipping = nil, nil
	out = append(out, u{"clear the hashes", m, "address=&shipping="})
	m = fullModel()
	m.PreferredLocales = types.ListNull(types.StringType)
	out = append(out, u{"clear the locales", m, "preferred_locales="})
	m = fullModel()
	m.PreferredLocales = types.ListValueMust(types.StringType, []attr.Value{types.StringValue("de")})
	m.TaxExempt = types.StringValue("reverse")
	out = append(out, u{"change locales and tax_exempt", m, "preferred_locales%5B0%5D=de&tax_exempt=reverse"})
	return out
}

func TestToCreate(t *testing.T) {
	ctx := context.Background()
	if got, want := minimalModel().toCreate(ctx).Encode(), "email=jenny.rosen%40example.com&tax_exempt=none"; got != want {
		t.Errorf("minimal create = %s, want %s", got, want)
	}
	got := fullModel().toCreate(ctx).Encode()
	want := "address%5Bcity%5D=San+Francisco&address%5Bcountry%5D=US&address%5Bline1%5D=510+Townsend+St&address%5Bline2%5D=Floor+2" +
		"&address%5Bpostal_code%5D=94103&address%5Bstate%5D=CA&description=Our+first+customer&email=jenny.rosen%40example.com" +
		"&invoice_prefix=JENNY01&metadata%5Border_id%5D=6735&metadata%5Btier%5D=gold&name=Jenny+Rosen&phone=%2B14155550123" +
		"&preferred_locales%5B0%5D=en&preferred_locales%5B1%5D=fr-CA&shipping%5Baddress%5D%5Bcity%5D=San+Francisco" +
		"&shipping%5Baddress%5D%5Bcountry%5D=US&shipping%5Baddress%5D%5Bline1%5D=1+Market+St&shipping%5Bname%5D=Jenny+Rosen&tax_exempt=exempt"
	if got != want {
		t.Errorf("full create =\n %s\nwant\n %s", got, want)
	}
}

func TestToUpdate(t *testing.T) {
	ctx := context.Background()
	for _, u := range updates() {
		if got := u.plan.toUpdate(ctx, fullModel()).Encode(); got != u.want {
			t.Errorf("%s: sends %s, want %s", u.name, got, u.want)
		}
	}
	if got := fullModel().toUpdate(ctx, fullModel()).Encode(); got != "" {
		t.Errorf("no change sends %s", got)
	}
}

// TestFromAPI: an answer maps to every attribute; optional strings keep
// the written "" and absent hashes stay null.
func TestFromAPI(t *testing.T) {
	s := func(v string) *string { return &v }
	m := minimalModel()
	m.Description = tv("")
	m.FromAPI(&Customer{ID: "cus_1", Email: s("jenny.rosen@example.com"), InvoicePrefix: s("ABCD1234"), Created: 1700000000,
		Metadata: map[string]string{}, PreferredLocales: []string{}, Address: &Address{}})
	if m.ID.ValueString() != "cus_1" || m.InvoicePrefix.ValueString() != "ABCD1234" || m.Created.ValueInt64() != 1700000000 {
		t.Errorf("got %+v", m)
	}
	if !m.Metadata.IsNull() || !m.PreferredLocales.IsNull() || m.Address != nil || m.Description.ValueString() != "" || m.Description.IsNull() {
		t.Errorf("empty values: metadata %v, locales %v, address %v, description %v", m.Metadata, m.PreferredLocales, m.Address, m.Description)
	}
	if m.TaxExempt.ValueString() != "none" || !m.Delinquent.IsNull() || !m.Currency.IsNull() {
		t.Errorf("tax_exempt %v delinquent %v currency %v", m.TaxExempt, m.Delinquent, m.Currency)
	}
}
