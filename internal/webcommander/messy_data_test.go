package webcommander_test

// Messy customer data (CONTRIBUTING.md, "Behaviour every resource has"):
// customers made outside Terraform with blanks around values, e-mails in
// mixed case and countries and states stored as names or codes in any case
// are imported as WebCommander answers them, and a configuration in another
// spelling (names instead of codes included) converges in one in-place
// update. Every test runs on the sandbox as configured: storing values as
// given (the default) or normalising them like a real API may
// (ACC_NORMALIZE=1: every string trimmed, e-mails in lower case).

import (
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
	sbx "github.com/customerops/terraform-provider-crm/internal/sandbox/webcommander"
)

// messyAda is a customer typed in by hand elsewhere: blanks around most
// values, a mixed-case e-mail, the country stored by name and the state
// as a code in lower case.
func messyAda() sbx.Customer {
	return sbx.Customer{
		FirstName: " Ada", LastName: "Lovelace ", Email: "Ada.Lovelace@Example.com", CompanyName: "Analytical Engines\t",
		AddressLine: "1 Engine St ", Country: "Australia", State: "nsw", PostCode: " 2000", City: "Sydney ",
		Mobile: "0400000000 ", Status: "active",
	}
}

// asRead is what an import reads of c: its strings as stored, the country
// and state as the codes WebCommander answers for them.
func asRead(c sbx.Customer, country, state string) map[string]string {
	return map[string]string{
		"first_name": c.FirstName, "last_name": c.LastName, "email": c.Email, "company_name": c.CompanyName,
		"address_line": c.AddressLine, "country": country, "state": state, "post_code": c.PostCode, "city": c.City,
		"mobile": c.Mobile, "status": c.Status,
	}
}

func tidied(attrs map[string]string) map[string]string {
	out := map[string]string{}
	for k, v := range attrs {
		out[k] = strings.TrimSpace(v)
	}
	out["email"] = strings.ToLower(out["email"])
	return out
}

// messyHCL is crm_webcommander_customer.<name>, every value quoted as
// written, with an import block when id is set.
func messyHCL(name, id string, attrs map[string]string) string {
	quoted := map[string]string{}
	for k, v := range attrs {
		quoted[k] = strconv.Quote(v)
	}
	imp := ""
	if id != "" {
		imp = fmt.Sprintf("\nimport {\n  to = crm_webcommander_customer.%s\n  id = %q\n}\n", name, id)
	}
	return imp + "\n" + hcl(name, quoted)
}

func stateIs(addr string, attrs map[string]string) []statecheck.StateCheck {
	var checks []statecheck.StateCheck
	for k, v := range attrs {
		checks = append(checks, statecheck.ExpectKnownValue(addr, tfjsonpath.New(k), knownvalue.StringExact(v)))
	}
	return checks
}

// writes checks how many customer creates (token requests aside) and
// updates WebCommander received.
func writes(s *sandbox.Server, posts, puts int) resource.TestCheckFunc {
	return func(st *terraform.State) error {
		creates := 0
		for _, r := range acctest.Requests(s, sbx.Name, "POST") {
			if !strings.HasSuffix(r.Path, "/oauth2/token") {
				creates++
			}
		}
		if creates != posts {
			return fmt.Errorf("WebCommander received %d creates, want %d", creates, posts)
		}
		return acctest.CheckRequestCount(s, sbx.Name, "PUT", puts)(st)
	}
}

func empty() []plancheck.PlanCheck { return []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()} }

// TestAccWebCommanderCustomer_messyImport: a customer with blanks around
// its values, a mixed-case e-mail, its country stored by name and its state
// as a lower-case code imports with a configuration in the spelling import
// reads (its strings as stored, country and state as codes: what generated
// configuration writes) to an empty plan, with no write; `terraform import`
// reads the same. A tidied configuration naming the country and the state
// then plans one in-place update, and nothing after it.
func TestAccWebCommanderCustomer_messyImport(t *testing.T) {
	s := acctest.Sandbox(t)
	seeded := sbx.StoreOf(s).Customers.Seed(messyAda())
	id := strconv.FormatInt(seeded.ID, 10)
	read := asRead(seeded, "AU", "NSW")
	named := tidied(read)
	named["country"], named["state"] = "Australia", "New South Wales"
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: acctest.MessyImport{
			Addr:     customerAddr,
			AsStored: acctest.Config(s, messyHCL("test", id, read)), AsStoredState: stateIs(customerAddr, read),
			Tidy: acctest.Config(s, messyHCL("test", id, named)), TidyState: stateIs(customerAddr, named),
			ImportIgnore: notReadBack,
			Writes:       func(updates int) resource.TestCheckFunc { return writes(s, 0, updates) },
			Updated: checkBody(s, "PUT", `{"customer": {
				"first_name": "Ada", "last_name": "Lovelace", "email": "ada.lovelace@example.com",
				"company_name": "Analytical Engines", "address_line": "1 Engine St", "country": "Australia",
				"state": "New South Wales", "post_code": "2000", "city": "Sydney", "mobile": "0400000000"}}`),
		}.Steps(),
	})
}

// TestAccWebCommanderCustomer_messyPlaces: names against stored codes never
// plan a diff forever. A customer stored with codes, configured with names,
// plans one in-place update, then nothing; the same places written in
// another case plan one more (the configuration changed), then nothing.
// A customer created from messy values (blanks, a mixed-case e-mail, a
// country and a state in lower case) keeps the configured spelling in
// state on either sandbox, and plans empty after apply.
func TestAccWebCommanderCustomer_messyPlaces(t *testing.T) {
	s := acctest.Sandbox(t)
	coded := messyAda()
	coded.Country, coded.State = "AU", "NSW"
	seeded := sbx.StoreOf(s).Customers.Seed(coded)
	id := strconv.FormatInt(seeded.ID, 10)
	named := asRead(seeded, "Australia", "New South Wales")
	recased := asRead(seeded, "australia", "new south wales")
	createdAddr := "crm_webcommander_customer.created"
	created := map[string]string{"first_name": " Grace", "email": "Grace.Hopper@Example.com", "city": " Melbourne",
		"country": "australia", "state": "vic", "address_line": "2 Compiler Rd\t"}
	config := func(attrs map[string]string) string {
		return acctest.Config(s, messyHCL("test", id, attrs)+messyHCL("created", "", created))
	}
	oneUpdate := func(attrs map[string]string) resource.TestStep {
		return resource.TestStep{
			Config: config(attrs),
			ConfigPlanChecks: resource.ConfigPlanChecks{
				PreApply:             []plancheck.PlanCheck{plancheck.ExpectResourceAction(customerAddr, plancheck.ResourceActionUpdate)},
				PostApplyPostRefresh: empty(),
			},
			ConfigStateChecks: stateIs(customerAddr, attrs),
		}
	}
	first := oneUpdate(named)
	first.ConfigPlanChecks.PreApply = append(first.ConfigPlanChecks.PreApply,
		plancheck.ExpectResourceAction(createdAddr, plancheck.ResourceActionCreate))
	first.ConfigStateChecks = append(first.ConfigStateChecks, stateIs(createdAddr, created)...)
	first.Check = resource.ComposeAggregateTestCheckFunc(writes(s, 1, 1), func(*terraform.State) error {
		for _, c := range sbx.StoreOf(s).Customers.List() {
			if c.ID == seeded.ID {
				continue
			}
			want := " Melbourne"
			if acctest.Normalizing() {
				want = "Melbourne"
			}
			if c.City != want || c.Country != "AU" {
				return fmt.Errorf("created customer holds city %q, country %q (normalising: %v)", c.City, c.Country, acctest.Normalizing())
			}
		}
		return nil
	})
	second := oneUpdate(recased)
	second.Check = writes(s, 1, 2)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			first,
			{Config: config(named), ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: empty()}, Check: writes(s, 1, 1)},
			second,
			{Config: config(recased), ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: empty()}, Check: writes(s, 1, 2)},
		},
	})
}
