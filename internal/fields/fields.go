package fields

import (
	dschema "github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	rschema "github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types/basetypes"
)

// StringField describes a user-set string attribute once, so a platform's
// resource and data source schemas cannot drift apart.
//
// Every such attribute takes what its platform accepts, as written:
// Validators hold the platform's own rules (lengths, formats, enums), never
// a spelling rule. Its type says which spellings mean the same (see
// text.go): Text by default (blanks around the value do not count), Email
// or Code (case does not count either).
type StringField struct {
	Name          string
	Description   string
	Required      bool
	Email         bool // case-insensitive EmailType
	Code          bool // case-insensitive CodeType (GSTIN, ISO codes)
	Validators    []validator.String
	PlanModifiers []planmodifier.String
}

// Type is the field's custom string type.
func (f StringField) Type() basetypes.StringTypable {
	switch {
	case f.Email:
		return EmailType{}
	case f.Code:
		return CodeType{}
	}
	return TextType{}
}

// Resource is the field as a resource attribute (Required or Optional).
func (f StringField) Resource() rschema.Attribute {
	return rschema.StringAttribute{
		MarkdownDescription: f.Description,
		CustomType:          f.Type(),
		Required:            f.Required,
		Optional:            !f.Required,
		Validators:          f.Validators,
		PlanModifiers:       f.PlanModifiers,
	}
}

// DataSource is the field as a read-only data source attribute; its type
// is the resource's, so both read into the same model.
func (f StringField) DataSource() dschema.Attribute {
	return dschema.StringAttribute{MarkdownDescription: f.Description, CustomType: f.Type(), Computed: true}
}

// ServerString is a value the platform sets (id, timestamps). stable ones
// keep their state value in plans (UseStateForUnknown); others become
// unknown whenever the resource changes, as updated_at should.
func ServerString(description string, stable bool) rschema.StringAttribute {
	a := rschema.StringAttribute{MarkdownDescription: description, Computed: true}
	if stable {
		a.PlanModifiers = []planmodifier.String{stringplanmodifier.UseStateForUnknown()}
	}
	return a
}

// ResourceAttributes and DataSourceAttributes turn a field list into schema
// attributes, keyed by name.
func ResourceAttributes(fields []StringField, into map[string]rschema.Attribute) map[string]rschema.Attribute {
	for _, f := range fields {
		into[f.Name] = f.Resource()
	}
	return into
}

func DataSourceAttributes(fields []StringField, into map[string]dschema.Attribute) map[string]dschema.Attribute {
	for _, f := range fields {
		into[f.Name] = f.DataSource()
	}
	return into
}

// LookupEmail is an e-mail a data source can be asked to look a record up
// by: optional (another key may be used instead), filled from the answer
// otherwise, compared case-insensitively.
func LookupEmail(description string) dschema.StringAttribute {
	return dschema.StringAttribute{
		MarkdownDescription: description + " Set either this or `id`.",
		CustomType:          EmailType{},
		Optional:            true,
		Computed:            true,
		Validators:          []validator.String{EmailFormat()},
	}
}
