package crud

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource/identityschema"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// IdentityAttribute is one string attribute of a resource identity. It
// mirrors the state attribute of the same name, so the identity is always
// derived from state: set on create, read, update and import alike. Every
// platform here names a record by its id alone: one provider instance
// talks to one account or store per platform.
type IdentityAttribute struct {
	Name        string
	Description string
	// Optional attributes may be left out of an import block's identity.
	Optional bool
}

// DefaultIdentity is the record's id alone.
var DefaultIdentity = []IdentityAttribute{{Name: "id", Description: "The record's id on its platform, as in `terraform import`."}}

func identityAttributes(attrs []IdentityAttribute) []IdentityAttribute {
	if len(attrs) == 0 {
		return DefaultIdentity
	}
	return attrs
}

// identitySchema builds the framework's identity schema from attrs.
func identitySchema(attrs []IdentityAttribute) identityschema.Schema {
	s := identityschema.Schema{Attributes: map[string]identityschema.Attribute{}}
	for _, a := range identityAttributes(attrs) {
		s.Attributes[a.Name] = identityschema.StringAttribute{
			Description:       a.Description,
			RequiredForImport: !a.Optional,
			OptionalForImport: a.Optional,
		}
	}
	return s
}

// setIdentity copies the identity attributes from state into identity. A
// CLI without identity support leaves identity nil: nothing to do.
func setIdentity(ctx context.Context, attrs []IdentityAttribute, state tfsdk.State, identity *tfsdk.ResourceIdentity, diags *diag.Diagnostics) {
	if identity == nil || state.Raw.IsNull() {
		return
	}
	for _, a := range identityAttributes(attrs) {
		var v types.String
		diags.Append(state.GetAttribute(ctx, path.Root(a.Name), &v)...)
		if diags.HasError() {
			return
		}
		diags.Append(identity.SetAttribute(ctx, path.Root(a.Name), v)...)
	}
}

// importIdentity copies an import block's identity into state, checking
// the id as `terraform import` would.
func importIdentity(ctx context.Context, attrs []IdentityAttribute, check func(string) error, identity tfsdk.ResourceIdentity, state *tfsdk.State, diags *diag.Diagnostics) {
	for _, a := range identityAttributes(attrs) {
		var v types.String
		diags.Append(identity.GetAttribute(ctx, path.Root(a.Name), &v)...)
		if diags.HasError() {
			return
		}
		if a.Name == "id" {
			if err := check(v.ValueString()); err != nil {
				diags.AddError("Invalid import identity", "identity.id: "+err.Error()+".")
				return
			}
		}
		diags.Append(state.SetAttribute(ctx, path.Root(a.Name), v)...)
	}
}
