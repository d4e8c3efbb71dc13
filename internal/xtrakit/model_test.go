package xtrakit

import (
	"context"
	"encoding/json"
	"maps"
	"net/http"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"

	fwattr "github.com/hashicorp/terraform-plugin-framework/attr"
	dschema "github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/customerops/terraform-provider-crm/internal/fields"
	"github.com/customerops/terraform-provider-crm/internal/transport"
)

// ---- customer ----

func fullCustomerModel() customerModel {
	return customerModel{
		ID:        types.StringValue("5"),
		GroupID:   types.Int64Value(3),
		Name:      fields.TextValue("Jane Doe"),
		Email:     fields.EmailValue("Jane@Example.com"),
		Phone:     fields.TextValue("+233201234567"),
		Whatsapp:  fields.TextValue("+233201234568"),
		Country:   fields.TextValue("Ghana"),
		State:     fields.TextValue("Greater Accra"),
		City:      fields.TextValue("Accra"),
		Zip:       fields.TextValue("00233"),
		Address1:  fields.TextValue("1 Independence Ave"),
		Address2:  fields.TextValue("Suite 2"),
		Profile:   fields.TextValue("https://example.com/jane.png"),
		CreatedBy: fields.TextValue("terraform"),
	}
}

func TestCustomerToInputFull(t *testing.T) {
	m := fullCustomerModel()
	got := m.toInput()
	want := CustomerInput{
		CustomerGroupID:  i64p(3),
		CustomerName:     "Jane Doe",
		CustomerEmail:    strp("Jane@Example.com"),
		CustomerPhone:    "+233201234567",
		CustomerWhatsapp: strp("+233201234568"),
		CustomerCountry:  "Ghana",
		CustomerCity:     "Accra",
		CustomerState:    "Greater Accra",
		CustomerZip:      strp("00233"),
		Address1:         "1 Independence Ave",
		Address2:         strp("Suite 2"),
		CustomerProfile:  strp("https://example.com/jane.png"),
		CreatedBy:        "terraform",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("toInput =\n%+v\nwant\n%+v", got, want)
	}
}

func TestCustomerToInputNullOptionals(t *testing.T) {
	for name, set := range map[string]func(*customerModel){
		"null": func(m *customerModel) {
			m.GroupID, m.Email = types.Int64Null(), fields.EmailNull()
			m.Whatsapp, m.Zip, m.Address2, m.Profile = fields.TextNull(), fields.TextNull(), fields.TextNull(), fields.TextNull()
		},
		"unknown": func(m *customerModel) {
			m.GroupID, m.Email = types.Int64Unknown(), fields.Email{StringValue: types.StringUnknown()}
			m.Whatsapp, m.Zip, m.Address2, m.Profile = fields.TextUnknown(), fields.TextUnknown(), fields.TextUnknown(), fields.TextUnknown()
		},
	} {
		t.Run(name, func(t *testing.T) {
			m := fullCustomerModel()
			set(&m)
			in := m.toInput()
			if in.CustomerGroupID != nil || in.CustomerEmail != nil || in.CustomerWhatsapp != nil ||
				in.CustomerZip != nil || in.Address2 != nil || in.CustomerProfile != nil {
				t.Errorf("optionals must be nil: %+v", in)
			}
			// Every field is sent, as JSON null: the PUT replaces the record.
			b, err := json.Marshal(in)
			if err != nil {
				t.Fatal(err)
			}
			var doc map[string]any
			_ = json.Unmarshal(b, &doc)
			for _, f := range []string{"customer_group_id", "customer_email", "customer_whatsapp", "customer_zip", "address2", "customer_profile"} {
				v, present := doc[f]
				if !present || v != nil {
					t.Errorf("%s: present=%v value=%v, want an explicit null", f, present, v)
				}
			}
			if doc["customer_name"] != "Jane Doe" || doc["created_by"] != "terraform" {
				t.Errorf("required fields: %s", b)
			}
		})
	}
}

func TestCustomerToInputEmptyStringsAreSent(t *testing.T) {
	m := fullCustomerModel()
	m.Whatsapp, m.Zip, m.Address2, m.Profile = fields.TextValue(""), fields.TextValue(""), fields.TextValue(""), fields.TextValue("")
	m.Email = fields.EmailValue("")
	in := m.toInput()
	for name, p := range map[string]*string{"email": in.CustomerEmail, "whatsapp": in.CustomerWhatsapp, "zip": in.CustomerZip, "address2": in.Address2, "profile": in.CustomerProfile} {
		if p == nil || *p != "" {
			t.Errorf("%s: got %v, want pointer to \"\"", name, p)
		}
	}
}

func apiCustomer() *Customer {
	return &Customer{
		CustomerInput: CustomerInput{
			CustomerGroupID:  i64p(3),
			CustomerName:     "Jane Doe",
			CustomerEmail:    strp("jane@example.com"),
			CustomerPhone:    "+233201234567",
			CustomerWhatsapp: strp("+233201234568"),
			CustomerCountry:  "Ghana",
			CustomerCity:     "Accra",
			CustomerState:    "Greater Accra",
			CustomerZip:      strp("00233"),
			Address1:         "1 Independence Ave",
			Address2:         strp("Suite 2"),
			CustomerProfile:  strp("https://example.com/jane.png"),
			CreatedBy:        "terraform",
		},
		ID:           42,
		UserID:       "6f1c2a9e-3b4d-4e5f-8a7b-9c0d1e2f3a4b",
		BusinessCode: "482193",
		CreatedAt:    "2024-08-12 07:03:13",
		UpdatedAt:    "2024-08-13 08:00:00",
	}
}

func TestCustomerFromAPIMapsEveryField(t *testing.T) {
	var m customerModel
	m.FromAPI(apiCustomer())
	want := customerModel{
		ID:           types.StringValue("42"),
		GroupID:      types.Int64Value(3),
		Name:         fields.TextValue("Jane Doe"),
		Email:        fields.EmailValue("jane@example.com"),
		Phone:        fields.TextValue("+233201234567"),
		Whatsapp:     fields.TextValue("+233201234568"),
		Country:      fields.TextValue("Ghana"),
		State:        fields.TextValue("Greater Accra"),
		City:         fields.TextValue("Accra"),
		Zip:          fields.TextValue("00233"),
		Address1:     fields.TextValue("1 Independence Ave"),
		Address2:     fields.TextValue("Suite 2"),
		Profile:      fields.TextValue("https://example.com/jane.png"),
		CreatedBy:    fields.TextValue("terraform"),
		UserID:       types.StringValue("6f1c2a9e-3b4d-4e5f-8a7b-9c0d1e2f3a4b"),
		BusinessCode: types.StringValue("482193"),
		CreatedAt:    types.StringValue("2024-08-12 07:03:13"),
		UpdatedAt:    types.StringValue("2024-08-13 08:00:00"),
	}
	compareModels(t, m, want)
}

// compareModels compares field by field with the framework's Equal, so a
// failure names the field.
func compareModels[M any](t *testing.T, got, want M) {
	t.Helper()
	gv, wv := reflect.ValueOf(got), reflect.ValueOf(want)
	for i := range gv.NumField() {
		gf, wf := gv.Field(i).Interface(), wv.Field(i).Interface()
		gav, ok := gf.(fwattr.Value)
		if !ok {
			t.Fatalf("%s is not an attr.Value", gv.Type().Field(i).Name)
		}
		if !gav.Equal(wf.(fwattr.Value)) {
			t.Errorf("%s = %v, want %v", gv.Type().Field(i).Name, gf, wf)
		}
	}
}

func TestCustomerFromAPINullVersusEmpty(t *testing.T) {
	c := apiCustomer()
	c.CustomerGroupID = nil
	c.CustomerEmail, c.CustomerWhatsapp, c.CustomerZip, c.Address2, c.CustomerProfile = nil, strp(""), nil, strp(""), nil

	// The user left the optionals out: null, whatever the API answered.
	var omitted customerModel
	omitted.Email = fields.EmailNull()
	omitted.FromAPI(c)
	if !omitted.GroupID.IsNull() || !omitted.Email.IsNull() || !omitted.Whatsapp.IsNull() ||
		!omitted.Zip.IsNull() || !omitted.Address2.IsNull() || !omitted.Profile.IsNull() {
		t.Errorf("omitted optionals must be null: %+v", omitted)
	}

	// The user wrote "": kept as "", whether the API answered null or "".
	empty := fullCustomerModel()
	empty.Email, empty.Whatsapp, empty.Zip, empty.Address2, empty.Profile =
		fields.EmailValue(""), fields.TextValue(""), fields.TextValue(""), fields.TextValue(""), fields.TextValue("")
	empty.FromAPI(c)
	if !empty.Email.Equal(fields.EmailValue("")) {
		t.Errorf("email = %v, want \"\"", empty.Email)
	}
	for name, v := range map[string]fields.Text{"whatsapp": empty.Whatsapp, "zip": empty.Zip, "address2": empty.Address2, "profile": empty.Profile} {
		if !v.Equal(fields.TextValue("")) {
			t.Errorf("%s = %v, want \"\"", name, v)
		}
	}
	if !empty.GroupID.IsNull() {
		t.Errorf("group_id = %v, want null (removed on the platform)", empty.GroupID)
	}

	// Values the user set but the platform cleared are drift: null.
	set := fullCustomerModel()
	set.FromAPI(c)
	if !set.Zip.IsNull() || !set.Whatsapp.IsNull() || !set.Email.IsNull() {
		t.Errorf("cleared values must read as null: zip=%v whatsapp=%v email=%v", set.Zip, set.Whatsapp, set.Email)
	}
}

func TestCustomerFromAPIKeepsAPISpellingOfEmail(t *testing.T) {
	m := fullCustomerModel() // Jane@Example.com
	m.FromAPI(apiCustomer()) // jane@example.com
	if m.Email.ValueString() != "jane@example.com" {
		t.Errorf("email = %q", m.Email.ValueString())
	}
	// The framework then keeps the configured spelling through semantic equality.
	eq, _ := fields.EmailValue("Jane@Example.com").StringSemanticEquals(context.Background(), m.Email)
	if !eq {
		t.Error("API spelling must be semantically equal to the configured one")
	}
}

// TestCustomerRoundTrip decodes an answer shaped like the vendor's sample (CONTRACT.md §5: the edit
// PUT's success body), maps it onto the configured model, and sends it back
// as the next PUT body: every value is checked against literals, not
// against the code's own output.
func TestCustomerRoundTrip(t *testing.T) {
	answer := `{
	  "status": 200,
	  "message": "Customer updated successfully",
	  "data": {
	    "customer": {
	      "id": 1,
	      "customer_group_id": 4,
	      "customer_name": "Jane Doe",
	      "customer_email": "jane.doe@example.com",
	      "customer_phone": "+233244567890",
	      "customer_whatsapp": null,
	      "customer_country": "Ghana",
	      "customer_city": "Accra",
	      "customer_state": "Greater Accra",
	      "customer_zip": "00233",
	      "address1": "123 Main Street",
	      "address2": null,
	      "customer_profile": "https://example.com/profiles/customer123.jpg",
	      "created_by": "Edward",
	      "user_id": "9d2c5f0e-1b7a-4c3d-8e6f-0a1b2c3d4e5f",
	      "business_code": 482193,
	      "created_at": "2024-08-04 08:23:45",
	      "updated_at": "2024-08-04 02:00:43"
	    },
	    "customer-group": [
	      {"id": 4, "group_name": "Premium Customers", "group_description": "Spent over $1000.",
	       "created_at": "2024-08-04 08:23:45", "updated_at": "2024-08-04 02:00:43"}
	    ]
	  }
	}`
	var env envelope[customerData]
	if err := json.Unmarshal([]byte(answer), &env); err != nil {
		t.Fatalf("decoding the answer: %v", err)
	}
	c, err := mustHave(env.Data.Customer, "customer")
	if err != nil {
		t.Fatal(err)
	}

	// The configuration: e-mail in another case, whatsapp left out,
	// address2 written as "" (Xtrakit answers null for it).
	m := customerModel{
		GroupID:   types.Int64Value(4),
		Name:      fields.TextValue("Jane Doe"),
		Email:     fields.EmailValue("Jane.Doe@Example.com"),
		Phone:     fields.TextValue("+233244567890"),
		Whatsapp:  fields.TextNull(),
		Country:   fields.TextValue("Ghana"),
		State:     fields.TextValue("Greater Accra"),
		City:      fields.TextValue("Accra"),
		Zip:       fields.TextValue("00233"),
		Address1:  fields.TextValue("123 Main Street"),
		Address2:  fields.TextValue(""),
		Profile:   fields.TextValue("https://example.com/profiles/customer123.jpg"),
		CreatedBy: fields.TextValue("Edward"),
	}
	m.FromAPI(c)
	compareModels(t, m, customerModel{
		ID:           types.StringValue("1"),
		GroupID:      types.Int64Value(4),
		Name:         fields.TextValue("Jane Doe"),
		Email:        fields.EmailValue("jane.doe@example.com"),
		Phone:        fields.TextValue("+233244567890"),
		Whatsapp:     fields.TextNull(),
		Country:      fields.TextValue("Ghana"),
		State:        fields.TextValue("Greater Accra"),
		City:         fields.TextValue("Accra"),
		Zip:          fields.TextValue("00233"),
		Address1:     fields.TextValue("123 Main Street"),
		Address2:     fields.TextValue(""),
		Profile:      fields.TextValue("https://example.com/profiles/customer123.jpg"),
		CreatedBy:    fields.TextValue("Edward"),
		UserID:       types.StringValue("9d2c5f0e-1b7a-4c3d-8e6f-0a1b2c3d4e5f"),
		BusinessCode: types.StringValue("482193"),
		CreatedAt:    types.StringValue("2024-08-04 08:23:45"),
		UpdatedAt:    types.StringValue("2024-08-04 02:00:43"),
	})

	// The next PUT: the whole record, the body fields of CONTRACT.md §5 and nothing
	// else, unset optionals as null.
	body, err := json.Marshal(m.toInput())
	if err != nil {
		t.Fatal(err)
	}
	wantBody := `{
	  "customer_group_id": 4,
	  "customer_name": "Jane Doe",
	  "customer_email": "jane.doe@example.com",
	  "customer_phone": "+233244567890",
	  "customer_whatsapp": null,
	  "customer_country": "Ghana",
	  "customer_city": "Accra",
	  "customer_state": "Greater Accra",
	  "customer_zip": "00233",
	  "address1": "123 Main Street",
	  "address2": "",
	  "customer_profile": "https://example.com/profiles/customer123.jpg",
	  "created_by": "Edward"
	}`
	var got, want map[string]any
	if err := json.Unmarshal(body, &got); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal([]byte(wantBody), &want); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("PUT body\n got  %s\n want %s", body, wantBody)
	}
}

// The model's tfsdk tags must match the data source schema exactly.
func TestCustomerModelFitsSchema(t *testing.T) {
	ctx := context.Background()
	for _, idRequired := range []bool{true, false} {
		schema := dschema.Schema{Attributes: customerDataSourceAttributes(idRequired)}
		state := tfsdk.State{Schema: schema, Raw: tftypes.NewValue(schema.Type().TerraformType(ctx), nil)}
		var m customerModel
		m.FromAPI(apiCustomer())
		if diags := state.Set(ctx, &m); diags.HasError() {
			t.Fatalf("Set: %v", diags)
		}
		var back customerModel
		if diags := state.Get(ctx, &back); diags.HasError() {
			t.Fatalf("Get: %v", diags)
		}
		compareModels(t, back, m)
	}
}

// ---- group ----

func TestGroupToInput(t *testing.T) {
	m := groupModel{Name: fields.TextValue("VIP"), Description: fields.TextValue("Best customers")}
	if got, want := m.toInput(), (GroupInput{GroupName: "VIP", GroupDescription: strp("Best customers")}); !reflect.DeepEqual(got, want) {
		t.Errorf("toInput = %+v, want %+v", got, want)
	}
	for _, d := range []fields.Text{fields.TextNull(), fields.TextUnknown()} {
		m.Description = d
		in := m.toInput()
		if in.GroupDescription != nil {
			t.Errorf("%v: description = %q, want nil", d, *in.GroupDescription)
		}
		b, _ := json.Marshal(in)
		if !strings.Contains(string(b), `"group_description":null`) {
			t.Errorf("the description must be sent as null: %s", b)
		}
	}
	m.Description = fields.TextValue("")
	if in := m.toInput(); in.GroupDescription == nil || *in.GroupDescription != "" {
		t.Errorf(`"" must be sent as ""`)
	}
}

func apiGroup() *Group {
	return &Group{
		GroupInput:   GroupInput{GroupName: "VIP", GroupDescription: strp("Best customers")},
		ID:           7,
		UserID:       "6f1c2a9e-3b4d-4e5f-8a7b-9c0d1e2f3a4b",
		BusinessCode: "482193",
		CreatedAt:    "2024-08-12 07:03:13",
		UpdatedAt:    "2024-08-13 08:00:00",
	}
}

func TestGroupFromAPI(t *testing.T) {
	var m groupModel
	m.FromAPI(apiGroup())
	compareModels(t, m, groupModel{
		ID:           types.StringValue("7"),
		Name:         fields.TextValue("VIP"),
		Description:  fields.TextValue("Best customers"),
		UserID:       types.StringValue("6f1c2a9e-3b4d-4e5f-8a7b-9c0d1e2f3a4b"),
		BusinessCode: types.StringValue("482193"),
		CreatedAt:    types.StringValue("2024-08-12 07:03:13"),
		UpdatedAt:    types.StringValue("2024-08-13 08:00:00"),
	})

	for _, api := range []*string{nil, strp("")} {
		g := apiGroup()
		g.GroupDescription = api

		omitted := groupModel{Description: fields.TextNull()}
		omitted.FromAPI(g)
		if !omitted.Description.IsNull() {
			t.Errorf("api %v, prior null: description = %v, want null", api, omitted.Description)
		}
		empty := groupModel{Description: fields.TextValue("")}
		empty.FromAPI(g)
		if !empty.Description.Equal(fields.TextValue("")) {
			t.Errorf("api %v, prior \"\": description = %v, want \"\"", api, empty.Description)
		}
		set := groupModel{Description: fields.TextValue("old")}
		set.FromAPI(g)
		if !set.Description.IsNull() {
			t.Errorf("api %v, prior set: description = %v, want null", api, set.Description)
		}
	}
}

func TestGroupModelFitsSchema(t *testing.T) {
	ctx := context.Background()
	schema := dschema.Schema{Attributes: groupDataSourceAttributes()}
	state := tfsdk.State{Schema: schema, Raw: tftypes.NewValue(schema.Type().TerraformType(ctx), nil)}
	var m groupModel
	m.FromAPI(apiGroup())
	if diags := state.Set(ctx, &m); diags.HasError() {
		t.Fatalf("Set: %v", diags)
	}
	var back groupModel
	if diags := state.Get(ctx, &back); diags.HasError() {
		t.Fatalf("Get: %v", diags)
	}
	compareModels(t, back, m)
}

// ---- fuzz ----

// FuzzDecodeError checks decodeError against CONTRACT.md §3, read
// here independently of the decoder (as a generic JSON document):
//   - the record is gone only for HTTP 404 with Xtrakit's own body, whose
//     "error" member is exactly "Customer not found" or "Group not found";
//     any other 404 (wrong base_url, a proxy, "0", "null") is not;
//   - Message is the "error" string of a JSON object body, else empty;
//   - Details are "field: message", one per message of "errors", sorted
//     by field; Field is set only when exactly one field has messages.
func FuzzDecodeError(f *testing.F) {
	f.Add(422, []byte(`{"status":422,"error":"Validation failed","errors":{"customer_phone":["The customer phone field is required."]}}`))
	f.Add(422, []byte(`{"status":422,"error":"Validation failed","errors":{"b":["1","2"],"a":["3"]}}`))
	f.Add(404, []byte(`{"status":404,"error":"Customer not found"}`))
	f.Add(404, []byte(`{"status":404,"error":"Group not found"}`))
	f.Add(404, []byte(`{"status":404,"error":"Route not found"}`))
	f.Add(404, []byte(`{"status":404,"ERROR":"Customer not found"}`))
	f.Add(404, []byte(`<html>Not Found</html>`))
	f.Add(200, []byte(`{"status":404,"error":"Customer not found"}`))
	f.Add(409, []byte(`{"status":409,"error":"Customer group has customers"}`))
	f.Add(401, []byte(`{"status":401,"error":"Unauthorized: Invalid API Key"}`))
	f.Add(502, []byte(`<html>Bad Gateway</html>`))
	f.Add(500, []byte(``))
	f.Add(422, []byte(`{"errors":{"x":null,"y":[]}}`))
	f.Add(422, []byte(`{"errors":{"x":["only"],"y":[]}}`))
	f.Add(422, []byte(`{"errors":[1,2],"error":{"nested":true}}`))
	f.Fuzz(func(t *testing.T, status int, body []byte) {
		e := decodeError(status, body)
		if e == nil {
			t.Fatal("nil APIError")
		}

		// The contract's reading of the body.
		var doc any
		_ = json.Unmarshal(body, &doc) // not JSON: doc stays nil
		obj, _ := doc.(map[string]any)
		msg, _ := obj["error"].(string)
		wantGone := status == http.StatusNotFound && (msg == "Customer not found" || msg == "Group not found")

		if e.NotFound != wantGone {
			t.Errorf("NotFound = %v for HTTP %d %q, want %v", e.NotFound, status, body, wantGone)
		}
		var err error = e
		if transport.IsNotFound(err) != e.NotFound {
			t.Error("IsNotFound disagrees with NotFound")
		}
		if e.Message != msg {
			t.Errorf("Message = %q, want %q", e.Message, msg)
		}
		if e.Field != "" {
			for _, d := range e.Details {
				if !strings.HasPrefix(d, e.Field+": ") {
					t.Errorf("detail %q not about the single field %q", d, e.Field)
				}
			}
		}
		// A well-formed "errors" member: one detail per message, fields in
		// order, and Field set exactly when one field has messages.
		if want, blamed, ok := wellFormedErrors(obj["errors"]); ok {
			if !slices.Equal(e.Details, want) {
				t.Errorf("Details = %q, want %q", e.Details, want)
			}
			wantField := ""
			if len(blamed) == 1 {
				wantField = blamed[0]
			}
			if e.Field != wantField {
				t.Errorf("Field = %q, want %q (fields with messages: %q)", e.Field, wantField, blamed)
			}
		}
		_ = e.Error()
	})
}

// wellFormedErrors reads an "errors" member shaped as the contract says
// ({"field":["message", ...]}, with null or [] for no message): the details
// it must give ("field: message", by field, then in order) and the fields
// that have messages. ok is false for any other shape.
func wellFormedErrors(v any) (details, blamed []string, ok bool) {
	if v == nil {
		return nil, nil, true
	}
	m, isObj := v.(map[string]any)
	if !isObj {
		return nil, nil, false
	}
	for _, field := range slices.Sorted(maps.Keys(m)) {
		if m[field] == nil {
			continue
		}
		arr, isArr := m[field].([]any)
		if !isArr {
			return nil, nil, false
		}
		for _, x := range arr {
			msg, isStr := x.(string)
			if !isStr {
				return nil, nil, false
			}
			details = append(details, field+": "+msg)
		}
		if len(arr) > 0 {
			blamed = append(blamed, field)
		}
	}
	return details, blamed, true
}

func FuzzCustomerEnvelope(f *testing.F) {
	f.Add([]byte(`{"status":200,"message":"Customer retrieved successfully","data":{"customer":{"id":42,"customer_group_id":3,` +
		`"customer_name":"Jane","customer_email":"jane@example.com","customer_phone":"+1","customer_whatsapp":null,` +
		`"customer_country":"Ghana","customer_city":"Accra","customer_state":"GA","customer_zip":"00233","address1":"x",` +
		`"address2":"","customer_profile":null,"created_by":"me","user_id":"u","business_code":"482193",` +
		`"created_at":"2024-08-12 07:03:13","updated_at":"2024-08-12 07:03:13"},"customer-group":[]}}`))
	f.Add([]byte(`{"data":{"customer":{"id":1,"business_code":482193}}}`))
	f.Add([]byte(`{"data":{"customer":null}}`))
	f.Add([]byte(`{"data":{}}`))
	f.Add([]byte(`{"data":{"customer":{"id":-9223372036854775808,"business_code":null,"customer_group_id":0}}}`))
	f.Add([]byte(`{"data":{"customer":{"id":"7"}}}`))
	f.Add([]byte(`[]`))
	f.Add([]byte(`not json`))
	f.Fuzz(func(t *testing.T, body []byte) {
		var env envelope[customerData]
		if err := json.Unmarshal(body, &env); err != nil {
			return
		}
		c, err := mustHave(env.Data.Customer, "customer")
		if err != nil {
			return
		}
		for _, prior := range []customerModel{{}, fullCustomerModel()} {
			m := prior
			m.FromAPI(c)
			if m.ID.ValueString() != strconv.FormatInt(c.ID, 10) {
				t.Errorf("id %q for %d", m.ID.ValueString(), c.ID)
			}
			if m.BusinessCode.ValueString() != string(c.BusinessCode) {
				t.Errorf("business_code %q for %q", m.BusinessCode.ValueString(), c.BusinessCode)
			}
			// What is read is what the next PUT sends back (null and ""
			// being the same record).
			if in := m.toInput(); !sameCustomer(in, c.CustomerInput) {
				t.Errorf("read then sent back:\n%+v\nanswer was\n%+v", in, c.CustomerInput)
			}
		}
	})
}
