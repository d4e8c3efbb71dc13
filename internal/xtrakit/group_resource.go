package xtrakit

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	rschema "github.com/hashicorp/terraform-plugin-framework/resource/schema"

	"github.com/customerops/terraform-provider-crm/internal/crud"
)

var (
	_ resource.Resource                = &GroupResource{}
	_ resource.ResourceWithConfigure   = &GroupResource{}
	_ resource.ResourceWithImportState = &GroupResource{}
)

// NewCustomerGroupResource is registered by the provider.
func NewCustomerGroupResource() resource.Resource { return &GroupResource{} }

// GroupResource manages crm_xtrakit_customer_group.
type GroupResource struct {
	client *Client
}

type groupResourceModel struct {
	groupModel
	Timeouts timeouts.Value `tfsdk:"timeouts"`
}

func (m *groupResourceModel) RecordID() string               { return m.ID.ValueString() }
func (m *groupResourceModel) RecordTimeouts() timeouts.Value { return m.Timeouts }
func (m *groupResourceModel) FromAPI(g *Group)               { m.fromAPI(g) }

func (r *GroupResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_xtrakit_customer_group"
}

func (r *GroupResource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = rschema.Schema{
		MarkdownDescription: "An Xtrakit customer group. Updates send Xtrakit's edit `PUT /customer-groups/{id}`. " +
			"Xtrakit refuses to delete a group that still has customers (HTTP 409): move or delete them first.",
		Attributes: groupResourceAttributes(),
		Blocks: map[string]rschema.Block{
			"timeouts": timeouts.Block(ctx, timeouts.Opts{Create: true, Update: true, Delete: true}),
		},
	}
}

func (r *GroupResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.client = clientFrom(req.ProviderData, &resp.Diagnostics)
}

func (r *GroupResource) ops() crud.Ops[groupResourceModel, Group] {
	return crud.Ops[groupResourceModel, Group]{
		What: "Xtrakit customer group",
		Create: func(ctx context.Context, m *groupResourceModel) (*Group, error) {
			return r.client.CreateGroup(ctx, m.toInput())
		},
		Read: r.client.GetGroup,
		Update: func(ctx context.Context, id string, m *groupResourceModel) (*Group, error) {
			return r.client.UpdateGroup(ctx, id, m.toInput())
		},
		Delete: r.client.DeleteGroup,
	}
}

func (r *GroupResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	crud.Create(ctx, r.ops(), req, resp)
}

func (r *GroupResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	crud.Read(ctx, r.ops(), req, resp)
}

func (r *GroupResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	crud.Update(ctx, r.ops(), req, resp)
}

func (r *GroupResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	crud.Delete(ctx, r.ops(), req, resp)
}

func (r *GroupResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	crud.ImportByID(ctx, checkID, "42", req, resp)
}
