package xtrakit_test

// Messy customer data (CONTRIBUTING.md, "Behaviour every resource has"):
// records made outside Terraform with blanks around values and e-mails in
// mixed case are imported as they are stored, and a configuration in
// another spelling converges in one in-place update. Every test runs on the
// sandbox as configured: storing values as given (the default) or
// normalising them like a real API may (ACC_NORMALIZE=1: trimmed strings,
// lower-case e-mails).

import (
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
	sbx "github.com/customerops/terraform-provider-crm/internal/sandbox/xtrakit"
)

func sp(s string) *string { return &s }

// messySeed is a customer typed in by hand elsewhere: blanks around most
// values, an e-mail in mixed case.
func messySeed() sbx.Customer {
	return sbx.Customer{
		CustomerName: "  Ama Owusu ", CustomerEmail: sp("Ama.Owusu@Example.COM"), CustomerPhone: "+233244567890 ",
		CustomerWhatsapp: sp(" "), CustomerCountry: "Ghana", CustomerState: " Ashanti", CustomerCity: "Kumasi ",
		CustomerZip: sp(" 00233"), Address1: "12 Harper Road\t", Address2: sp("\nFlat 3"), CreatedBy: "import-team ",
	}
}

// messyAttrs is c as resource attributes, in the spelling stored.
func messyAttrs(c sbx.Customer) map[string]string {
	attrs := map[string]string{
		"name": c.CustomerName, "phone": c.CustomerPhone, "country": c.CustomerCountry, "state": c.CustomerState,
		"city": c.CustomerCity, "address1": c.Address1, "created_by": c.CreatedBy,
	}
	for k, p := range map[string]*string{"email": c.CustomerEmail, "whatsapp": c.CustomerWhatsapp, "zip": c.CustomerZip,
		"address2": c.Address2} {
		if p != nil {
			attrs[k] = *p
		}
	}
	return attrs
}

// tidied is attrs trimmed, with the e-mail in lower case: what a
// normalising platform stores.
func tidied(attrs map[string]string) map[string]string {
	out := map[string]string{}
	for k, v := range attrs {
		out[k] = strings.TrimSpace(v)
	}
	if e, ok := out["email"]; ok {
		out["email"] = strings.ToLower(e)
	}
	return out
}

// stored is what the sandbox keeps of a value the provider sent.
func stored(v string) string {
	if acctest.Normalizing() {
		return strings.TrimSpace(v)
	}
	return v
}

// resourceHCL writes a resource block, every value quoted as written, with
// an import block when id is set.
func resourceHCL(typ, name, id string, attrs map[string]string) string {
	var b strings.Builder
	if id != "" {
		fmt.Fprintf(&b, "\nimport {\n  to = %s.%s\n  id = %q\n}\n", typ, name, id)
	}
	fmt.Fprintf(&b, "\nresource %q %q {\n", typ, name)
	keys := make([]string, 0, len(attrs))
	for k := range attrs {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		fmt.Fprintf(&b, "  %s = %s\n", k, strconv.Quote(attrs[k]))
	}
	b.WriteString("}\n")
	return b.String()
}

func stateIs(addr string, attrs map[string]string) []statecheck.StateCheck {
	var checks []statecheck.StateCheck
	for k, v := range attrs {
		checks = append(checks, statecheck.ExpectKnownValue(addr, tfjsonpath.New(k), knownvalue.StringExact(v)))
	}
	return checks
}

func emptyAfterApply() []plancheck.PlanCheck {
	return []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}
}

// TestAccXtrakitCustomer_messyImport: a customer made outside Terraform,
// with blanks around its values and a mixed-case e-mail, imports with a
// configuration in its stored spelling (as generated configuration writes
// it) to an empty plan, with no write; `terraform import` reads the same
// values. A tidied configuration then plans exactly one in-place update,
// and nothing after it.
func TestAccXtrakitCustomer_messyImport(t *testing.T) {
	s := acctest.Sandbox(t)
	seeded := sbx.StoreOf(s).Customers.Seed(messySeed())
	id := strconv.FormatInt(seeded.ID, 10)
	asStored := messyAttrs(seeded)
	tidy := tidied(asStored)
	writes := func(puts int) resource.TestCheckFunc {
		return resource.ComposeAggregateTestCheckFunc(
			acctest.CheckRequestCount(s, sbx.Name, "POST", 0),
			acctest.CheckRequestCount(s, sbx.Name, "PUT", puts))
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: acctest.MessyImport{
			Addr:     customerAddr,
			AsStored: acctest.Config(s, resourceHCL("crm_xtrakit_customer", "test", id, asStored)), AsStoredState: stateIs(customerAddr, asStored),
			Tidy: acctest.Config(s, resourceHCL("crm_xtrakit_customer", "test", id, tidy)), TidyState: stateIs(customerAddr, tidy),
			Writes: writes,
			Updated: func(*terraform.State) error {
				c, _ := sbx.StoreOf(s).Customers.Get(seeded.ID)
				if c.CustomerCity != "Kumasi" || *c.CustomerEmail != "ama.owusu@example.com" {
					return fmt.Errorf("the update should store the configured spelling, the sandbox holds %+v", c)
				}
				return nil
			},
		}.Steps(),
	})
}

// TestAccXtrakitCustomer_messyConfig: the configuration is the messy one.
// Imported over a record stored tidy (as a normalising platform keeps
// it), it plans one in-place update, whose answer may come back tidied
// again: the configured spelling stays in state (no "inconsistent result
// after apply") and the next plan is empty. Created by Terraform from the
// same messy values, the same holds.
func TestAccXtrakitCustomer_messyConfig(t *testing.T) {
	s := acctest.Sandbox(t)
	messy := messyAttrs(messySeed())
	tidyRecord := messySeed()
	for _, p := range []*string{&tidyRecord.CustomerName, &tidyRecord.CustomerPhone, &tidyRecord.CustomerState,
		&tidyRecord.CustomerCity, &tidyRecord.Address1, &tidyRecord.CreatedBy} {
		*p = strings.TrimSpace(*p)
	}
	tidyRecord.CustomerEmail, tidyRecord.CustomerZip, tidyRecord.Address2 = sp("ama.owusu@example.com"), sp("00233"), sp("Flat 3")
	tidyRecord.CustomerWhatsapp = sp("")
	seeded := sbx.StoreOf(s).Customers.Seed(tidyRecord)
	id := strconv.FormatInt(seeded.ID, 10)
	created := "crm_xtrakit_customer.created"
	config := acctest.Config(s, resourceHCL("crm_xtrakit_customer", "test", id, messy)+
		resourceHCL("crm_xtrakit_customer", "created", "", messy))
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
					PostApplyPostRefresh: emptyAfterApply(),
				},
				ConfigStateChecks: append(stateIs(customerAddr, messy), stateIs(created, messy)...),
				Check: resource.ComposeAggregateTestCheckFunc(
					acctest.CheckRequestCount(s, sbx.Name, "PUT", 1),
					func(*terraform.State) error {
						for _, c := range sbx.StoreOf(s).Customers.List() {
							if c.CustomerCity != stored("Kumasi ") || c.CustomerName != stored("  Ama Owusu ") {
								return fmt.Errorf("customer %d: city %q, name %q: the sandbox should hold what it was sent (normalising: %v)",
									c.ID, c.CustomerCity, c.CustomerName, acctest.Normalizing())
							}
						}
						return nil
					},
				),
			},
			{
				Config:           config,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: emptyAfterApply()},
				Check:            acctest.CheckRequestCount(s, sbx.Name, "PUT", 1),
			},
		},
	})
}

// TestAccXtrakitCustomerGroup_messyData: a group with blanks around its
// name and description imports in its stored spelling to an empty plan;
// a tidied configuration plans one in-place update, then nothing; a group
// created from messy values plans empty after apply on either sandbox.
func TestAccXtrakitCustomerGroup_messyData(t *testing.T) {
	s := acctest.Sandbox(t)
	seeded := sbx.StoreOf(s).Groups.Seed(sbx.Group{GroupName: "VIP ", GroupDescription: sp(" Top customers\n")})
	id := strconv.FormatInt(seeded.ID, 10)
	asStored := map[string]string{"name": "VIP ", "description": " Top customers\n"}
	tidy := tidied(asStored)
	createdAddr := "crm_xtrakit_customer_group.created"
	created := resourceHCL("crm_xtrakit_customer_group", "created", "", map[string]string{"name": " Gold\t", "description": "  "})
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config: acctest.Config(s, resourceHCL("crm_xtrakit_customer_group", "test", id, asStored)+created),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(groupAddr, plancheck.ResourceActionNoop),
						plancheck.ExpectResourceAction(createdAddr, plancheck.ResourceActionCreate),
					},
					PostApplyPostRefresh: emptyAfterApply(),
				},
				ConfigStateChecks: append(stateIs(groupAddr, asStored),
					stateIs(createdAddr, map[string]string{"name": " Gold\t", "description": "  "})...),
				Check: acctest.CheckRequestCount(s, sbx.Name, "PUT", 0),
			},
			{ResourceName: groupAddr, ImportState: true, ImportStateVerify: true},
			{
				Config: acctest.Config(s, resourceHCL("crm_xtrakit_customer_group", "test", id, tidy)+created),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply:             []plancheck.PlanCheck{plancheck.ExpectResourceAction(groupAddr, plancheck.ResourceActionUpdate)},
					PostApplyPostRefresh: emptyAfterApply(),
				},
				ConfigStateChecks: stateIs(groupAddr, tidy),
				Check:             acctest.CheckRequestCount(s, sbx.Name, "PUT", 1),
			},
		},
	})
}

// TestAccXtrakitCustomer_messyLostCreate: creates of a messy customer and
// a messy group commit and lose their answers. A normalising platform
// stored them trimmed and lower-cased; the provider still recognises the
// records its creates made and adopts them, instead of creating seconds.
func TestAccXtrakitCustomer_messyLostCreate(t *testing.T) {
	s := acctest.Sandbox(t)
	for _, path := range []string{"/customers/add", "/customer-groups/add"} {
		s.InjectFault(sandbox.Fault{Platform: sbx.Name, Method: "POST", Path: path, Times: 1, DropAfterCommit: true})
	}
	config := acctest.Config(s, resourceHCL("crm_xtrakit_customer", "test", "", messyAttrs(messySeed()))+
		resourceHCL("crm_xtrakit_customer_group", "test", "", map[string]string{"name": " Gold\t", "description": "Top "}))
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{{
			Config: config,
			Check: resource.ComposeAggregateTestCheckFunc(
				acctest.CheckRequestCount(s, sbx.Name, "POST", 2),
				acctest.CheckAnswered(s, sbx.Name, "POST", "/customers/add", acctest.Dropped),
				acctest.CheckAnswered(s, sbx.Name, "POST", "/customer-groups/add", acctest.Dropped),
				func(*terraform.State) error {
					if c, g := len(sbx.StoreOf(s).Customers.List()), len(sbx.StoreOf(s).Groups.List()); c != 1 || g != 1 {
						return fmt.Errorf("want 1 customer and 1 group after lost create answers, the sandbox holds %d and %d", c, g)
					}
					return nil
				},
			),
		}},
	})
}
