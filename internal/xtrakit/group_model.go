package xtrakit

import (
	"strconv"

	dschema "github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	rschema "github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/customerops/terraform-provider-crm/internal/fields"
)

var groupFields = []fields.StringField{
	required("name", "group_name", "Name of the group, usually short and saying what it is for."),
	optional("description", "group_description", "What the group is, its criteria and benefits."),
}

// groupModel is a customer group in Terraform terms.
type groupModel struct {
	ID           types.String `tfsdk:"id"`
	Name         types.String `tfsdk:"name"`
	Description  types.String `tfsdk:"description"`
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
// keep the user's null-or-"" spelling (see fields.OptionalString).
func (m *groupModel) FromAPI(g *Group) {
	m.ID = types.StringValue(strconv.FormatInt(g.ID, 10))
	m.Name = types.StringValue(g.GroupName)
	m.Description = fields.OptionalString(g.GroupDescription, m.Description)
	m.UserID = types.StringValue(g.UserID)
	m.BusinessCode = types.StringValue(string(g.BusinessCode))
	m.CreatedAt = types.StringValue(g.CreatedAt)
	m.UpdatedAt = types.StringValue(g.UpdatedAt)
}

func groupResourceAttributes() map[string]rschema.Attribute {
	return fields.ResourceAttributes(groupFields, map[string]rschema.Attribute{
		"id":            fields.ServerString("Group id assigned by Xtrakit (an integer, as a string).", true),
		"user_id":       fields.ServerString("Id (uuid) of the Xtrakit user that owns the group.", true),
		"business_code": fields.ServerString("Code of the Xtrakit business that owns the group.", true),
		"created_at":    fields.ServerString("When Xtrakit created the group (`YYYY-MM-DD HH:MM:SS`, no time zone).", true),
		"updated_at":    fields.ServerString("When Xtrakit last changed the group (`YYYY-MM-DD HH:MM:SS`, no time zone).", false),
	})
}

func groupDataSourceAttributes() map[string]dschema.Attribute {
	return fields.DataSourceAttributes(groupFields, map[string]dschema.Attribute{
		"id":            dschema.StringAttribute{MarkdownDescription: "Group id (an integer, as a string).", Required: true},
		"user_id":       dschema.StringAttribute{MarkdownDescription: "Id (uuid) of the Xtrakit user that owns the group.", Computed: true},
		"business_code": dschema.StringAttribute{MarkdownDescription: "Code of the Xtrakit business that owns the group.", Computed: true},
		"created_at":    dschema.StringAttribute{MarkdownDescription: "When Xtrakit created the group.", Computed: true},
		"updated_at":    dschema.StringAttribute{MarkdownDescription: "When Xtrakit last changed the group.", Computed: true},
	})
}
