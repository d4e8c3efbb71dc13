package razorpay

import (
	"context"
	"regexp"

	"github.com/hashicorp/terraform-plugin-framework-validators/mapvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	tfattr "github.com/hashicorp/terraform-plugin-framework/attr"
	dschema "github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	rschema "github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/int64planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/mapdefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/mapplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/customerops/terraform-provider-crm/internal/fields"
)

// Razorpay's field rules (CONTRACT.md §4), checked at plan time.
var (
	namePattern    = regexp.MustCompile(`^[A-Za-z0-9 .'/@()_-]*$`)
	contactChars   = regexp.MustCompile(`^\+?[0-9]*$`)
	contactDigits  = regexp.MustCompile(`^\+?[0-9]{8,}$`)
	gstinPattern   = regexp.MustCompile(`(?i)^[0-9]{2}[A-Z0-9]{13}$`)
	maxNotes       = 15
	maxNoteLength  = 256
	maxEmailLength = 64
)

// customerFields are the customer's user-set strings, in the API's order.
// name, contact and email are required: email + contact is Razorpay's key
// for a customer (duplicates, adoption), and its edit cannot clear them.
var customerFields = []fields.StringField{
	{
		Name: "name",
		Description: "Customer's name. Sent as `name`; edited in place. Required, 3 to 50 characters: letters, digits, " +
			"spaces and `. ' / @ ( ) - _`.",
		Required: true,
		Validators: []validator.String{
			stringvalidator.UTF8LengthBetween(3, 50),
			stringvalidator.RegexMatches(namePattern, "must contain only letters, digits, spaces and . ' / @ ( ) - _"),
		},
	},
	{
		Name: "contact",
		Description: "Phone number, with country code. Sent as `contact`; edited in place. Required, at most 15 characters, " +
			"only digits after an optional leading `+`, at least 8 digits.",
		Required: true,
		Validators: []validator.String{
			stringvalidator.UTF8LengthAtMost(15),
			stringvalidator.RegexMatches(contactChars, "must contain only digits, with an optional leading +"),
			stringvalidator.RegexMatches(contactDigits, "must have at least 8 digits, including the country code"),
		},
	},
	{
		Name: "email",
		Description: "E-mail address, in any case (compared case-insensitively). Sent as `email`; edited in place. Required, " +
			"a valid address of at most 64 characters. Together with `contact` it identifies the customer: Razorpay refuses a " +
			"second customer with the same pair.",
		Required:   true,
		Email:      true,
		Validators: []validator.String{fields.MaxLength(maxEmailLength), fields.EmailFormat()},
	},
	{
		Name: "gstin",
		Description: "GST number (GSTIN). Sent as `gstin` at creation; Razorpay cannot edit it, so changing it replaces " +
			"the customer (see the resource description); a change of case only does not. Optional, 15 characters: " +
			"2 digits then 13 letters or digits, in any case (compared case-insensitively).",
		Code: true,
		Validators: []validator.String{
			stringvalidator.RegexMatches(gstinPattern, "must be a GSTIN: 15 characters, 2 digits then 13 letters or digits"),
		},
		PlanModifiers: []planmodifier.String{gstinRequiresReplace},
	},
}

// gstinRequiresReplace ignores a change of case only (fields.SameCode): the
// same GSTIN needs no new customer. Such a change plans an in-place update
// that sends nothing (Razorpay's edit does not carry gstin) and records the
// configured spelling, which semantic equality keeps from then on.
var gstinRequiresReplace = stringplanmodifier.RequiresReplaceIf(
	func(_ context.Context, req planmodifier.StringRequest, resp *stringplanmodifier.RequiresReplaceIfFuncResponse) {
		resp.RequiresReplace = req.StateValue.IsNull() != req.PlanValue.IsNull() ||
			!fields.SameCode(req.StateValue.ValueString(), req.PlanValue.ValueString())
	},
	"Changing the GSTIN (other than its case) replaces the customer.",
	"Changing the GSTIN (other than its case) replaces the customer.",
)

const notesDescription = "Key-value pairs stored with the customer. Sent as `notes` at creation; Razorpay cannot edit them, " +
	"so changing them replaces the customer (see the resource description); a change of the blanks around a value only " +
	"does not. At most 15 keys, each value at most 256 characters. Empty notes (Razorpay answers `[]`), `notes = {}` and " +
	"no `notes` at all are the same."

// notesRequiresReplace ignores a change of the blanks around values only
// (sameNotes): Razorpay may store note values trimmed, and such a change
// plans an in-place update that sends nothing, like gstin's case.
var notesRequiresReplace = mapplanmodifier.RequiresReplaceIf(
	func(_ context.Context, req planmodifier.MapRequest, resp *mapplanmodifier.RequiresReplaceIfFuncResponse) {
		resp.RequiresReplace = !sameNotes(notesToAPI(req.StateValue), notesToAPI(req.PlanValue))
	},
	"Changing the notes (other than blanks around a value) replaces the customer.",
	"Changing the notes (other than blanks around a value) replaces the customer.",
)

func customerResourceAttributes() map[string]rschema.Attribute {
	return fields.ResourceAttributes(customerFields, map[string]rschema.Attribute{
		"id":     fields.ServerString("Customer id assigned by Razorpay (`cust_` and 14 letters or digits).", true),
		"entity": fields.ServerString("Razorpay's entity type, always `customer`.", true),
		"notes": rschema.MapAttribute{
			MarkdownDescription: notesDescription,
			ElementType:         fields.TextType{},
			Optional:            true,
			Computed:            true,
			Default:             mapdefault.StaticValue(types.MapValueMust(fields.TextType{}, map[string]tfattr.Value{})),
			Validators: []validator.Map{
				mapvalidator.SizeAtMost(maxNotes),
				mapvalidator.NoNullValues(),
				mapvalidator.ValueStringsAre(stringvalidator.UTF8LengthAtMost(maxNoteLength)),
			},
			PlanModifiers: []planmodifier.Map{notesRequiresReplace},
		},
		"created_at": rschema.Int64Attribute{
			MarkdownDescription: "When Razorpay created the customer, as a UNIX timestamp (seconds).",
			Computed:            true,
			PlanModifiers:       []planmodifier.Int64{int64planmodifier.UseStateForUnknown()},
		},
	})
}

// How a customer data source schema shows the id and e-mail.
const (
	lookupByKey = true  // crm_razorpay_customer: id or email given by the user
	listed      = false // crm_razorpay_customers: everything computed
)

func customerDataSourceAttributes(lookup bool) map[string]dschema.Attribute {
	attrs := fields.DataSourceAttributes(customerFields, map[string]dschema.Attribute{
		"id": dschema.StringAttribute{
			MarkdownDescription: "Customer id (`cust_` and 14 letters or digits).",
			Optional:            lookup,
			Computed:            true,
		},
		"entity": dschema.StringAttribute{MarkdownDescription: "Razorpay's entity type, always `customer`.", Computed: true},
		"notes": dschema.MapAttribute{
			MarkdownDescription: "Key-value pairs stored with the customer; an empty map when there are none.",
			ElementType:         fields.TextType{},
			Computed:            true,
		},
		"created_at": dschema.Int64Attribute{MarkdownDescription: "When Razorpay created the customer, as a UNIX timestamp (seconds).", Computed: true},
	})
	if lookup {
		attrs["email"] = fields.LookupEmail("E-mail address of the customer to read (case-insensitive).")
	}
	return attrs
}
