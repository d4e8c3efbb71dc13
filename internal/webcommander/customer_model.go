package webcommander

import (
	"context"
	"math/big"
	"strconv"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/customerops/terraform-provider-crm/internal/fields"
)

// customerModel is a customer in Terraform terms, shared by the resource
// and the data source.
type customerModel struct {
	ID                types.String `tfsdk:"id"`
	DisplayID         types.Int64  `tfsdk:"display_id"`
	FirstName         fields.Text  `tfsdk:"first_name"`
	LastName          fields.Text  `tfsdk:"last_name"`
	Email             fields.Email `tfsdk:"email"`
	Gender            fields.Text  `tfsdk:"gender"`
	CompanyName       fields.Text  `tfsdk:"company_name"`
	AddressLine       fields.Text  `tfsdk:"address_line"`
	Country           fields.Text  `tfsdk:"country"`
	State             fields.Text  `tfsdk:"state"`
	PostCode          fields.Text  `tfsdk:"post_code"`
	City              fields.Text  `tfsdk:"city"`
	Mobile            fields.Text  `tfsdk:"mobile"`
	Phone             fields.Text  `tfsdk:"phone"`
	ABN               fields.Text  `tfsdk:"abn"`
	ABNBranch         fields.Text  `tfsdk:"abn_branch"`
	ShippingProfileID types.Int64  `tfsdk:"shipping_profile_id"`
	Status            types.String `tfsdk:"status"`
	StoreCredit       types.Number `tfsdk:"store_credit"`
	CreditLimit       types.Number `tfsdk:"credit_limit"`
	AllowCreditLimit  types.Bool   `tfsdk:"allow_credit_limit"`
	PasswordExpired   types.Bool   `tfsdk:"password_expired"`
	Addresses         types.List   `tfsdk:"addresses"`
	CreatedAt         types.String `tfsdk:"created_at"`
}

// RecordID is the record's id, as the crud flow asks for it.
func (m *customerModel) RecordID() string { return m.ID.ValueString() }

// FromAPI maps the answer's shape back onto the request's attributes:
// sex is gender, the PRIMARY address holds the flat address fields,
// shipping_profile.id is shipping_profile_id. Country and state keep the
// spelling written (code or name) when the answer means the same place.
func (m *customerModel) FromAPI(c *Customer) {
	m.ID = types.StringValue(strconv.FormatInt(c.ID, 10))
	m.DisplayID = types.Int64Value(c.DisplayID)
	m.FirstName = fields.TextValue(c.FirstName)
	m.LastName = fields.OptionalText(c.LastName, m.LastName)
	m.Email = fields.OptionalEmail(c.Email, m.Email)
	m.Gender = fields.OptionalText(c.Sex, m.Gender)
	m.CompanyName = fields.OptionalText(c.CompanyName, m.CompanyName)
	m.ABN = fields.OptionalText(c.ABN, m.ABN)
	m.ABNBranch = fields.OptionalText(c.ABNBranch, m.ABNBranch)
	p := c.primary()
	if p == nil {
		p = &Address{}
	}
	m.AddressLine = fields.OptionalText(p.AddressLine1, m.AddressLine)
	m.City = fields.OptionalText(p.City, m.City)
	m.PostCode = fields.OptionalText(p.PostCode, m.PostCode)
	m.Mobile = fields.OptionalText(p.Mobile, m.Mobile)
	m.Phone = fields.OptionalText(p.Phone, m.Phone)
	m.Country = place(p.Country, m.Country)
	m.State = place(p.State, m.State)
	m.ShippingProfileID = types.Int64Null()
	if c.ShippingProfile != nil {
		if id, err := c.ShippingProfile.ID.Int64(); err == nil {
			m.ShippingProfileID = types.Int64Value(id)
		}
	}
	m.Status = types.StringValue(c.Status)
	m.StoreCredit = amount(c.StoreCredit)
	m.CreditLimit = amount(c.CreditLimit)
	m.AllowCreditLimit = types.BoolValue(c.AllowCreditLimit)
	m.PasswordExpired = types.BoolValue(c.CustomerPasswordExpired)
	m.Addresses = addressesValue(c.Addresses)
	m.CreatedAt = types.StringValue(c.CreatedAt)
}

// place is a country or state as written: the prior spelling when it
// names the answer's place, by code or by name, in any case and with or
// without blanks around it (samePlace); else the code, which is what an
// import reads and a generated configuration writes. This is semantic
// equality that needs the whole answer ({code, name}), so it is done here,
// where the model still holds the prior value (plan or state).
func place(n *Named, prior fields.Text) fields.Text {
	if n == nil || (n.Code == "" && n.Name == "") {
		return fields.OptionalText(nil, prior)
	}
	if !prior.IsNull() && !prior.IsUnknown() && samePlace(prior.ValueString(), n) {
		return prior
	}
	if n.Code != "" {
		return fields.TextValue(n.Code)
	}
	return fields.TextValue(n.Name)
}

// samePlace: written names the place n by its code or by its name.
func samePlace(written string, n *Named) bool {
	return (n.Code != "" && fields.SameCode(written, n.Code)) || (n.Name != "" && fields.SameCode(written, n.Name))
}

// amount reads a decimal amount the API answers as a number (150 for
// "150.00"); Terraform numbers compare by value, so no diff follows.
func amount(n interface{ String() string }) types.Number {
	s := n.String()
	if s == "" {
		s = "0"
	}
	f, _, err := big.ParseFloat(s, 10, 512, big.ToNearestEven)
	if err != nil {
		return types.NumberNull()
	}
	return types.NumberValue(f)
}

// amountText is an amount as the API takes it: a string with 2 decimals.
func amountText(n types.Number) string { return n.ValueBigFloat().Text('f', 2) }

var addressAttrTypes = map[string]attr.Type{
	"type": types.StringType, "address_line_1": types.StringType, "city": types.StringType, "post_code": types.StringType,
	"country_code": types.StringType, "state_code": types.StringType, "mobile": types.StringType, "phone": types.StringType,
}

func addressesValue(api []Address) types.List {
	elemType := types.ObjectType{AttrTypes: addressAttrTypes}
	elems := make([]attr.Value, 0, len(api))
	str := types.StringPointerValue
	code := func(n *Named) types.String {
		if n == nil {
			return types.StringNull()
		}
		return types.StringValue(n.Code)
	}
	for _, a := range api {
		o, _ := types.ObjectValue(addressAttrTypes, map[string]attr.Value{
			"type": types.StringValue(a.Type), "address_line_1": str(a.AddressLine1), "city": str(a.City),
			"post_code": str(a.PostCode), "country_code": code(a.Country), "state_code": code(a.State),
			"mobile": str(a.Mobile), "phone": str(a.Phone),
		})
		elems = append(elems, o)
	}
	l, _ := types.ListValue(elemType, elems)
	return l
}

// requestFields are the customer's values as the request names them, for
// every attribute that is known and set. Create sends them all; Update
// sends those that differ from the prior state.
func (m *customerModel) requestFields(_ context.Context) (customer, top map[string]any) {
	customer, top = map[string]any{}, map[string]any{}
	str := map[string]types.String{
		"first_name": m.FirstName.StringValue, "last_name": m.LastName.StringValue, "email": m.Email.StringValue,
		"gender": m.Gender.StringValue, "company_name": m.CompanyName.StringValue, "address_line": m.AddressLine.StringValue,
		"country": m.Country.StringValue, "state": m.State.StringValue, "post_code": m.PostCode.StringValue,
		"city": m.City.StringValue, "mobile": m.Mobile.StringValue, "phone": m.Phone.StringValue, "abn": m.ABN.StringValue,
		"abn_branch": m.ABNBranch.StringValue, "status": m.Status,
	}
	for k, v := range str {
		if !v.IsNull() && !v.IsUnknown() {
			customer[k] = v.ValueString()
		}
	}
	if known(m.ShippingProfileID) {
		customer["shipping_profile"] = m.ShippingProfileID.ValueInt64()
	}
	if known(m.StoreCredit) {
		top["store_credit"] = amountText(m.StoreCredit)
	}
	if known(m.CreditLimit) {
		top["credit_limit"] = amountText(m.CreditLimit)
	}
	if known(m.AllowCreditLimit) {
		top["allow_credit_limit"] = m.AllowCreditLimit.ValueBool()
	}
	if known(m.PasswordExpired) {
		top["customer_password_expired"] = m.PasswordExpired.ValueBool()
	}
	return customer, top
}

func known(v attr.Value) bool { return !v.IsNull() && !v.IsUnknown() }
