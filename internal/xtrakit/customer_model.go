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
	Name         types.String `tfsdk:"name"`
	Email        fields.Email `tfsdk:"email"`
	Phone        types.String `tfsdk:"phone"`
	Whatsapp     types.String `tfsdk:"whatsapp"`
	Country      types.String `tfsdk:"country"`
	State        types.String `tfsdk:"state"`
	City         types.String `tfsdk:"city"`
	Zip          types.String `tfsdk:"zip"`
	Address1     types.String `tfsdk:"address1"`
	Address2     types.String `tfsdk:"address2"`
	Profile      types.String `tfsdk:"profile"`
	CreatedBy    types.String `tfsdk:"created_by"`
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

// FromAPI refreshes every attribute from the API's answer; optional values
// keep the user's null-or-"" spelling (see fields.OptionalString).
func (m *customerModel) FromAPI(c *Customer) {
	m.ID = types.StringValue(strconv.FormatInt(c.ID, 10))
	m.GroupID = types.Int64PointerValue(c.CustomerGroupID)
	m.Name = types.StringValue(c.CustomerName)
	m.Email = fields.OptionalEmail(c.CustomerEmail, m.Email)
	m.Phone = types.StringValue(c.CustomerPhone)
	m.Whatsapp = fields.OptionalString(c.CustomerWhatsapp, m.Whatsapp)
	m.Country = types.StringValue(c.CustomerCountry)
	m.State = types.StringValue(c.CustomerState)
	m.City = types.StringValue(c.CustomerCity)
	m.Zip = fields.OptionalString(c.CustomerZip, m.Zip)
	m.Address1 = types.StringValue(c.Address1)
	m.Address2 = fields.OptionalString(c.Address2, m.Address2)
	m.Profile = fields.OptionalString(c.CustomerProfile, m.Profile)
	m.CreatedBy = types.StringValue(c.CreatedBy)
	m.UserID = types.StringValue(c.UserID)
	m.BusinessCode = types.StringValue(string(c.BusinessCode))
	m.CreatedAt = types.StringValue(c.CreatedAt)
	m.UpdatedAt = types.StringValue(c.UpdatedAt)
}
