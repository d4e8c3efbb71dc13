package stripe

import (
	"context"
	"regexp"
	"strconv"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/listvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/mapvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	dschema "github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/int64planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringdefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	rschema "github.com/hashicorp/terraform-plugin-framework/resource/schema"

	"github.com/customerops/terraform-provider-crm/internal/fields"
)

// Stripe's rules (CONTRACT.md §4), checked at plan time.
var (
	taxExemptions = []string{"none", "exempt", "reverse"}
	// invoicePrefixPattern: 3 to 12 upper-case letters or digits.
	invoicePrefixPattern = regexp.MustCompile(`^[A-Z0-9]{3,12}$`)
	// metadataKeyPattern: no square brackets, which the form encoding
	// would read as nesting.
	metadataKeyPattern = regexp.MustCompile(`^[^\[\]]+$`)
)

// DefaultTaxExempt is what Stripe sets when a create sends none.
const DefaultTaxExempt = "none"

// Metadata limits (CONTRACT.md §4).
const (
	maxMetadataKeys     = 50
	maxMetadataKeyLen   = 40
	maxMetadataValueLen = 500
	maxText             = 5000
)

func text(name, what string, maxLen int) fields.StringField {
	return fields.StringField{
		Name:        name,
		Description: what + " Sent as `" + name + "`. Optional, at most " + itoa(maxLen) + " characters; set to `\"\"` or remove it to clear it.",
		Validators:  []validator.String{fields.MaxLength(maxLen)},
	}
}

// customerFields are the customer's top-level strings.
var customerFields = []fields.StringField{
	text("name", "Full name or business name.", 256),
	{
		Name: "email",
		Description: "E-mail address, kept as written (compared case-insensitively). Sent as `email`. Optional, a valid address, " +
			"at most 512 characters. Stripe does not require e-mails to be unique.",
		Email:      true,
		Validators: []validator.String{emailFormat, fields.MaxLength(512)},
	},
	text("phone", "Phone number.", 20),
	text("description", "Free text shown beside the customer in the Dashboard.", maxText),
}

func addressPart(name, what string) fields.StringField {
	return fields.StringField{Name: name, Description: what + " Sent as `" + name + "`. Optional.", Validators: []validator.String{fields.MaxLength(maxText)}}
}

// addressFields are the parts of an address hash.
var addressFields = []fields.StringField{
	addressPart("line1", "First line (street, PO box, company name)."),
	addressPart("line2", "Second line (apartment, suite, unit, building)."),
	addressPart("city", "City, district, suburb, town or village."),
	addressPart("state", "State, county, province or region."),
	addressPart("postal_code", "ZIP or postal code, kept as a string."),
	addressPart("country", "Two-letter country code (ISO 3166-1 alpha-2), such as `US`."),
}

const metadataDescription = "Key-value pairs. Sent as `metadata[key]=value`; a key removed from the configuration is unset " +
	"by sending it empty. At most 50 keys, each at most 40 characters without square brackets, each value 1 to 500 characters " +
	"(Stripe treats an empty value as \"unset the key\", so it cannot be stored)."

func customerResourceAttributes() map[string]rschema.Attribute {
	addr := func(desc string, required bool) rschema.SingleNestedAttribute {
		return rschema.SingleNestedAttribute{
			MarkdownDescription: desc,
			Optional:            !required,
			Required:            required,
			Attributes:          fields.ResourceAttributes(addressFields, map[string]rschema.Attribute{}),
		}
	}
	stableInt := []planmodifier.Int64{int64planmodifier.UseStateForUnknown()}
	return fields.ResourceAttributes(customerFields, map[string]rschema.Attribute{
		"id":      fields.ServerString("Customer id assigned by Stripe (`cus_...`).", true),
		"address": addr("The customer's address. Sent as the `address` hash; removing it sends `address=` (cleared). A changed address is sent whole, a removed part empty.", false),
		"shipping": rschema.SingleNestedAttribute{
			MarkdownDescription: "Shipping information. Sent as the `shipping` hash (whole, when it changes); removing it sends `shipping=` (cleared).",
			Optional:            true,
			Attributes: map[string]rschema.Attribute{
				"name": rschema.StringAttribute{
					MarkdownDescription: "Recipient name. Sent as `shipping[name]`. Required in `shipping`.",
					CustomType:          fields.TextType{}, Required: true,
					Validators: []validator.String{fields.MaxLength(maxText)},
				},
				"phone": rschema.StringAttribute{
					MarkdownDescription: "Recipient phone number. Sent as `shipping[phone]`. Optional.",
					CustomType:          fields.TextType{}, Optional: true,
					Validators: []validator.String{fields.MaxLength(maxText)},
				},
				"address": addr("Shipping address. Sent as `shipping[address]`. Required in `shipping`.", true),
			},
		},
		"metadata": rschema.MapAttribute{
			MarkdownDescription: metadataDescription,
			ElementType:         types.StringType,
			Optional:            true,
			Validators: []validator.Map{
				mapvalidator.SizeAtMost(maxMetadataKeys),
				mapvalidator.KeysAre(stringvalidator.LengthBetween(1, maxMetadataKeyLen),
					stringvalidator.RegexMatches(metadataKeyPattern, "must not contain square brackets")),
				mapvalidator.ValueStringsAre(stringvalidator.LengthBetween(1, maxMetadataValueLen)),
			},
		},
		"preferred_locales": rschema.ListAttribute{
			MarkdownDescription: "Preferred languages, most preferred first (such as `en`, `fr-CA`). Sent as `preferred_locales[0]`, ...; " +
				"removing it sends `preferred_locales=` (cleared).",
			ElementType: types.StringType,
			Optional:    true,
			Validators:  []validator.List{listvalidator.ValueStringsAre(stringvalidator.LengthBetween(1, maxText))},
		},
		"tax_exempt": rschema.StringAttribute{
			MarkdownDescription: "Tax exemption: `none`, `exempt` or `reverse`. Sent as `tax_exempt`. Defaults to `" + DefaultTaxExempt + "`, as on Stripe.",
			Optional:            true,
			Computed:            true,
			Default:             stringdefault.StaticString(DefaultTaxExempt),
			Validators:          []validator.String{stringvalidator.OneOf(taxExemptions...)},
		},
		"invoice_prefix": rschema.StringAttribute{
			MarkdownDescription: "Prefix of the customer's invoice numbers. Sent as `invoice_prefix`. Optional, 3 to 12 upper-case " +
				"letters or digits; when not set, Stripe assigns one, which is kept.",
			Optional:      true,
			Computed:      true,
			PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			Validators:    []validator.String{stringvalidator.RegexMatches(invoicePrefixPattern, "must be 3 to 12 upper-case letters or digits")},
		},
		"created":    rschema.Int64Attribute{MarkdownDescription: "When Stripe created the customer (Unix seconds).", Computed: true, PlanModifiers: stableInt},
		"livemode":   rschema.BoolAttribute{MarkdownDescription: "Whether the customer lives in live mode (`false` in test mode).", Computed: true},
		"delinquent": rschema.BoolAttribute{MarkdownDescription: "Whether the customer's latest invoice is past due (may be null).", Computed: true},
		"currency":   rschema.StringAttribute{MarkdownDescription: "The currency the customer is billed in, once Stripe knows it (else null).", Computed: true},
		"balance":    rschema.Int64Attribute{MarkdownDescription: "Balance in the smallest currency unit; negative is credit.", Computed: true},
	})
}

// summaryAttributes are a listed customer's attributes.
func summaryAttributes() map[string]dschema.Attribute {
	s := func(d string) dschema.Attribute {
		return dschema.StringAttribute{MarkdownDescription: d, Computed: true}
	}
	return map[string]dschema.Attribute{
		"id": s("Customer id."), "email": s("E-mail address."), "name": s("Name."), "phone": s("Phone number."),
		"description": s("Description."),
		"created":     dschema.Int64Attribute{MarkdownDescription: "When Stripe created the customer (Unix seconds).", Computed: true},
	}
}

func customerDataSourceAttributes() map[string]dschema.Attribute {
	addr := func(desc string) dschema.SingleNestedAttribute {
		return dschema.SingleNestedAttribute{MarkdownDescription: desc, Computed: true,
			Attributes: fields.DataSourceAttributes(addressFields, map[string]dschema.Attribute{})}
	}
	attrs := fields.DataSourceAttributes(customerFields, map[string]dschema.Attribute{
		"id":      dschema.StringAttribute{MarkdownDescription: "Customer id (`cus_...`). Set either this or `email`.", Optional: true, Computed: true},
		"address": addr("The customer's address."),
		"shipping": dschema.SingleNestedAttribute{MarkdownDescription: "Shipping information.", Computed: true,
			Attributes: map[string]dschema.Attribute{
				"name":    dschema.StringAttribute{MarkdownDescription: "Recipient name.", CustomType: fields.TextType{}, Computed: true},
				"phone":   dschema.StringAttribute{MarkdownDescription: "Recipient phone number.", CustomType: fields.TextType{}, Computed: true},
				"address": addr("Shipping address."),
			}},
		"metadata":          dschema.MapAttribute{MarkdownDescription: "Key-value pairs.", ElementType: types.StringType, Computed: true},
		"preferred_locales": dschema.ListAttribute{MarkdownDescription: "Preferred languages.", ElementType: types.StringType, Computed: true},
		"tax_exempt":        dschema.StringAttribute{MarkdownDescription: "Tax exemption: `none`, `exempt` or `reverse`.", Computed: true},
		"invoice_prefix":    dschema.StringAttribute{MarkdownDescription: "Prefix of the customer's invoice numbers.", Computed: true},
		"created":           dschema.Int64Attribute{MarkdownDescription: "When Stripe created the customer (Unix seconds).", Computed: true},
		"livemode":          dschema.BoolAttribute{MarkdownDescription: "Whether the customer lives in live mode.", Computed: true},
		"delinquent":        dschema.BoolAttribute{MarkdownDescription: "Whether the customer's latest invoice is past due.", Computed: true},
		"currency":          dschema.StringAttribute{MarkdownDescription: "The currency the customer is billed in.", Computed: true},
		"balance":           dschema.Int64Attribute{MarkdownDescription: "Balance in the smallest currency unit.", Computed: true},
	})
	attrs["email"] = fields.LookupEmail("E-mail address of the customer to read, matched by Stripe exactly, case included " +
		"(`Jane@example.com` does not find `jane@example.com`); more than one customer with it is an error.")
	return attrs
}

func itoa(n int) string { return strconv.Itoa(n) }

// emailFormat is fields.EmailFormat applied to the address without the
// blanks around it: Stripe takes " jane@example.com " and stores it as
// sent (CONTRACT.md §4), so a customer made that way must import, and
// the configuration Terraform generates for it must validate.
var emailFormat = fields.Satisfies(func(s string) bool { return fields.ValidEmail(strings.TrimSpace(s)) },
	fields.EmailFormat().Description(context.Background()))
