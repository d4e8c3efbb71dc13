package razorpay_test

// Messy customer data (CONTRIBUTING.md, "Behaviour every resource has"):
// customers made outside Terraform with blanks around values, e-mails in
// mixed case and Razorpay's own mixed-case GSTIN example are imported as
// they are stored, and a configuration in another spelling converges in
// one in-place update, never a replacement. Every test runs on the sandbox
// as configured: storing values as given (the default) or normalising them
// like a real API may (ACC_NORMALIZE=1: trimmed strings, lower-case
// e-mails, upper-case GSTINs).

import (
	"encoding/json"
	"fmt"
	"sort"
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
	sbx "github.com/customerops/terraform-provider-crm/internal/sandbox/razorpay"
)

// gstinExample is the GSTIN of Razorpay's own edit page, in mixed case.
const gstinExample = "29XAbbA4369J1PA"

// messyCustomer is a customer typed in by hand elsewhere.
func messyCustomer() customer {
	return customer{
		Name: " Gaurav Kumar ", Contact: "+919876543210", Email: "Gaurav.Kumar@Example.com", GSTIN: gstinExample,
		Notes: map[string]string{"tier": "gold ", "since": " 2019"},
	}
}

// tidy is c as a normalising platform stores it.
func (c customer) tidy() customer {
	t := customer{Name: strings.TrimSpace(c.Name), Contact: strings.TrimSpace(c.Contact),
		Email: strings.ToLower(strings.TrimSpace(c.Email)), GSTIN: strings.ToUpper(strings.TrimSpace(c.GSTIN))}
	if c.Notes != nil {
		t.Notes = map[string]string{}
		for k, v := range c.Notes {
			t.Notes[k] = strings.TrimSpace(v)
		}
	}
	return t
}

func (c customer) seed() sbx.Customer {
	sc := sbx.Customer{Name: c.Name, Contact: c.Contact, Email: c.Email, Notes: c.Notes}
	if c.GSTIN != "" {
		sc.GSTIN = &c.GSTIN
	}
	return sc
}

// hcl is crm_razorpay_customer.<name>, with an import block when id is set.
func (c customer) hcl(name, id string) string {
	var b strings.Builder
	if id != "" {
		fmt.Fprintf(&b, "\nimport {\n  to = crm_razorpay_customer.%s\n  id = %q\n}\n", name, id)
	}
	fmt.Fprintf(&b, "\nresource \"crm_razorpay_customer\" %q {\n", name)
	for _, kv := range [][2]string{{"name", c.Name}, {"contact", c.Contact}, {"email", c.Email}, {"gstin", c.GSTIN}} {
		if kv[1] != "" {
			fmt.Fprintf(&b, "  %s = %s\n", kv[0], strconv.Quote(kv[1]))
		}
	}
	if c.Notes != nil {
		keys := make([]string, 0, len(c.Notes))
		for k := range c.Notes {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		b.WriteString("  notes = {\n")
		for _, k := range keys {
			fmt.Fprintf(&b, "    %s = %s\n", strconv.Quote(k), strconv.Quote(c.Notes[k]))
		}
		b.WriteString("  }\n")
	}
	b.WriteString("}\n")
	return b.String()
}

// inState checks every attribute of c in addr's state, as written.
func (c customer) inState(addr string) []statecheck.StateCheck {
	checks := []statecheck.StateCheck{
		statecheck.ExpectKnownValue(addr, tfjsonpath.New("name"), knownvalue.StringExact(c.Name)),
		statecheck.ExpectKnownValue(addr, tfjsonpath.New("contact"), knownvalue.StringExact(c.Contact)),
		statecheck.ExpectKnownValue(addr, tfjsonpath.New("email"), knownvalue.StringExact(c.Email)),
		statecheck.ExpectKnownValue(addr, tfjsonpath.New("gstin"), knownvalue.StringExact(c.GSTIN)),
	}
	notes := map[string]knownvalue.Check{}
	for k, v := range c.Notes {
		notes[k] = knownvalue.StringExact(v)
	}
	return append(checks, statecheck.ExpectKnownValue(addr, tfjsonpath.New("notes"), knownvalue.MapExact(notes)))
}

// writes checks how many creates and edits Razorpay received.
func writes(s *sandbox.Server, posts, puts int) resource.TestCheckFunc {
	return resource.ComposeAggregateTestCheckFunc(
		acctest.CheckRequestCount(s, sbx.Name, "POST", posts),
		acctest.CheckRequestCount(s, sbx.Name, "PUT", puts))
}

// TestAccRazorpayCustomer_messyImport: a customer with blanks around its
// name and notes, a mixed-case e-mail and Razorpay's mixed-case GSTIN
// example imports with a configuration in its stored spelling to an empty
// plan, with no write; `terraform import` reads the same values. A tidied
// configuration then plans one in-place update (the edit carries name and
// e-mail; gstin and notes, which Razorpay cannot edit, are only recorded),
// never a replacement, and nothing after it.
func TestAccRazorpayCustomer_messyImport(t *testing.T) {
	s := newSandbox(t)
	asStored := messyCustomer()
	seeded := sbx.StoreOf(s).Customers.Seed(asStored.seed())
	tidy := asStored.tidy()
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: acctest.MessyImport{
			Addr:     customerAddr,
			AsStored: acctest.Config(s, asStored.hcl("test", seeded.ID)), AsStoredState: asStored.inState(customerAddr),
			Tidy: acctest.Config(s, tidy.hcl("test", seeded.ID)), TidyState: tidy.inState(customerAddr),
			ImportIgnore: []string{"adopt_existing"},
			Writes:       func(updates int) resource.TestCheckFunc { return writes(s, 0, updates) },
			Updated: acctest.CheckLastBody(s, sbx.Name, "PUT", map[string]any{
				"name": "Gaurav Kumar", "contact": "+919876543210", "email": "gaurav.kumar@example.com",
			}),
			Settled: storeCount(s, 1),
		}.Steps(),
	})
}

// TestAccRazorpayCustomer_messyConfig: the configuration is the messy one.
// Created by Terraform (Razorpay's GSTIN example accepted as written) and
// imported over a customer stored tidy, the configured spelling stays in
// state even where the answer comes back normalised (no "inconsistent
// result after apply"), the import plans one in-place update, and the next
// plan is empty.
func TestAccRazorpayCustomer_messyConfig(t *testing.T) {
	s := newSandbox(t)
	messy := messyCustomer()
	other := messy
	other.Contact = "+919812345678"
	seeded := sbx.StoreOf(s).Customers.Seed(other.tidy().seed())
	created := "crm_razorpay_customer.created"
	config := acctest.Config(s, other.hcl("test", seeded.ID)+messy.hcl("created", ""))
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config: config,
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(customerAddr, plancheck.ResourceActionUpdate),
						plancheck.ExpectResourceAction(created, plancheck.ResourceActionCreate),
					},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				ConfigStateChecks: append(other.inState(customerAddr), messy.inState(created)...),
				Check: resource.ComposeAggregateTestCheckFunc(writes(s, 1, 1), storeCount(s, 2), func(*terraform.State) error {
					want := messy
					if acctest.Normalizing() {
						want = messy.tidy()
					}
					for _, c := range sbx.StoreOf(s).Customers.List() {
						if c.Contact != messy.Contact {
							continue
						}
						got, _ := json.Marshal(c.Notes)
						if c.Name != want.Name || c.Email != want.Email || *c.GSTIN != want.GSTIN || !sameJSON(c.Notes, want.Notes) {
							return fmt.Errorf("the sandbox (normalising: %v) holds %q %q %q %s, want %+v",
								acctest.Normalizing(), c.Name, c.Email, *c.GSTIN, got, want)
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

func sameJSON(a, b map[string]string) bool {
	x, _ := json.Marshal(a)
	y, _ := json.Marshal(b)
	return string(x) == string(y)
}
