package fields

import (
	dschema "github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	rschema "github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
)

// StringField describes a user-set string attribute once, so a platform's
// resource and data source schemas cannot drift apart.
type StringField struct {
	Name          string
	Description   string
	Required      bool
	Email         bool // case-insensitive EmailType
	Validators    []validator.String
	PlanModifiers []planmodifier.String
}

// Resource is the field as a resource attribute (Required or Optional).
// Every field is refused with surrounding blanks, and an e-mail in other
// than lower case, since the platforms would store them changed (see
// Trimmed and LowerCase).
func (f StringField) Resource() rschema.Attribute {
	validators := append([]validator.String{Trimmed()}, f.Validators...)
	if f.Email {
		validators = append(validators, LowerCase())
	}
	a := rschema.StringAttribute{
		MarkdownDescription: f.Description,
		Required:            f.Required,
		Optional:            !f.Required,
		Validators:          validators,
		PlanModifiers:       f.PlanModifiers,
	}
	if f.Email {
		a.CustomType = EmailType{}
	}
	return a
}

// DataSource is the field as a read-only data source attribute.
func (f StringField) DataSource() dschema.Attribute {
	a := dschema.StringAttribute{MarkdownDescription: f.Description, Computed: true}
	if f.Email {
		a.CustomType = EmailType{}
	}
	return a
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
