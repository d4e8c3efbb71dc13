package xtrakit

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	rschema "github.com/hashicorp/terraform-plugin-framework/resource/schema"

	"github.com/customerops/terraform-provider-crm/internal/crud"
)

var (
	_ resource.Resource                = &CustomerResource{}
	_ resource.ResourceWithConfigure   = &CustomerResource{}
	_ resource.ResourceWithImportState = &CustomerResource{}
)

// NewCustomerResource is registered by the provider.
func NewCustomerResource() resource.Resource { return &CustomerResource{} }

// CustomerResource manages crm_xtrakit_customer.
type CustomerResource struct {
	client *Client
}

type customerResourceModel struct {
	customerModel
	Timeouts timeouts.Value `tfsdk:"timeouts"`
}

func (m *customerResourceModel) RecordID() string               { return m.ID.ValueString() }
func (m *customerResourceModel) RecordTimeouts() timeouts.Value { return m.Timeouts }
func (m *customerResourceModel) FromAPI(c *Customer)            { m.fromAPI(c) }

func (r *CustomerResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_xtrakit_customer"
}

func (r *CustomerResource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = rschema.Schema{
		MarkdownDescription: "An Xtrakit customer. Updates send Xtrakit's edit `PUT /customers/{id}` with the whole record, " +
			"so anything changed outside Terraform shows as drift and is put back on apply.",
		Attributes: customerResourceAttributes(),
		Blocks: map[string]rschema.Block{
			"timeouts": timeouts.Block(ctx, timeouts.Opts{Create: true, Update: true, Delete: true}),
		},
	}
}

func (r *CustomerResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.client = clientFrom(req.ProviderData, &resp.Diagnostics)
}

func (r *CustomerResource) ops() crud.Ops[customerResourceModel, Customer] {
	return crud.Ops[customerResourceModel, Customer]{
		What: "Xtrakit customer",
		Create: func(ctx context.Context, m *customerResourceModel) (*Customer, error) {
			return r.client.CreateCustomer(ctx, m.toInput())
		},
		Read: r.client.GetCustomer,
		Update: func(ctx context.Context, id string, m *customerResourceModel) (*Customer, error) {
			return r.client.UpdateCustomer(ctx, id, m.toInput())
		},
		Delete: r.client.DeleteCustomer,
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

func (r *CustomerResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	crud.Delete(ctx, r.ops(), req, resp)
}

func (r *CustomerResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	crud.ImportByID(ctx, checkID, "42", req, resp)
}

func checkID(s string) error {
	_, err := ParseID(s)
	return err
}
