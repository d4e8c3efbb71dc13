package xtrakit

import (
	dschema "github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	rschema "github.com/hashicorp/terraform-plugin-framework/resource/schema"

	"github.com/customerops/terraform-provider-crm/internal/fields"
)

var groupFields = []fields.StringField{
	required("name", "group_name", "Name of the group, usually short and saying what it is for."),
	optional("description", "group_description", "What the group is, its criteria and benefits."),
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
