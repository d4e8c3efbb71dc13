package webcommander

import (
	"context"
	"encoding/json"
	"math/big"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/customerops/terraform-provider-crm/internal/crud"
	"github.com/customerops/terraform-provider-crm/internal/fields"
)

const answer = `{"customer":{"id":7,"display_id":1007,"status":"active","first_name":"Ada","last_name":"Lovelace",
"email":"ada@example.com","sex":"female","company":true,"company_name":"Analytical","abn":"51824753556","abn_branch":"001",
"shipping_profile":{"id":2,"name":"Express"},"allow_credit_limit":true,"store_credit":150,"credit_limit":99.5,
"customer_password_expired":false,"created_at":"2026-11-30T09:00:00Z","version":3,"addresses":[
{"id":1,"type":"PRIMARY","address_line_1":"1 Engine St","city":"Sydney","post_code":"2000","country":{"id":1,"name":"Australia","code":"AU"},"state":{"id":2,"name":"New South Wales","code":"NSW"},"mobile":"0400000000","phone":null},
{"id":2,"type":"SHIPPING","address_line_1":"1 Engine St","city":"Sydney"},{"id":3,"type":"BILLING","address_line_1":"1 Engine St","city":"Sydney"}]}}`

func decoded(t *testing.T) *Customer {
	t.Helper()
	var env customerEnvelope
	if err := json.Unmarshal([]byte(answer), &env); err != nil {
		t.Fatal(err)
	}
	return env.Customer
}

func num(s string) types.Number {
	f, _, _ := big.ParseFloat(s, 10, 512, big.ToNearestEven)
	return types.NumberValue(f)
}

// The answer's shape maps back onto the request's attributes.
func TestFromAPIMapsTheAnswersShapeBack(t *testing.T) {
	m := customerModel{Country: fields.TextValue("Australia"), State: fields.TextValue("nsw"), Phone: fields.TextNull(), Email: fields.EmailNull()}
	m.FromAPI(decoded(t))
	checks := map[string][2]string{
		"id":           {m.ID.ValueString(), "7"},
		"gender (sex)": {m.Gender.ValueString(), "female"},
		"address_line": {m.AddressLine.ValueString(), "1 Engine St"},
		"city":         {m.City.ValueString(), "Sydney"},
		"post_code":    {m.PostCode.ValueString(), "2000"},
		"country kept": {m.Country.ValueString(), "Australia"},
		"state kept":   {m.State.ValueString(), "nsw"},
		"mobile":       {m.Mobile.ValueString(), "0400000000"},
	}
	for what, c := range checks {
		if c[0] != c[1] {
			t.Errorf("%s = %q, want %q", what, c[0], c[1])
		}
	}
	if !m.Phone.IsNull() || m.ShippingProfileID.ValueInt64() != 2 || m.DisplayID.ValueInt64() != 1007 {
		t.Errorf("phone %v, shipping profile %v, display id %v", m.Phone, m.ShippingProfileID, m.DisplayID)
	}
	if !m.StoreCredit.Equal(num("150.00")) || !m.CreditLimit.Equal(num("99.50")) {
		t.Errorf("amounts %v, %v: 150 must equal \"150.00\" and 99.5 \"99.50\"", m.StoreCredit, m.CreditLimit)
	}
	if n := len(m.Addresses.Elements()); n != 3 {
		t.Errorf("%d addresses, want 3", n)
	}
	// Another spelling than the answer's: the answer's code wins.
	m = customerModel{Country: fields.TextValue("NZ"), Email: fields.EmailNull()}
	m.FromAPI(decoded(t))
	if m.Country.ValueString() != "AU" {
		t.Errorf("country = %q, want AU (changed outside Terraform)", m.Country.ValueString())
	}
}

func resourceModel(t *testing.T) *customerResourceModel {
	m := &customerResourceModel{customerModel: customerModel{Email: fields.EmailNull()}}
	m.FromAPI(decoded(t))
	m.Password, m.PasswordWO, m.PasswordWOVersion, m.Newsletter = types.StringValue("s3cret"), types.StringNull(), types.Int64Null(), types.BoolValue(true)
	return m
}

func bodyJSON(t *testing.T, b customerBody) string {
	raw, err := json.Marshal(b)
	if err != nil {
		t.Fatal(err)
	}
	return string(raw)
}

// An update sends only what changed; a removed field is cleared; the
// password only when it changes.
func TestUpdateBodyCarriesOnlyWhatChanged(t *testing.T) {
	ctx := context.Background()
	state := resourceModel(t)
	plan := resourceModel(t)
	plan.City = fields.TextValue("Melbourne")
	plan.ABNBranch = fields.TextNull()
	plan.StoreCredit = num("200")
	got := bodyJSON(t, updateBody(ctx, crud.Change[customerResourceModel]{Plan: plan, State: state, Config: plan}))
	if want := `{"customer":{"abn_branch":"","city":"Melbourne"},"store_credit":"200.00"}`; got != want {
		t.Errorf("body\n got %s\nwant %s", got, want)
	}

	plan = resourceModel(t)
	plan.Password = types.StringValue("n3w")
	got = bodyJSON(t, updateBody(ctx, crud.Change[customerResourceModel]{Plan: plan, State: state, Config: plan}))
	if want := `{"customer":{"password":"n3w"}}`; got != want {
		t.Errorf("password change: got %s, want %s", got, want)
	}

	// Write-only: the value exists only in config, sent when the version moves.
	state.Password, state.PasswordWOVersion = types.StringNull(), types.Int64Value(1)
	plan = resourceModel(t)
	plan.Password, plan.PasswordWOVersion = types.StringNull(), types.Int64Value(2)
	config := *plan
	config.PasswordWO = types.StringValue("wo-secret")
	got = bodyJSON(t, updateBody(ctx, crud.Change[customerResourceModel]{Plan: plan, State: state, Config: &config}))
	if want := `{"customer":{"password":"wo-secret"}}`; got != want {
		t.Errorf("password_wo_version change: got %s, want %s", got, want)
	}
	plan.PasswordWOVersion = types.Int64Value(1)
	if b := updateBody(ctx, crud.Change[customerResourceModel]{Plan: plan, State: state, Config: &config}); len(b.Customer)+len(b.Top) != 0 {
		t.Errorf("same version: want nothing to send, got %s", bodyJSON(t, b))
	}
}

func TestAmountRule(t *testing.T) {
	for in, valid := range map[string]bool{"150": true, "150.00": true, "150.5": true, "0.01": true, "0": true, "150.555": false, "-1": false, "0.001": false} {
		var resp validator.NumberResponse
		amountRule{}.ValidateNumber(context.Background(), validator.NumberRequest{Path: path.Root("store_credit"), ConfigValue: num(in)}, &resp)
		if resp.Diagnostics.HasError() == valid {
			t.Errorf("%s: errors %v, want valid=%v", in, resp.Diagnostics, valid)
		}
	}
}
