package xtrakit

import (
	"strconv"

	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/customerops/terraform-provider-crm/internal/fields"
)

// groupModel is a customer group in Terraform terms.
type groupModel struct {
	ID           types.String `tfsdk:"id"`
	Name         fields.Text  `tfsdk:"name"`
	Description  fields.Text  `tfsdk:"description"`
	UserID       types.String `tfsdk:"user_id"`
	BusinessCode types.String `tfsdk:"business_code"`
	CreatedAt    types.String `tfsdk:"created_at"`
	UpdatedAt    types.String `tfsdk:"updated_at"`
}

func (m *groupModel) toInput() GroupInput {
	return GroupInput{GroupName: m.Name.ValueString(), GroupDescription: fields.StringPointer(m.Description)}
}

// RecordID is the record's id, as the crud flow and data sources ask for it.
func (m *groupModel) RecordID() string { return m.ID.ValueString() }

// FromAPI refreshes every attribute from the API's answer; optional values
// keep the user's null-or-"" spelling (see fields.OptionalText); an answer
// that differs only in surrounding blanks keeps the prior spelling
// (fields.Text).
func (m *groupModel) FromAPI(g *Group) {
	m.ID = types.StringValue(strconv.FormatInt(g.ID, 10))
	m.Name = fields.TextValue(g.GroupName)
	m.Description = fields.OptionalText(g.GroupDescription, m.Description)
	m.UserID = types.StringValue(g.UserID)
	m.BusinessCode = types.StringValue(string(g.BusinessCode))
	m.CreatedAt = types.StringValue(g.CreatedAt)
	m.UpdatedAt = types.StringValue(g.UpdatedAt)
}
