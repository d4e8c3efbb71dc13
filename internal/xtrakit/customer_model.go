package xtrakit

import (
	"strconv"

	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/customerops/terraform-provider-crm/internal/fields"
)

// customerModel is a customer in Terraform terms, shared by the resource,
// the data source and the list data source.
type customerModel struct {
	ID           types.String `tfsdk:"id"`
	GroupID      types.Int64  `tfsdk:"group_id"`
	Name         fields.Text  `tfsdk:"name"`
	Email        fields.Email `tfsdk:"email"`
	Phone        fields.Text  `tfsdk:"phone"`
	Whatsapp     fields.Text  `tfsdk:"whatsapp"`
	Country      fields.Text  `tfsdk:"country"`
	State        fields.Text  `tfsdk:"state"`
	City         fields.Text  `tfsdk:"city"`
	Zip          fields.Text  `tfsdk:"zip"`
	Address1     fields.Text  `tfsdk:"address1"`
	Address2     fields.Text  `tfsdk:"address2"`
	Profile      fields.Text  `tfsdk:"profile"`
	CreatedBy    fields.Text  `tfsdk:"created_by"`
	UserID       types.String `tfsdk:"user_id"`
	BusinessCode types.String `tfsdk:"business_code"`
	CreatedAt    types.String `tfsdk:"created_at"`
	UpdatedAt    types.String `tfsdk:"updated_at"`
}

// toInput is the full body for create and for the replacing PUT.
func (m *customerModel) toInput() CustomerInput {
	return CustomerInput{
		CustomerGroupID:  fields.Int64Pointer(m.GroupID),
		CustomerName:     m.Name.ValueString(),
		CustomerEmail:    fields.StringPointer(m.Email),
		CustomerPhone:    m.Phone.ValueString(),
		CustomerWhatsapp: fields.StringPointer(m.Whatsapp),
		CustomerCountry:  m.Country.ValueString(),
		CustomerCity:     m.City.ValueString(),
		CustomerState:    m.State.ValueString(),
		CustomerZip:      fields.StringPointer(m.Zip),
		Address1:         m.Address1.ValueString(),
		Address2:         fields.StringPointer(m.Address2),
		CustomerProfile:  fields.StringPointer(m.Profile),
		CreatedBy:        m.CreatedBy.ValueString(),
	}
}

// RecordID is the record's id, as the crud flow and data sources ask for it.
func (m *customerModel) RecordID() string { return m.ID.ValueString() }

// FromAPI refreshes every attribute from the API's answer as Xtrakit
// spells it; optional values keep the user's null-or-"" spelling (see
// fields.OptionalText). Where the answer means what the prior value says
// (blanks trimmed, an e-mail in another case), the framework keeps the
// prior spelling: see fields.Text and fields.Email.
func (m *customerModel) FromAPI(c *Customer) {
	m.ID = types.StringValue(strconv.FormatInt(c.ID, 10))
	m.GroupID = types.Int64PointerValue(c.CustomerGroupID)
	m.Name = fields.TextValue(c.CustomerName)
	m.Email = fields.OptionalEmail(c.CustomerEmail, m.Email)
	m.Phone = fields.TextValue(c.CustomerPhone)
	m.Whatsapp = fields.OptionalText(c.CustomerWhatsapp, m.Whatsapp)
	m.Country = fields.TextValue(c.CustomerCountry)
	m.State = fields.TextValue(c.CustomerState)
	m.City = fields.TextValue(c.CustomerCity)
	m.Zip = fields.OptionalText(c.CustomerZip, m.Zip)
	m.Address1 = fields.TextValue(c.Address1)
	m.Address2 = fields.OptionalText(c.Address2, m.Address2)
	m.Profile = fields.OptionalText(c.CustomerProfile, m.Profile)
	m.CreatedBy = fields.TextValue(c.CreatedBy)
	m.UserID = types.StringValue(c.UserID)
	m.BusinessCode = types.StringValue(string(c.BusinessCode))
	m.CreatedAt = types.StringValue(c.CreatedAt)
	m.UpdatedAt = types.StringValue(c.UpdatedAt)
}
