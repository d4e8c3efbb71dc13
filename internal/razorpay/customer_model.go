package razorpay

import (
	"context"
	"regexp"
	"sort"
	"strings"

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

// Razorpay's field rules (contract §4), checked at plan time.
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
		Description: "E-mail address, in lower case. Sent as `email`; edited in place. Required, a valid " +
			"address of at most 64 characters. Together with `contact` it identifies the customer: Razorpay refuses a second " +
			"customer with the same pair.",
		Required:   true,
		Email:      true,
		Validators: []validator.String{fields.MaxLength(maxEmailLength), fields.EmailFormat()},
	},
	{
		Name: "gstin",
		Description: "GST number (GSTIN). Sent as `gstin` at creation; Razorpay cannot edit it, so changing it replaces " +
			"the customer (see the resource description). Optional, 15 characters: 2 digits then 13 upper-case letters or digits.",
		Validators: []validator.String{
			stringvalidator.RegexMatches(gstinPattern, "must be a GSTIN: 15 characters, 2 digits then 13 letters or digits"),
			fields.UpperCase(),
		},
		PlanModifiers: []planmodifier.String{gstinRequiresReplace},
	},
}

// gstinRequiresReplace ignores a change of case only: the same GSTIN needs
// no new customer, and Read keeps the configured case.
var gstinRequiresReplace = stringplanmodifier.RequiresReplaceIf(
	func(_ context.Context, req planmodifier.StringRequest, resp *stringplanmodifier.RequiresReplaceIfFuncResponse) {
		resp.RequiresReplace = req.StateValue.IsNull() != req.PlanValue.IsNull() ||
			!strings.EqualFold(req.StateValue.ValueString(), req.PlanValue.ValueString())
	},
	"Changing the GSTIN (other than its case) replaces the customer.",
	"Changing the GSTIN (other than its case) replaces the customer.",
)

const notesDescription = "Key-value pairs stored with the customer. Sent as `notes` at creation; Razorpay cannot edit them, " +
	"so changing them replaces the customer (see the resource description). At most 15 keys, each value at most 256 " +
	"characters, with no blanks around it. Empty notes (Razorpay answers `[]`), `notes = {}` and no `notes` at all are the same."

// customerModel is a customer in Terraform terms, shared by the resource,
// the data source and the list data source.
type customerModel struct {
	ID        types.String `tfsdk:"id"`
	Entity    types.String `tfsdk:"entity"`
	Name      types.String `tfsdk:"name"`
	Contact   types.String `tfsdk:"contact"`
	Email     fields.Email `tfsdk:"email"`
	GSTIN     types.String `tfsdk:"gstin"`
	Notes     types.Map    `tfsdk:"notes"`
	CreatedAt types.Int64  `tfsdk:"created_at"`
}

// toCreateInput is the create body; adopt sends fail_existing "0".
func (m *customerModel) toCreateInput(adopt bool) CustomerInput {
	in := CustomerInput{
		Name:         m.Name.ValueString(),
		Contact:      m.Contact.ValueString(),
		Email:        m.Email.ValueString(),
		FailExisting: "1",
		GSTIN:        fields.StringPointer(m.GSTIN),
		Notes:        notesToAPI(m.Notes),
	}
	if adopt {
		in.FailExisting = "0"
	}
	return in
}

// toEditInput is the edit PUT's body.
func (m *customerModel) toEditInput() EditInput {
	return EditInput{Name: m.Name.ValueString(), Contact: m.Contact.ValueString(), Email: m.Email.ValueString()}
}

// RecordID is the record's id, as the crud flow and data sources ask for it.
func (m *customerModel) RecordID() string { return m.ID.ValueString() }

// FromAPI refreshes every attribute from the API's answer. gstin keeps the
// configured case when Razorpay answers the same number in another case.
func (m *customerModel) FromAPI(c *Customer) {
	m.ID = types.StringValue(c.ID)
	m.Entity = types.StringValue(c.Entity)
	m.Name = types.StringValue(c.Name)
	m.Contact = types.StringValue(c.Contact)
	m.Email = fields.EmailValue(c.Email)
	gstin := fields.OptionalString(c.GSTIN, m.GSTIN)
	if gstin.IsNull() || !strings.EqualFold(gstin.ValueString(), m.GSTIN.ValueString()) {
		m.GSTIN = gstin
	}
	m.Notes = notesFromAPI(c.Notes)
	m.CreatedAt = types.Int64Value(c.CreatedAt)
}

// notesFromAPI is never null: empty notes ([] on the wire) are an empty
// map, the resource's default, so omitted, {} and [] all compare equal.
func notesFromAPI(n Notes) types.Map {
	elems := make(map[string]tfattr.Value, len(n))
	for k, v := range n {
		elems[k] = types.StringValue(v)
	}
	return types.MapValueMust(types.StringType, elems)
}

// notesToAPI drops null and unknown values (validation refuses null ones).
func notesToAPI(m types.Map) map[string]string {
	if m.IsNull() || m.IsUnknown() {
		return nil
	}
	out := make(map[string]string, len(m.Elements()))
	for k, v := range m.Elements() {
		if s, ok := v.(types.String); ok && !s.IsNull() && !s.IsUnknown() {
			out[k] = s.ValueString()
		}
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

// sameNotes compares notes as Razorpay stores them: nil and empty are equal.
func sameNotes(a, b map[string]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if w, ok := b[k]; !ok || w != v {
			return false
		}
	}
	return true
}

// notesText shows notes in a diagnostic, keys sorted.
func notesText(n map[string]string) string {
	if len(n) == 0 {
		return "{}"
	}
	keys := make([]string, 0, len(n))
	for k := range n {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	parts := make([]string, len(keys))
	for i, k := range keys {
		parts[i] = k + " = " + `"` + n[k] + `"`
	}
	return "{ " + strings.Join(parts, ", ") + " }"
}

func customerResourceAttributes() map[string]rschema.Attribute {
	return fields.ResourceAttributes(customerFields, map[string]rschema.Attribute{
		"id":     fields.ServerString("Customer id assigned by Razorpay (`cust_` and 14 letters or digits).", true),
		"entity": fields.ServerString("Razorpay's entity type, always `customer`.", true),
		"notes": rschema.MapAttribute{
			MarkdownDescription: notesDescription,
			ElementType:         types.StringType,
			Optional:            true,
			Computed:            true,
			Default:             mapdefault.StaticValue(types.MapValueMust(types.StringType, map[string]tfattr.Value{})),
			Validators: []validator.Map{
				mapvalidator.SizeAtMost(maxNotes),
				mapvalidator.NoNullValues(),
				mapvalidator.ValueStringsAre(stringvalidator.UTF8LengthAtMost(maxNoteLength), fields.Trimmed()),
			},
			PlanModifiers: []planmodifier.Map{mapplanmodifier.RequiresReplace()},
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
			ElementType:         types.StringType,
			Computed:            true,
		},
		"created_at": dschema.Int64Attribute{MarkdownDescription: "When Razorpay created the customer, as a UNIX timestamp (seconds).", Computed: true},
	})
	if lookup {
		attrs["email"] = fields.LookupEmail("E-mail address of the customer to read (case-insensitive).")
	}
	return attrs
}
