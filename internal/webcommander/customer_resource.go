package webcommander

import (
	"context"
	"fmt"
	"reflect"

	"github.com/hashicorp/terraform-plugin-framework/resource"
	rschema "github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/customerops/terraform-provider-crm/internal/crud"
	"github.com/customerops/terraform-provider-crm/internal/platform"
)

type customerResourceModel struct {
	customerModel
	Newsletter        types.Bool   `tfsdk:"newsletter_subscribed"`
	Password          types.String `tfsdk:"password"`
	PasswordWO        types.String `tfsdk:"password_wo"`
	PasswordWOVersion types.Int64  `tfsdk:"password_wo_version"`
	crud.Timeouts
}

// FromAPI also keeps what WebCommander never returns (the newsletter
// setting and the password) as it was, and never stores password_wo.
func (m *customerResourceModel) FromAPI(c *Customer) {
	m.customerModel.FromAPI(c)
	m.PasswordWO = types.StringNull()
}

// NewCustomerResource is crm_webcommander_customer.
func NewCustomerResource() resource.Resource {
	return crud.NewResource[customerResourceModel](crud.Spec[customerResourceModel, Customer]{
		TypeName: "_webcommander_customer",
		Schema: func(ctx context.Context) rschema.Schema {
			return rschema.Schema{
				MarkdownDescription: "A WebCommander customer. Updates send WebCommander's `PUT /admin/customers/{id}` with " +
					"only the fields that changed (its PUT changes what it carries); the password only when it changes.",
				Attributes: customerResourceAttributes(),
			}
		},
		Bind: platform.Bind(about, func(c *Client) *crud.Ops[customerResourceModel, Customer] {
			return &crud.Ops[customerResourceModel, Customer]{
				What: "WebCommander customer",
				Create: func(ctx context.Context, ch crud.Change[customerResourceModel]) (*Customer, error) {
					body := createBody(ctx, ch)
					created, err := c.CreateCustomer(ctx, body)
					if IsDuplicate(err) {
						email, _ := body.Customer["email"].(string)
						return nil, crud.WithHint(err, importHint(ctx, c, email))
					}
					return created, err
				},
				Read: c.ReadCustomer,
				Update: func(ctx context.Context, ch crud.Change[customerResourceModel]) (*Customer, error) {
					return c.UpdateCustomer(ctx, ch.State.RecordID(), updateBody(ctx, ch))
				},
				NeedsUpdate: func(ch crud.Change[customerResourceModel]) bool {
					b := updateBody(context.Background(), ch)
					return len(b.Customer) > 0 || len(b.Top) > 0
				},
				Delete: c.DeleteCustomer,
			}
		}),
		CheckID:   IDs.Check,
		IDExample: "42",
	})
}

// createBody sends every field set, the newsletter setting and the
// password (from password, or the write-only password_wo of the config).
func createBody(ctx context.Context, ch crud.Change[customerResourceModel]) customerBody {
	customer, top := ch.Plan.requestFields(ctx)
	if known(ch.Plan.Newsletter) {
		customer["newsletter"] = map[string]bool{"subscribed": ch.Plan.Newsletter.ValueBool()}
	}
	if pw, ok := password(ch, true); ok {
		customer["password"] = pw
	}
	return customerBody{Customer: customer, Top: top}
}

// updateBody sends only what changed: WebCommander's PUT leaves the rest
// alone. A field removed from the configuration is cleared with "".
func updateBody(ctx context.Context, ch crud.Change[customerResourceModel]) customerBody {
	planC, planT := ch.Plan.requestFields(ctx)
	stateC, stateT := ch.State.requestFields(ctx)
	body := customerBody{Customer: changed(planC, stateC), Top: changed(planT, stateT)}
	if known(ch.Plan.Newsletter) && !ch.Plan.Newsletter.Equal(ch.State.Newsletter) {
		body.Customer["newsletter"] = map[string]bool{"subscribed": ch.Plan.Newsletter.ValueBool()}
	}
	if pw, ok := password(ch, false); ok {
		body.Customer["password"] = pw
	}
	return body
}

// changed are the entries of plan that differ from state, plus "" (or
// null) for those only state has.
func changed(plan, state map[string]any) map[string]any {
	out := map[string]any{}
	for k, v := range plan {
		if !reflect.DeepEqual(v, state[k]) {
			out[k] = v
		}
	}
	for k, v := range state {
		if _, kept := plan[k]; !kept {
			if _, isString := v.(string); isString {
				out[k] = ""
			} else {
				out[k] = nil
			}
		}
	}
	return out
}

// password is the password to send: on create whichever is set; on update
// password when it changed, or password_wo when password_wo_version did.
func password(ch crud.Change[customerResourceModel], creating bool) (string, bool) {
	plan := ch.Plan
	if known(plan.Password) && (creating || !plan.Password.Equal(ch.State.Password)) {
		return plan.Password.ValueString(), true
	}
	wo := types.StringNull()
	if ch.Config != nil {
		wo = ch.Config.PasswordWO
	}
	if known(wo) && (creating || !plan.PasswordWOVersion.Equal(ch.State.PasswordWOVersion)) {
		return wo.ValueString(), true
	}
	return "", false
}

// importHint tells the user how to manage the customer WebCommander
// already has with this e-mail, naming its id when a lookup finds it.
func importHint(ctx context.Context, c *Client, email string) string {
	var id string
	if found, err := c.FindCustomer(ctx, email); err == nil && found != nil {
		id = fmt.Sprint(found.ID)
	}
	return crud.ImportHint(fmt.Sprintf("A WebCommander customer with e-mail %q", email), id)
}
