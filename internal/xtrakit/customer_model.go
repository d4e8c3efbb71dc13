package xtrakit

import (
	"strconv"

	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	dschema "github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	rschema "github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/customerops/terraform-provider-crm/internal/fields"
)

// maxText is Xtrakit's limit on every string field (contract: > 255 → 422).
const maxText = 255

func required(name, apiField, what string) fields.StringField {
	return fields.StringField{
		Name:        name,
		Description: what + " Sent as `" + apiField + "`. Required, 1 to 255 characters.",
		Required:    true,
		Validators:  []validator.String{fields.RequiredText(maxText)},
	}
}

func optional(name, apiField, what string) fields.StringField {
	return fields.StringField{
		Name:        name,
		Description: what + " Sent as `" + apiField + "`. Optional, at most 255 characters.",
		Validators:  []validator.String{fields.MaxLength(maxText)},
	}
}

// customerFields are the customer's user-set strings, in the API's order.
var customerFields = []fields.StringField{
	required("name", "customer_name", "Full name of the customer."),
	{
		Name:        "email",
		Description: "E-mail address, in lower case. Sent as `customer_email`. Optional, a valid address of at most 255 characters.",
		Email:       true,
		Validators:  []validator.String{fields.MaxLength(maxText), fields.EmailFormat()},
	},
	required("phone", "customer_phone", "Primary phone number."),
	optional("whatsapp", "customer_whatsapp", "WhatsApp number."),
	required("country", "customer_country", "Country of residence."),
	required("state", "customer_state", "State or region."),
	required("city", "customer_city", "City."),
	optional("zip", "customer_zip", "Postal code, kept as a string (leading zeros stay)."),
	required("address1", "address1", "First address line."),
	optional("address2", "address2", "Second address line."),
	optional("profile", "customer_profile", "URL or path of a profile image."),
	required("created_by", "created_by", "Who created the record (a name or username)."),
}

const groupIDDescription = "Id of the customer group this customer belongs to. Sent as `customer_group_id`. Optional, a positive integer naming an existing group; remove it to take the customer out of its group."

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

func customerResourceAttributes() map[string]rschema.Attribute {
	return fields.ResourceAttributes(customerFields, map[string]rschema.Attribute{
		"id": fields.ServerString("Customer id assigned by Xtrakit (an integer, as a string).", true),
		"group_id": rschema.Int64Attribute{
			MarkdownDescription: groupIDDescription,
			Optional:            true,
			Validators:          []validator.Int64{int64validator.AtLeast(1)},
		},
		"user_id":       fields.ServerString("Id (uuid) of the Xtrakit user that owns the record.", true),
		"business_code": fields.ServerString("Code of the Xtrakit business that owns the record.", true),
		"created_at":    fields.ServerString("When Xtrakit created the record (`YYYY-MM-DD HH:MM:SS`, no time zone).", true),
		"updated_at":    fields.ServerString("When Xtrakit last changed the record (`YYYY-MM-DD HH:MM:SS`, no time zone).", false),
	})
}

// How a customer data source schema shows the id and e-mail.
const (
	lookupByKey = true  // crm_xtrakit_customer: id or email given by the user
	listed      = false // crm_xtrakit_customers: everything computed
)

func customerDataSourceAttributes(lookup bool) map[string]dschema.Attribute {
	attrs := fields.DataSourceAttributes(customerFields, map[string]dschema.Attribute{
		"id": dschema.StringAttribute{
			MarkdownDescription: "Customer id (an integer, as a string).",
			Optional:            lookup,
			Computed:            true,
		},
		"group_id":      dschema.Int64Attribute{MarkdownDescription: "Id of the customer's group, if any.", Computed: true},
		"user_id":       dschema.StringAttribute{MarkdownDescription: "Id (uuid) of the Xtrakit user that owns the record.", Computed: true},
		"business_code": dschema.StringAttribute{MarkdownDescription: "Code of the Xtrakit business that owns the record.", Computed: true},
		"created_at":    dschema.StringAttribute{MarkdownDescription: "When Xtrakit created the record.", Computed: true},
		"updated_at":    dschema.StringAttribute{MarkdownDescription: "When Xtrakit last changed the record.", Computed: true},
	})
	if lookup {
		attrs["email"] = fields.LookupEmail("E-mail address of the customer to read (case-insensitive).")
	}
	return attrs
}
