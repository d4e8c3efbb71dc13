package crud

import (
	"context"
	"iter"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/list"
	listschema "github.com/hashicorp/terraform-plugin-framework/list/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// QuerySpec describes the list resource of a record type: what `terraform
// query` lists, and what `terraform-provider-crm generate` writes. F is
// the model of its filters; M the resource's model, W the wire record.
type QuerySpec[F, M, W any] struct {
	// TypeName is the resource's own: "_xtrakit_customer".
	TypeName string
	What     string // "Xtrakit customers": used in diagnostics
	// Filters are the list block's `config` attributes.
	Filters     map[string]listschema.Attribute
	Description string
	// Identity is the resource's (nil: the id alone).
	Identity []IdentityAttribute
	// Bind returns the listing, reading its filters: records in the
	// platform's order, page by page, a page requested only when the one
	// before it has been taken.
	Bind func(providerData any, diags *diag.Diagnostics) func(ctx context.Context, filters *F) iter.Seq2[W, error]
	// DisplayName is how a person recognises the record: "Ada Lovelace <ada@example.com>".
	DisplayName func(*W) string
}

// ListResource is a complete list.ListResource for one record type: each
// record comes with its identity and, when asked, the resource exactly as
// an import followed by a refresh would store it, so the configuration
// Terraform generates from it plans empty.
type ListResource[F, M any, PM interface {
	*M
	Record[W]
}, W any] struct {
	spec QuerySpec[F, M, W]
	list func(ctx context.Context, filters *F) iter.Seq2[W, error]
}

var _ list.ListResourceWithConfigure = &ListResource[struct{}, noRecord, *noRecord, struct{}]{}

// NewListResource builds a ListResource from spec.
func NewListResource[F, M any, PM interface {
	*M
	Record[W]
}, W any](spec QuerySpec[F, M, W]) *ListResource[F, M, PM, W] {
	return &ListResource[F, M, PM, W]{spec: spec}
}

func (l *ListResource[F, M, PM, W]) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + l.spec.TypeName
}

func (l *ListResource[F, M, PM, W]) ListResourceConfigSchema(_ context.Context, _ list.ListResourceSchemaRequest, resp *list.ListResourceSchemaResponse) {
	attrs := l.spec.Filters
	if attrs == nil {
		attrs = map[string]listschema.Attribute{}
	}
	resp.Schema = listschema.Schema{MarkdownDescription: l.spec.Description, Attributes: attrs}
}

func (l *ListResource[F, M, PM, W]) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	if req.ProviderData != nil {
		l.list = l.spec.Bind(req.ProviderData, &resp.Diagnostics)
	}
}

func (l *ListResource[F, M, PM, W]) List(ctx context.Context, req list.ListRequest, stream *list.ListResultsStream) {
	var diags diag.Diagnostics
	filters := read[F](ctx, req.Config, req.Config.Raw.IsNull(), &diags)
	if filters == nil && !diags.HasError() {
		filters = new(F)
	}
	if l.list == nil && !diags.HasError() {
		AddNotConfigured(&diags)
	}
	if diags.HasError() {
		stream.Results = list.ListResultsStreamDiagnostics(diags)
		return
	}
	stream.Results = func(push func(list.ListResult) bool) {
		var sent int64
		for w, err := range l.list(ctx, filters) {
			if err != nil {
				var d diag.Diagnostics
				AddAPIError(&d, "list", l.spec.What, err)
				push(list.ListResult{Diagnostics: d})
				return
			}
			if !push(l.result(ctx, req, &w)) {
				return
			}
			// Stop at the limit: the next page is never requested.
			if sent++; req.Limit > 0 && sent >= req.Limit {
				return
			}
		}
	}
}

// result is one listed record: the resource as a refresh after import
// stores it (every attribute from the platform, Terraform-only ones null),
// its identity derived from it, and its display name.
func (l *ListResource[F, M, PM, W]) result(ctx context.Context, req list.ListRequest, w *W) list.ListResult {
	res := req.NewListResult(ctx)
	res.DisplayName = l.spec.DisplayName(w)
	state := tfsdk.State{Schema: req.ResourceSchema, Raw: NullAttributes(req.ResourceSchema.Type().TerraformType(ctx))}
	var m M
	res.Diagnostics.Append(state.Get(ctx, &m)...)
	if res.Diagnostics.HasError() {
		return res
	}
	PM(&m).FromAPI(w)
	res.Diagnostics.Append(state.Set(ctx, &m)...)
	if res.Diagnostics.HasError() {
		return res
	}
	setIdentity(ctx, l.spec.Identity, state, res.Identity, &res.Diagnostics)
	res.Resource.Raw = state.Raw
	return res
}

// NullAttributes is an object of type t whose every attribute is null: the
// state an import starts from, or a configuration that sets nothing.
func NullAttributes(t tftypes.Type) tftypes.Value {
	obj, ok := t.(tftypes.Object)
	if !ok {
		return tftypes.NewValue(t, nil)
	}
	attrs := make(map[string]tftypes.Value, len(obj.AttributeTypes))
	for name, at := range obj.AttributeTypes {
		attrs[name] = tftypes.NewValue(at, nil)
	}
	return tftypes.NewValue(t, attrs)
}

// DisplayName is "name <email>", or whichever of the two the record has,
// or its id.
func DisplayName(name, email, id string) string {
	name, email = strings.TrimSpace(name), strings.TrimSpace(email)
	switch {
	case name != "" && email != "":
		return name + " <" + email + ">"
	case name != "":
		return name
	case email != "":
		return email
	}
	return id
}

// FullName is a person's name from its parts (first, last), each without
// the blanks around it, the blank parts left out: "Ada Lovelace".
func FullName(parts ...string) string {
	kept := make([]string, 0, len(parts))
	for _, p := range parts {
		if p = strings.TrimSpace(p); p != "" {
			kept = append(kept, p)
		}
	}
	return strings.Join(kept, " ")
}

// Where keeps the records keep accepts: a filter the platform cannot apply
// itself. Pages are still read one at a time, as the caller takes them.
func Where[W any](seq iter.Seq2[W, error], keep func(*W) bool) iter.Seq2[W, error] {
	return func(yield func(W, error) bool) {
		for w, err := range seq {
			if err != nil || keep(&w) {
				if !yield(w, err) {
					return
				}
			}
		}
	}
}

// While passes records on while more accepts them and ends at the first it
// refuses, without reading past it: a filter on the platform's order, such
// as "created since" on a list that comes newest first. The pages after
// that record's are never requested.
func While[W any](seq iter.Seq2[W, error], more func(*W) bool) iter.Seq2[W, error] {
	return func(yield func(W, error) bool) {
		for w, err := range seq {
			if err == nil && !more(&w) {
				return
			}
			if !yield(w, err) {
				return
			}
		}
	}
}
