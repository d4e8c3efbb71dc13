package webcommander

import (
	"testing"

	"github.com/customerops/terraform-provider-crm/internal/sandbox/normalize"
)

func TestNormalize(t *testing.T) {
	s := newServer(t)
	body := `{"customer":{"first_name":" Jane\t","email":"Jane@Example.COM","city":" Sydney ","state":" NSW ","password":" pw "}}`
	c := s.create(body)
	if c["first_name"] != " Jane\t" || c["email"] != "Jane@Example.COM" {
		t.Errorf("switches off: %v", c)
	}
	s.store.SetNormalize(normalize.Options{LowerEmails: true, TrimSpace: true})
	c = s.create(`{"customer":{"first_name":" Jo ","email":"Jo@Example.COM","city":" Sydney ","country":"AU","state":" NSW ","password":" pw "}}`)
	a := c["addresses"].([]any)[0].(map[string]any)
	if c["first_name"] != "Jo" || c["email"] != "jo@example.com" || a["city"] != "Sydney" ||
		mustJSON(a["state"]) != `{"code":"NSW","id":1,"name":"New South Wales"}` {
		t.Errorf("switches on: %v", c)
	}
	// The password is a credential: kept as sent.
	if p, _ := s.store.Password(id(c)); p != " pw " {
		t.Errorf("password %q", p)
	}
	// Uniqueness sees the stored (lower-cased) value; PUT normalises too.
	s.Expect("POST", "/api/v4/admin/customers", `{"customer":{"first_name":"J","email":"JO@example.com"}}`, 409, takenBody)
	c = wire(t, mustDo(t, s, "PUT", path(1), `{"customer":{"last_name":" Doe ","email":"JANE@EXAMPLE.COM"}}`))
	if c["last_name"] != "Doe" || c["email"] != "jane@example.com" || c["first_name"] != " Jane\t" {
		t.Errorf("PUT with switches on: %v", c)
	}
	// Validation sees the value as sent.
	s.Expect("POST", "/api/v4/admin/customers", `{"customer":{"first_name":"J","country":" AU "}}`, 400,
		validation([3]string{"country", "invalid", "Unknown country"}))
}
