package razorpay

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	rschema "github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/booldefault"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/customerops/terraform-provider-crm/internal/crud"
)

var (
	_ resource.Resource                = &CustomerResource{}
	_ resource.ResourceWithConfigure   = &CustomerResource{}
	_ resource.ResourceWithImportState = &CustomerResource{}
	_ resource.ResourceWithModifyPlan  = &CustomerResource{}
)

// NewCustomerResource is registered by the provider.
func NewCustomerResource() resource.Resource { return &CustomerResource{} }

// CustomerResource manages crm_razorpay_customer.
type CustomerResource struct {
	client *Client
}

type customerResourceModel struct {
	customerModel
	AdoptExisting types.Bool     `tfsdk:"adopt_existing"`
	Timeouts      timeouts.Value `tfsdk:"timeouts"`
}

func (m *customerResourceModel) RecordID() string               { return m.ID.ValueString() }
func (m *customerResourceModel) RecordTimeouts() timeouts.Value { return m.Timeouts }

// FromAPI also settles adopt_existing after an import, which leaves it null.
func (m *customerResourceModel) FromAPI(c *Customer) {
	m.fromAPI(c)
	if m.AdoptExisting.IsNull() || m.AdoptExisting.IsUnknown() {
		m.AdoptExisting = types.BoolValue(false)
	}
}

const resourceDescription = `A Razorpay customer.

~> **Razorpay cannot delete customers.** Destroying this resource only removes it from the Terraform state and ` +
	`warns with the customer's id; the customer stays in Razorpay. No request is sent.

` + "`name`, `contact` and `email` are changed in place with Razorpay's edit (`PUT /customers/{id}`), which carries " +
	"exactly those three. `gstin` and `notes` can only be set at creation, so changing them **replaces** the customer: " +
	"a new customer is created and the old one is left behind in Razorpay with its old values. Because Razorpay refuses " +
	"a second customer with the same `email` and `contact`, a replacement must also change one of them; the plan fails " +
	"with an explanation otherwise.\n\n" +
	"A customer with this `email` and `contact` may already exist. By default creation then fails with Razorpay's " +
	"message and the existing customer's id, ready for `terraform import`. With `adopt_existing = true` the existing customer " +
	"is adopted instead: if its name differs, it is edited to the configured one at once; if its `gstin` or `notes` " +
	"differ (they cannot be edited), creation fails and says so. A create whose answer is lost is reconciled the same " +
	"way, by looking the customer up by `email` and `contact`, so a retry never makes a second customer."

func (r *CustomerResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_razorpay_customer"
}

func (r *CustomerResource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	attrs := customerResourceAttributes()
	attrs["adopt_existing"] = rschema.BoolAttribute{
		MarkdownDescription: "What to do when Razorpay already has a customer with this `email` and `contact`: `false` " +
			"(the default) fails and suggests `terraform import`; `true` adopts it (sent as `fail_existing = \"0\"`). " +
			"Only used at creation.",
		Optional: true,
		Computed: true,
		Default:  booldefault.StaticBool(false),
	}
	resp.Schema = rschema.Schema{
		MarkdownDescription: resourceDescription,
		Attributes:          attrs,
		Blocks: map[string]rschema.Block{
			// No delete timeout: delete sends nothing.
			"timeouts": timeouts.Block(ctx, timeouts.Opts{Create: true, Update: true}),
		},
	}
}

func (r *CustomerResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.client = clientFrom(req.ProviderData, &resp.Diagnostics)
}

func (r *CustomerResource) ops() crud.Ops[customerResourceModel, Customer] {
	return crud.Ops[customerResourceModel, Customer]{
		What:   "Razorpay customer",
		Create: r.create,
		Read:   r.client.GetCustomer,
		Update: func(ctx context.Context, id string, m *customerResourceModel) (*Customer, error) {
			return r.client.UpdateCustomer(ctx, id, m.toEditInput())
		},
		// Delete stays nil: Razorpay has none (see Delete below).
	}
}

func (r *CustomerResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	crud.Create(ctx, r.ops(), req, resp)
}

func (r *CustomerResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	crud.Read(ctx, r.ops(), req, resp)
}

func (r *CustomerResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	crud.Update(ctx, r.ops(), req, resp)
}

// Delete sends nothing: Razorpay has no API to delete a customer. The
// framework drops the resource from state; the warning says what remains.
func (r *CustomerResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var id types.String
	resp.Diagnostics.Append(req.State.GetAttribute(ctx, path.Root("id"), &id)...)
	if resp.Diagnostics.HasError() {
		return
	}
	resp.Diagnostics.Append(forgetWarning(id.ValueString()))
}

func (r *CustomerResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	crud.ImportByID(ctx, CheckID, "cust_1Aa00000000004", req, resp)
}
