package xtrakit

import (
	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	dschema "github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	rschema "github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"

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
		Description: "E-mail address, in any case (compared case-insensitively). Sent as `customer_email`. Optional, a valid address of at most 255 characters.",
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

// How a customer data source schema shows the id and e-mail.
const (
	lookupByKey = true  // crm_xtrakit_customer: id or email given by the user
	listed      = false // crm_xtrakit_customers: everything computed
)
