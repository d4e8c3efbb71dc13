package razorpay

import (
	"sort"
	"strings"

	tfattr "github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/customerops/terraform-provider-crm/internal/fields"
)

// customerModel is a customer in Terraform terms, shared by the resource,
// the data source and the list data source.
type customerModel struct {
	ID        types.String `tfsdk:"id"`
	Entity    types.String `tfsdk:"entity"`
	Name      fields.Text  `tfsdk:"name"`
	Contact   fields.Text  `tfsdk:"contact"`
	Email     fields.Email `tfsdk:"email"`
	GSTIN     fields.Code  `tfsdk:"gstin"`
	Notes     types.Map    `tfsdk:"notes"`
	CreatedAt types.Int64  `tfsdk:"created_at"`
}

// toCreateInput is the create body; adopt sends fail_existing "0".
func (m *customerModel) toCreateInput(adopt bool) CustomerInput {
	in := CustomerInput{
		Name:         m.Name.ValueString(),
		Contact:      m.Contact.ValueString(),
		Email:        m.Email.ValueString(),
		FailExisting: "1",
		GSTIN:        fields.StringPointer(m.GSTIN),
		Notes:        notesToAPI(m.Notes),
	}
	if adopt {
		in.FailExisting = "0"
	}
	return in
}

// toEditInput is the edit PUT's body.
func (m *customerModel) toEditInput() EditInput {
	return EditInput{Name: m.Name.ValueString(), Contact: m.Contact.ValueString(), Email: m.Email.ValueString()}
}

// RecordID is the record's id, as the crud flow and data sources ask for it.
func (m *customerModel) RecordID() string { return m.ID.ValueString() }

// FromAPI refreshes every attribute from the API's answer, as Razorpay
// spells it. Where the answer means what the prior value says (a GSTIN in
// another case, an e-mail in another case, blanks trimmed from a name or a
// note), the framework keeps the prior spelling: see fields.Code,
// fields.Email and fields.Text.
func (m *customerModel) FromAPI(c *Customer) {
	m.ID = types.StringValue(c.ID)
	m.Entity = types.StringValue(c.Entity)
	m.Name = fields.TextValue(c.Name)
	m.Contact = fields.TextValue(c.Contact)
	m.Email = fields.EmailValue(c.Email)
	m.GSTIN = fields.OptionalCode(c.GSTIN, m.GSTIN)
	m.Notes = notesFromAPI(c.Notes)
	m.CreatedAt = types.Int64Value(c.CreatedAt)
}

// notesFromAPI is never null: empty notes ([] on the wire) are an empty
// map, the resource's default, so omitted, {} and [] all compare equal.
// Values are fields.Text: a value Razorpay stored trimmed keeps the
// configured spelling.
func notesFromAPI(n Notes) types.Map {
	elems := make(map[string]tfattr.Value, len(n))
	for k, v := range n {
		elems[k] = fields.TextValue(v)
	}
	return types.MapValueMust(fields.TextType{}, elems)
}

// notesToAPI drops null and unknown values (validation refuses null ones).
func notesToAPI(m types.Map) map[string]string {
	if m.IsNull() || m.IsUnknown() {
		return nil
	}
	out := make(map[string]string, len(m.Elements()))
	for k, v := range m.Elements() {
		if s, ok := v.(interface {
			IsNull() bool
			IsUnknown() bool
			ValueString() string
		}); ok && !s.IsNull() && !s.IsUnknown() {
			out[k] = s.ValueString()
		}
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

// sameNotes compares notes as Razorpay stores them: nil and empty are
// equal, and so are values that differ only in the blanks around them
// (fields.SameText).
func sameNotes(a, b map[string]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if w, ok := b[k]; !ok || !fields.SameText(w, v) {
			return false
		}
	}
	return true
}

// notesText shows notes in a diagnostic, keys sorted.
func notesText(n map[string]string) string {
	if len(n) == 0 {
		return "{}"
	}
	keys := make([]string, 0, len(n))
	for k := range n {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	parts := make([]string, len(keys))
	for i, k := range keys {
		parts[i] = k + " = " + `"` + n[k] + `"`
	}
	return "{ " + strings.Join(parts, ", ") + " }"
}
