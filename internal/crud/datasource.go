package crud

import (
	"context"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/datasourcevalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	dschema "github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// Fetched is implemented by a data source's model (a pointer to it): the
// mapping of the platform's answer.
type Fetched[W any] interface {
	FromAPI(*W)
}

// Lookup finds one record by the value of one attribute: its id, or a
// natural key such as an e-mail address.
type Lookup[W any] func(ctx context.Context, value string) (*W, error)

// LookupSpec describes a data source that reads one record by one of
// several keys; the user sets exactly one of them.
type LookupSpec[W any] struct {
	TypeName string // "_xtrakit_customer"
	What     string // "Xtrakit customer": used in diagnostics
	Schema   func() dschema.Schema
	// Keys are the string attributes a record can be looked up by, "id"
	// first. With more than one, the schema must make them Optional.
	Keys []string
	// Bind returns one lookup per key, bound to the platform's client, or
	// nil (with an error in diags) when the platform is not configured.
	Bind func(providerData any, diags *diag.Diagnostics) map[string]Lookup[W]
}

// LookupDataSource reads one record by id or natural key; a missing record
// is an error with the platform's own answer.
type LookupDataSource[M any, PM interface {
	*M
	Fetched[W]
}, W any] struct {
	spec    LookupSpec[W]
	lookups map[string]Lookup[W]
}

var _ datasource.DataSourceWithConfigValidators = &LookupDataSource[noFetched, *noFetched, struct{}]{}

// NewLookupDataSource builds a LookupDataSource from spec.
func NewLookupDataSource[M any, PM interface {
	*M
	Fetched[W]
}, W any](spec LookupSpec[W]) *LookupDataSource[M, PM, W] {
	return &LookupDataSource[M, PM, W]{spec: spec}
}

func (d *LookupDataSource[M, PM, W]) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + d.spec.TypeName
}

func (d *LookupDataSource[M, PM, W]) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = d.spec.Schema()
}

// ConfigValidators: exactly one key, checked at plan time.
func (d *LookupDataSource[M, PM, W]) ConfigValidators(context.Context) []datasource.ConfigValidator {
	if len(d.spec.Keys) < 2 {
		return nil
	}
	paths := make([]path.Expression, len(d.spec.Keys))
	for i, k := range d.spec.Keys {
		paths[i] = path.MatchRoot(k)
	}
	return []datasource.ConfigValidator{datasourcevalidator.ExactlyOneOf(paths...)}
}

func (d *LookupDataSource[M, PM, W]) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	if req.ProviderData == nil {
		return
	}
	d.lookups = d.spec.Bind(req.ProviderData, &resp.Diagnostics)
}

func (d *LookupDataSource[M, PM, W]) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	m := read[M](ctx, req.Config, req.Config.Raw.IsNull(), &resp.Diagnostics)
	if resp.Diagnostics.HasError() || m == nil {
		return
	}
	if d.lookups == nil {
		AddNotConfigured(&resp.Diagnostics)
		return
	}
	key, value, ok := chosenKey(req.Config.Raw, d.spec.Keys)
	lookup := d.lookups[key]
	if !ok || lookup == nil {
		resp.Diagnostics.AddError("Missing lookup key", fmt.Sprintf("Set one of %s to read a %s.", strings.Join(d.spec.Keys, ", "), d.spec.What))
		return
	}
	record, err := lookup(ctx, value)
	if record == nil && err == nil {
		err = noRecordError("lookup", d.spec.What)
	}
	if err != nil {
		AddAPIError(&resp.Diagnostics, "read", fmt.Sprintf("%s with %s %q", d.spec.What, key, value), err)
		return
	}
	PM(m).FromAPI(record)
	resp.Diagnostics.Append(resp.State.Set(ctx, m)...)
}

// chosenKey is the first key attribute set to a known string in config.
func chosenKey(config tftypes.Value, keys []string) (key, value string, ok bool) {
	for _, k := range keys {
		raw, _, err := tftypes.WalkAttributePath(config, tftypes.NewAttributePath().WithAttributeName(k))
		v, isValue := raw.(tftypes.Value)
		if err != nil || !isValue || !v.IsKnown() || v.IsNull() {
			continue
		}
		if err := v.As(&value); err == nil {
			return k, value, true
		}
	}
	return "", "", false
}

// noFetched only instantiates LookupDataSource for the assertion above.
type noFetched struct{}

func (*noFetched) FromAPI(*struct{}) {}
