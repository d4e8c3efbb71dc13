package axim

import (
	"context"
	"fmt"
	"regexp"

	dschema "github.com/hashicorp/terraform-plugin-framework/datasource/schema"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/booldefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/boolplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringdefault"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	rschema "github.com/hashicorp/terraform-plugin-framework/resource/schema"

	"github.com/customerops/terraform-provider-crm/internal/fields"
)

// Axim's rules (CONTRACT.md §4), checked at plan time.
var (
	statuses       = []string{"active", "pending", "inactive"}
	countryPattern = regexp.MustCompile(`(?i)^[A-Z]{2}$`)
	statePattern   = regexp.MustCompile(`(?i)^[A-Z0-9]{1,3}$`)
)

// DefaultStatus is sent when the configuration sets none: Axim requires a
// status on create.
const DefaultStatus = "active"

func required(name, apiField, what string) fields.StringField {
	return fields.StringField{
		Name:        name,
		Description: what + " Sent as `" + apiField + "`. Required, not blank.",
		Required:    true,
		Validators:  []validator.String{fields.NotBlank()},
	}
}

func optional(name, apiField, what string) fields.StringField {
	return fields.StringField{Name: name, Description: what + " Sent as `" + apiField + "`. Optional."}
}

// customerFields are the customer's user-set strings, in the API's order.
var customerFields = []fields.StringField{
	required("first_name", "firstName", "First name."),
	required("last_name", "lastName", "Last name."),
	{
		Name: "email",
		Description: "E-mail address, unique in the store, in any case (compared case-insensitively). Sent as `email`. " +
			"Required, a valid address. A customer with this e-mail that already exists is refused by Axim: import it instead.",
		Required:   true,
		Email:      true,
		Validators: []validator.String{fields.EmailFormat()},
	},
	optional("phone_number", "phoneNumber", "Phone number."),
	{
		Name:        "company_id",
		Description: "Id of the company (B2B account) the customer belongs to. Sent as `company`. Optional, an Axim id (24 lower-case hexadecimal characters).",
		Validators:  []validator.String{stringvalidator.RegexMatches(IDs.Pattern, "must be an Axim id: 24 lower-case hexadecimal characters")},
	},
	optional("notes", "notes", "Free-text notes."),
}

// addressFields are an address's strings; country and state are codes,
// compared case-insensitively (fields.Code) and checked without the blanks
// around them, which Axim takes (and may trim).
var addressFields = []fields.StringField{
	optional("first_name", "firstName", "First name of the contact at this address."),
	optional("last_name", "lastName", "Last name of the contact at this address."),
	optional("phone_number", "phoneNumber", "Phone number for this address."),
	optional("address1", "address1", "First address line."),
	optional("address2", "address2", "Second address line."),
	optional("city", "city", "City."),
	{
		Name:        "state",
		Description: "State or region code, such as `NJ`. Sent as `state`. Optional, 1 to 3 letters or digits, in any case (compared case-insensitively).",
		Code:        true,
		Validators:  []validator.String{fields.MatchesTrimmed(statePattern, "must be a state code of 1 to 3 letters or digits, such as NJ")},
	},
	{
		Name:        "country",
		Description: "Country as an ISO 3166-1 alpha-2 code, such as `US`. Sent as `country`. Optional, 2 letters, in any case (compared case-insensitively).",
		Code:        true,
		Validators:  []validator.String{fields.MatchesTrimmed(countryPattern, "must be a 2-letter country code, such as US")},
	},
	optional("zipcode", "zipcode", "Postal code, kept as a string (leading zeros stay)."),
}

const metaDescription = "Custom fields, `code = value`: each value is a string, a number or a bool and keeps its type " +
	"(`loyalty_id = 12548` is stored and read back as the number 12548). Sent as `metaFields`, a list of " +
	"`{code, value}` ordered by code."

func customerResourceAttributes() map[string]rschema.Attribute {
	addr := fields.ResourceAttributes(addressFields, map[string]rschema.Attribute{
		"is_default": rschema.BoolAttribute{
			MarkdownDescription: "Whether this is the customer's default address. Sent as `isDefaultAddress`. At most one address may be the default. Defaults to `false`.",
			Optional:            true,
			Computed:            true,
			Default:             booldefault.StaticBool(false),
		},
	})
	stable := []planmodifier.Bool{boolplanmodifier.UseStateForUnknown()}
	return fields.ResourceAttributes(customerFields, map[string]rschema.Attribute{
		"id": fields.ServerString("Customer id assigned by Axim (24 hexadecimal characters).", true),
		"status": rschema.StringAttribute{
			MarkdownDescription: fmt.Sprintf("Status of the customer: `active`, `pending` or `inactive`. Sent as `status`. Defaults to `%s`.", DefaultStatus),
			Optional:            true,
			Computed:            true,
			Default:             stringdefault.StaticString(DefaultStatus),
			Validators:          []validator.String{stringvalidator.OneOf(statuses...)},
		},
		"addresses": rschema.ListNestedAttribute{
			MarkdownDescription: "The customer's addresses, in order. Sent as `address`. Adding, removing or reordering one " +
				"shows as exactly that change. Axim gives every address a new id on each update, so ids are not kept.",
			Optional:     true,
			NestedObject: rschema.NestedAttributeObject{Attributes: addr},
			Validators:   []validator.List{atMostOneDefault{}},
		},
		"meta_fields": rschema.DynamicAttribute{
			MarkdownDescription: metaDescription,
			Optional:            true,
			Validators:          []validator.Dynamic{metaValues{}},
		},
		"role":           fields.ServerString("Id of the customer's role in Axim.", true),
		"verified_email": rschema.BoolAttribute{MarkdownDescription: "Whether the customer verified the e-mail address.", Computed: true, PlanModifiers: stable},
		"newsletter":     rschema.BoolAttribute{MarkdownDescription: "Whether the customer subscribed to the newsletter.", Computed: true, PlanModifiers: stable},
		"is_b2b":         rschema.BoolAttribute{MarkdownDescription: "Whether the customer is a business customer.", Computed: true, PlanModifiers: stable},
		"created_at":     fields.ServerString("When Axim created the customer (ISO 8601).", true),
		"updated_at":     fields.ServerString("When Axim last changed the customer (ISO 8601).", false),
	})
}

// atMostOneDefault refuses two default addresses, as Axim does.
type atMostOneDefault struct{}

func (atMostOneDefault) Description(context.Context) string {
	return "at most one address may be the default (is_default = true)"
}
func (v atMostOneDefault) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

func (v atMostOneDefault) ValidateList(ctx context.Context, req validator.ListRequest, resp *validator.ListResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	var defaults []int
	for i, e := range req.ConfigValue.Elements() {
		o, ok := e.(types.Object)
		if !ok || o.IsNull() || o.IsUnknown() {
			continue
		}
		if b, ok := o.Attributes()["is_default"].(types.Bool); ok && b.ValueBool() {
			defaults = append(defaults, i)
		}
	}
	if len(defaults) > 1 {
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid Attribute Value",
			fmt.Sprintf("Attribute %s: %s, but addresses %v are all marked default.", req.Path, v.Description(ctx), defaults))
	}
}

// metaValues accepts an object or map whose values are strings, numbers
// or bools: what Axim's meta fields store.
type metaValues struct{}

func (metaValues) Description(context.Context) string {
	return "must be an object of code = value, each value a string, a number or a bool"
}
func (v metaValues) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

func (v metaValues) ValidateDynamic(ctx context.Context, req validator.DynamicRequest, resp *validator.DynamicResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() || req.ConfigValue.IsUnderlyingValueUnknown() {
		return
	}
	var entries map[string]attr.Value
	switch u := req.ConfigValue.UnderlyingValue().(type) {
	case types.Object:
		entries = u.Attributes()
	case types.Map:
		entries = u.Elements()
	default:
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid Attribute Value", fmt.Sprintf("Attribute %s %s, got a %s.", req.Path, v.Description(ctx), u.Type(ctx)))
		return
	}
	for code, val := range entries {
		switch val.(type) {
		case types.String, types.Number, types.Bool:
		default:
			resp.Diagnostics.AddAttributeError(req.Path.AtMapKey(code), "Invalid Attribute Value",
				fmt.Sprintf("Attribute %s %s: %q is a %s.", req.Path, v.Description(ctx), code, val.Type(ctx)))
		}
	}
}

func summaryAttributes() map[string]dschema.Attribute {
	attr := func(d string) dschema.Attribute {
		return dschema.StringAttribute{MarkdownDescription: d, Computed: true}
	}
	return map[string]dschema.Attribute{
		"id": attr("Customer id."), "email": attr("E-mail address."), "first_name": attr("First name."),
		"last_name": attr("Last name."), "status": attr("Status."), "created_at": attr("When Axim created the customer (ISO 8601)."),
	}
}

// lookupByKey: crm_axim_customer's id or email is given by the user.
const lookupByKey = true

func customerDataSourceAttributes(lookup bool) map[string]dschema.Attribute {
	addr := fields.DataSourceAttributes(addressFields, map[string]dschema.Attribute{
		"is_default": dschema.BoolAttribute{MarkdownDescription: "Whether this is the default address.", Computed: true},
	})
	attrs := fields.DataSourceAttributes(customerFields, map[string]dschema.Attribute{
		"id": dschema.StringAttribute{
			MarkdownDescription: "Customer id (24 hexadecimal characters).",
			Optional:            lookup,
			Computed:            true,
		},
		"status": dschema.StringAttribute{MarkdownDescription: "Status: `active`, `pending` or `inactive`.", Computed: true},
		"addresses": dschema.ListNestedAttribute{
			MarkdownDescription: "The customer's addresses, in Axim's order.",
			Computed:            true,
			NestedObject:        dschema.NestedAttributeObject{Attributes: addr},
		},
		"meta_fields":    dschema.DynamicAttribute{MarkdownDescription: metaDescription, Computed: true},
		"role":           dschema.StringAttribute{MarkdownDescription: "Id of the customer's role in Axim.", Computed: true},
		"verified_email": dschema.BoolAttribute{MarkdownDescription: "Whether the customer verified the e-mail address.", Computed: true},
		"newsletter":     dschema.BoolAttribute{MarkdownDescription: "Whether the customer subscribed to the newsletter.", Computed: true},
		"is_b2b":         dschema.BoolAttribute{MarkdownDescription: "Whether the customer is a business customer.", Computed: true},
		"created_at":     dschema.StringAttribute{MarkdownDescription: "When Axim created the customer (ISO 8601).", Computed: true},
		"updated_at":     dschema.StringAttribute{MarkdownDescription: "When Axim last changed the customer (ISO 8601).", Computed: true},
	})
	if lookup {
		attrs["email"] = fields.LookupEmail("E-mail address of the customer to read (case-insensitive).")
	}
	return attrs
}
