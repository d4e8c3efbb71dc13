package webcommander

import (
	"context"
	"fmt"
	"strings"

	dschema "github.com/hashicorp/terraform-plugin-framework/datasource/schema"

	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/path"
	rschema "github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/boolplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/int64planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/numberplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringdefault"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/customerops/terraform-provider-crm/internal/fields"
)

// WebCommander's rules (CONTRACT.md §4), checked at plan time.
var (
	statuses = []string{"active", "inactive", "pending", "approval_awaiting", "awaiting_verification"}
	genders  = []string{"male", "female", "other"}
)

// DefaultStatus is WebCommander's own default.
const DefaultStatus = "awaiting_verification"

func optional(name, what string) fields.StringField {
	return fields.StringField{Name: name, Description: what + " Sent as `" + name + "`. Optional."}
}

// addressSources are the flat fields WebCommander builds its three
// addresses from: a change to one of them changes `addresses`.
var addressSources = []string{"first_name", "last_name", "email", "company_name", "address_line", "country", "state", "post_code", "city", "mobile", "phone"}

var customerFields = []fields.StringField{
	{
		Name: "first_name", Description: "First name. Sent as `first_name`. Required, not blank.", Required: true,
		Validators: []validator.String{fields.NotBlank()},
	},
	optional("last_name", "Last name."),
	{
		Name:        "email",
		Description: "E-mail address, unique in the store, in any case (compared case-insensitively). Sent as `email`. Optional, a valid address.",
		Email:       true,
		Validators:  []validator.String{fields.EmailFormat()},
	},
	{
		Name:        "gender",
		Description: "Gender: `male`, `female` or `other`. Sent as `gender` (WebCommander answers it as `sex`). Optional.",
		Validators:  []validator.String{stringvalidator.OneOf(genders...)},
	},
	optional("company_name", "Company name."),
	optional("address_line", "Street address (the PRIMARY, SHIPPING and BILLING addresses' first line)."),
	optional("country", "Country, as an ISO code (`AU`) or a name (`Australia`), in any case; read back in the spelling "+
		"written. An import reads the code: a configuration that names the country plans one update after the import, then none."),
	optional("state", "State, as a code (`NSW`) or a name, in any case; read back in the spelling written. An import reads "+
		"the code: a configuration that names the state plans one update after the import, then none."),
	optional("post_code", "Postal code."),
	optional("city", "City."),
	optional("mobile", "Mobile phone number."),
	optional("phone", "Phone number."),
	optional("abn", "Australian Business Number."),
	optional("abn_branch", "ABN branch."),
}

func customerResourceAttributes() map[string]rschema.Attribute {
	keep := func() []planmodifier.Bool { return []planmodifier.Bool{boolplanmodifier.UseStateForUnknown()} }
	amount := func(name, what string) rschema.NumberAttribute {
		return rschema.NumberAttribute{
			MarkdownDescription: what + " Sent as `" + name + "`, a string with two decimals (`\"150.00\"`); WebCommander " +
				"answers a number, and `\"150.00\"`, `150.0` and `150` are the same value. Optional, at least 0, at most 2 decimals.",
			Optional:      true,
			Computed:      true,
			Validators:    []validator.Number{amountRule{}},
			PlanModifiers: []planmodifier.Number{numberplanmodifier.UseStateForUnknown()},
		}
	}
	return fields.ResourceAttributes(customerFields, map[string]rschema.Attribute{
		"id":         fields.ServerString("Customer id assigned by WebCommander (an integer, as a string).", true),
		"created_at": fields.ServerString("When WebCommander created the customer.", true),
		"display_id": rschema.Int64Attribute{
			MarkdownDescription: "The customer number WebCommander shows.", Computed: true,
			PlanModifiers: []planmodifier.Int64{int64planmodifier.UseStateForUnknown()},
		},
		"shipping_profile_id": rschema.Int64Attribute{
			MarkdownDescription: "Id of the shipping profile. Sent as `shipping_profile` (answered as an object). Optional, a positive integer.",
			Optional:            true,
			Validators:          []validator.Int64{int64validator.AtLeast(1)},
		},
		"newsletter_subscribed": rschema.BoolAttribute{
			MarkdownDescription: "Whether the customer receives the newsletter. Sent as `newsletter.subscribed`. " +
				"**WebCommander never returns it**, so a change made outside Terraform cannot be seen, and after an import " +
				"the first plan sets it as configured.",
			Optional: true,
		},
		"status": rschema.StringAttribute{
			MarkdownDescription: fmt.Sprintf("Status: `active`, `inactive`, `pending`, `approval_awaiting` or `awaiting_verification`. Sent as `status`. Defaults to `%s`, as in WebCommander.", DefaultStatus),
			Optional:            true,
			Computed:            true,
			Default:             stringdefault.StaticString(DefaultStatus),
			Validators:          []validator.String{stringvalidator.OneOf(statuses...)},
		},
		"store_credit": amount("store_credit", "Store credit."),
		"credit_limit": amount("credit_limit", "Credit limit."),
		"allow_credit_limit": rschema.BoolAttribute{
			MarkdownDescription: "Whether the customer may buy on credit. Sent as `allow_credit_limit`.",
			Optional:            true, Computed: true, PlanModifiers: keep(),
		},
		"password_expired": rschema.BoolAttribute{
			MarkdownDescription: "Whether the customer must change the password at next login. Sent as `customer_password_expired`.",
			Optional:            true, Computed: true, PlanModifiers: keep(),
		},
		"password": rschema.StringAttribute{
			MarkdownDescription: "The customer's login password. Sent as `password` only when it changes, never on another " +
				"update; WebCommander never returns it. Sensitive, and kept in the state: prefer `password_wo`.",
			Optional:   true,
			Sensitive:  true,
			Validators: []validator.String{stringvalidator.ConflictsWith(path.MatchRoot("password_wo")), stringvalidator.LengthAtLeast(1)},
		},
		"password_wo": rschema.StringAttribute{
			MarkdownDescription: "The customer's login password, write-only: sent to WebCommander but never stored in the " +
				"plan or the state (Terraform and OpenTofu 1.11+). Sent at creation and whenever `password_wo_version` changes.",
			Optional:   true,
			Sensitive:  true,
			WriteOnly:  true,
			Validators: []validator.String{stringvalidator.ConflictsWith(path.MatchRoot("password")), stringvalidator.AlsoRequires(path.MatchRoot("password_wo_version"))},
		},
		"password_wo_version": rschema.Int64Attribute{
			MarkdownDescription: "Change it to send `password_wo` again (the write-only value itself is never compared).",
			Optional:            true,
			Validators:          []validator.Int64{int64validator.AlsoRequires(path.MatchRoot("password_wo"))},
		},
		"addresses": rschema.ListNestedAttribute{
			MarkdownDescription: "The PRIMARY, SHIPPING and BILLING addresses WebCommander builds from the flat fields.",
			Computed:            true,
			NestedObject: rschema.NestedAttributeObject{Attributes: map[string]rschema.Attribute{
				"type":           rschema.StringAttribute{Computed: true, MarkdownDescription: "PRIMARY, SHIPPING or BILLING."},
				"address_line_1": rschema.StringAttribute{Computed: true, MarkdownDescription: "First address line."},
				"city":           rschema.StringAttribute{Computed: true, MarkdownDescription: "City."},
				"post_code":      rschema.StringAttribute{Computed: true, MarkdownDescription: "Postal code."},
				"country_code":   rschema.StringAttribute{Computed: true, MarkdownDescription: "Country code."},
				"state_code":     rschema.StringAttribute{Computed: true, MarkdownDescription: "State code."},
				"mobile":         rschema.StringAttribute{Computed: true, MarkdownDescription: "Mobile phone number."},
				"phone":          rschema.StringAttribute{Computed: true, MarkdownDescription: "Phone number."},
			}},
			PlanModifiers: []planmodifier.List{addressesFollowSources{}},
		},
	})
}

// amountRule: an amount is at least 0 with at most 2 decimals.
type amountRule struct{}

func (amountRule) Description(context.Context) string {
	return "must be an amount of at least 0 with at most 2 decimals, such as 150 or \"150.00\""
}
func (r amountRule) MarkdownDescription(ctx context.Context) string { return r.Description(ctx) }

func (r amountRule) ValidateNumber(ctx context.Context, req validator.NumberRequest, resp *validator.NumberResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	f := req.ConfigValue.ValueBigFloat()
	// The shortest decimal that reads back as f: "0.01", not 0.01's binary.
	text := f.Text('f', -1)
	_, decimals, _ := strings.Cut(text, ".")
	if f.Sign() < 0 || len(decimals) > 2 {
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid Attribute Value",
			fmt.Sprintf("Attribute %s %s, got: %s", req.Path, r.Description(ctx), f.Text('f', -1)))
	}
}

// addressesFollowSources keeps the built addresses in the plan unless a
// field they are built from changes: an unrelated update does not show
// them as changing.
type addressesFollowSources struct{}

func (addressesFollowSources) Description(context.Context) string {
	return "Kept unless a field the addresses are built from changes."
}
func (m addressesFollowSources) MarkdownDescription(ctx context.Context) string {
	return m.Description(ctx)
}

func (addressesFollowSources) PlanModifyList(ctx context.Context, req planmodifier.ListRequest, resp *planmodifier.ListResponse) {
	if req.StateValue.IsNull() || !req.PlanValue.IsUnknown() {
		return
	}
	for _, name := range addressSources {
		at := tftypes.NewAttributePath().WithAttributeName(name)
		planned, _, perr := tftypes.WalkAttributePath(req.Plan.Raw, at)
		prior, _, serr := tftypes.WalkAttributePath(req.State.Raw, at)
		pv, pok := planned.(tftypes.Value)
		sv, sok := prior.(tftypes.Value)
		if perr != nil || serr != nil || !pok || !sok || !pv.Equal(sv) {
			return
		}
	}
	resp.PlanValue = req.StateValue
}

func customerDataSourceAttributes(lookup bool) map[string]dschema.Attribute {
	computed := func(d string) dschema.Attribute {
		return dschema.StringAttribute{MarkdownDescription: d, Computed: true}
	}
	attrs := fields.DataSourceAttributes(customerFields, map[string]dschema.Attribute{
		"id":                  dschema.StringAttribute{MarkdownDescription: "Customer id (an integer, as a string).", Optional: lookup, Computed: true},
		"display_id":          dschema.Int64Attribute{MarkdownDescription: "The customer number WebCommander shows.", Computed: true},
		"shipping_profile_id": dschema.Int64Attribute{MarkdownDescription: "Id of the shipping profile.", Computed: true},
		"status":              computed("Status."),
		"store_credit":        dschema.NumberAttribute{MarkdownDescription: "Store credit.", Computed: true},
		"credit_limit":        dschema.NumberAttribute{MarkdownDescription: "Credit limit.", Computed: true},
		"allow_credit_limit":  dschema.BoolAttribute{MarkdownDescription: "Whether the customer may buy on credit.", Computed: true},
		"password_expired":    dschema.BoolAttribute{MarkdownDescription: "Whether the password must be changed at next login.", Computed: true},
		"created_at":          computed("When WebCommander created the customer."),
		"addresses": dschema.ListNestedAttribute{
			MarkdownDescription: "The PRIMARY, SHIPPING and BILLING addresses.",
			Computed:            true,
			NestedObject: dschema.NestedAttributeObject{Attributes: map[string]dschema.Attribute{
				"type": computed("PRIMARY, SHIPPING or BILLING."), "address_line_1": computed("First address line."),
				"city": computed("City."), "post_code": computed("Postal code."), "country_code": computed("Country code."),
				"state_code": computed("State code."), "mobile": computed("Mobile phone number."), "phone": computed("Phone number."),
			}},
		},
	})
	if lookup {
		attrs["email"] = fields.LookupEmail("E-mail address of the customer to read (case-insensitive).")
	}
	return attrs
}
