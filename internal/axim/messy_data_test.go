package axim_test

// Messy customer data (CONTRIBUTING.md, "Behaviour every resource has"):
// customers made outside Terraform with blanks around values, e-mails in
// mixed case and address codes in lower case are imported as they are
// stored, and a configuration in another spelling converges in one
// in-place update. Every test runs on the sandbox as configured: storing
// values as given (the default) or normalising them like a real API may
// (ACC_NORMALIZE=1: every string trimmed, meta codes included, e-mails in
// lower case).

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/customerops/terraform-provider-crm/internal/acctest"
	"github.com/customerops/terraform-provider-crm/internal/sandbox"
	sbx "github.com/customerops/terraform-provider-crm/internal/sandbox/axim"
)

// messy is a customer as typed in by hand, attribute by attribute; the
// address's and the meta fields' are separate.
type messy struct {
	top, addr map[string]string
	meta      map[string]string // code -> HCL value
}

func messyJohn(email string) messy {
	return messy{
		top: map[string]string{"first_name": " John", "last_name": "Doe ", "email": email, "phone_number": " 65161861",
			"notes": "VIP customer "},
		addr: map[string]string{"first_name": "John ", "address1": "12/4, test st ", "city": "Elizabeth ", "state": "nj",
			"country": "us", "zipcode": "07202 "},
		meta: map[string]string{"tier": `"gold "`, "loyalty_id": "12548"},
	}
}

// tidy is m as a normalising platform (with upper-case codes) stores it.
func (m messy) tidy() messy {
	t := messy{top: map[string]string{}, addr: map[string]string{}, meta: map[string]string{}}
	for k, v := range m.top {
		t.top[k] = strings.TrimSpace(v)
	}
	t.top["email"] = strings.ToLower(t.top["email"])
	for k, v := range m.addr {
		t.addr[k] = strings.TrimSpace(v)
		if k == "state" || k == "country" {
			t.addr[k] = strings.ToUpper(t.addr[k])
		}
	}
	for k, v := range m.meta {
		t.meta[strings.TrimSpace(k)] = v
	}
	return t
}

func sp(s string) *string { return &s }

// seed is m as an Axim record, stored verbatim.
func (m messy) seed() sbx.Customer {
	a := sbx.Address{IsDefaultAddress: true}
	for k, p := range map[string]**string{"first_name": &a.FirstName, "address1": &a.Address1, "city": &a.City,
		"state": &a.State, "country": &a.Country, "zipcode": &a.Zipcode} {
		if v, ok := m.addr[k]; ok {
			*p = sp(v)
		}
	}
	c := sbx.Customer{FirstName: m.top["first_name"], LastName: m.top["last_name"], Email: m.top["email"], Status: "active",
		PhoneNumber: sp(m.top["phone_number"]), Notes: sp(m.top["notes"]), Address: []sbx.Address{a}}
	for _, k := range sortedKeys(m.meta) {
		c.MetaFields = append(c.MetaFields, sbx.MetaField{Code: k, Value: json.RawMessage(m.meta[k])})
	}
	return c
}

// hcl is crm_axim_customer.<name>, with an import block when id is set.
func (m messy) hcl(name, id string) string {
	var b strings.Builder
	if id != "" {
		fmt.Fprintf(&b, "\nimport {\n  to = crm_axim_customer.%s\n  id = %q\n}\n", name, id)
	}
	fmt.Fprintf(&b, "\nresource \"crm_axim_customer\" %q {\n", name)
	for _, k := range sortedKeys(m.top) {
		fmt.Fprintf(&b, "  %s = %s\n", k, strconv.Quote(m.top[k]))
	}
	b.WriteString("  addresses = [{\n    is_default = true\n")
	for _, k := range sortedKeys(m.addr) {
		fmt.Fprintf(&b, "    %s = %s\n", k, strconv.Quote(m.addr[k]))
	}
	b.WriteString("  }]\n  meta_fields = {\n")
	for _, k := range sortedKeys(m.meta) {
		fmt.Fprintf(&b, "    %s = %s\n", strconv.Quote(k), m.meta[k])
	}
	b.WriteString("  }\n}\n")
	return b.String()
}

// inState checks the strings of m in addr's state, as written.
func (m messy) inState(addr string) []statecheck.StateCheck {
	var checks []statecheck.StateCheck
	for k, v := range m.top {
		checks = append(checks, statecheck.ExpectKnownValue(addr, tfjsonpath.New(k), knownvalue.StringExact(v)))
	}
	for k, v := range m.addr {
		checks = append(checks, statecheck.ExpectKnownValue(addr, tfjsonpath.New("addresses").AtSliceIndex(0).AtMapKey(k), knownvalue.StringExact(v)))
	}
	for k := range m.meta {
		checks = append(checks, statecheck.ExpectKnownValue(addr, tfjsonpath.New("meta_fields").AtMapKey(k), knownvalue.NotNull()))
	}
	return checks
}

func sortedKeys(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	for i := range keys {
		for j := i + 1; j < len(keys); j++ {
			if keys[j] < keys[i] {
				keys[i], keys[j] = keys[j], keys[i]
			}
		}
	}
	return keys
}

func writes(s *sandbox.Server, posts, puts int) resource.TestCheckFunc {
	return resource.ComposeAggregateTestCheckFunc(
		acctest.CheckRequestCount(s, sbx.Name, "POST", posts),
		acctest.CheckRequestCount(s, sbx.Name, "PUT", puts))
}

// TestAccAximCustomer_messyImport: a customer with blanks around its
// values, a mixed-case e-mail and lower-case address codes imports with a
// configuration in its stored spelling to an empty plan, with no write;
// `terraform import` reads the same values. A tidied configuration then
// plans one in-place update, and nothing after it.
func TestAccAximCustomer_messyImport(t *testing.T) {
	s := acctest.Sandbox(t)
	asStored := messyJohn("John.Doe@AximCommerce.com")
	seeded := sbx.StoreOf(s).Customers.Seed(asStored.seed())
	tidy := asStored.tidy()
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: acctest.MessyImport{
			Addr:     customerAddr,
			AsStored: acctest.Config(s, asStored.hcl("test", seeded.ID)), AsStoredState: asStored.inState(customerAddr),
			Tidy: acctest.Config(s, tidy.hcl("test", seeded.ID)), TidyState: tidy.inState(customerAddr),
			ImportIgnore: []string{"timeouts"},
			Writes:       func(updates int) resource.TestCheckFunc { return writes(s, 0, updates) },
		}.Steps(),
	})
}

// TestAccAximCustomer_messyConfig: the configuration is the messy one,
// with a meta code written with a blank. Imported over a customer stored
// tidy, and created by Terraform, the configured spelling stays in state
// even where a normalising sandbox answers another (no "inconsistent
// result after apply"); the import plans one in-place update, and the
// next plan is empty.
func TestAccAximCustomer_messyConfig(t *testing.T) {
	s := acctest.Sandbox(t)
	imported := messyJohn("John.Doe@AximCommerce.com")
	seeded := sbx.StoreOf(s).Customers.Seed(imported.tidy().seed())
	created := messyJohn("Jane.Roe@AximCommerce.com")
	created.meta[" vip"] = "true"
	createdAddr := "crm_axim_customer.created"
	config := acctest.Config(s, imported.hcl("test", seeded.ID)+created.hcl("created", ""))
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config: config,
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(customerAddr, plancheck.ResourceActionUpdate),
						plancheck.ExpectResourceAction(createdAddr, plancheck.ResourceActionCreate),
					},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				ConfigStateChecks: append(imported.inState(customerAddr), created.inState(createdAddr)...),
				Check: resource.ComposeAggregateTestCheckFunc(writes(s, 1, 1), func(*terraform.State) error {
					// What the sandbox keeps of what it was sent.
					stored := func(v string) string {
						if acctest.Normalizing() {
							return strings.TrimSpace(v)
						}
						return v
					}
					for _, c := range sbx.StoreOf(s).Customers.List() {
						codes := map[string]bool{}
						for _, f := range c.MetaFields {
							codes[f.Code] = true
						}
						if c.FirstName != stored(" John") || *c.Address[0].City != stored("Elizabeth ") ||
							(strings.HasPrefix(strings.ToLower(c.Email), "jane") && !codes[stored(" vip")]) {
							return fmt.Errorf("customer %s holds first name %q, city %q, meta codes %v (normalising: %v)",
								c.ID, c.FirstName, *c.Address[0].City, codes, acctest.Normalizing())
						}
					}
					return nil
				}),
			},
			{
				Config:           config,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
				Check:            writes(s, 1, 1),
			},
		},
	})
}
