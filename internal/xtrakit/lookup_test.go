package xtrakit_test

import (
	"fmt"
	"regexp"
	"strconv"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/customerops/terraform-provider-crm/internal/acctest"
	sbxtrakit "github.com/customerops/terraform-provider-crm/internal/sandbox/xtrakit"
)

// TestAccXtrakitCustomerDataSource_byEmail looks a customer up by e-mail,
// in any case; an e-mail that names no customer, or several, is an error
// that says so; id and email together, or neither, are refused at plan
// time, before any request.
func TestAccXtrakitCustomerDataSource_byEmail(t *testing.T) {
	s := acctest.Sandbox(t)
	ama := seedCustomer(sbxtrakit.StoreOf(s), "ama", nil)
	seedCustomer(sbxtrakit.StoreOf(s), "kofi", nil)
	seedCustomer(sbxtrakit.StoreOf(s), "kofi", nil)
	const addr = "data.crm_xtrakit_customer.one"
	// Both keys name ama, so only the exactly-one rule can refuse them:
	// without it the plan would read her by id.
	refused := []resource.TestStep{
		{
			Config: acctest.Config(s, fmt.Sprintf(`data "crm_xtrakit_customer" "one" {
  id    = "%d"
  email = "ama@example.com"
}`, ama.ID)),
			ExpectError: exactlyOneKey("Invalid Attribute Combination"),
		},
		{
			Config:      acctest.Config(s, `data "crm_xtrakit_customer" "one" {}`),
			ExpectError: exactlyOneKey("Missing Attribute Configuration"),
		},
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: append(acctest.NoRequestSteps(t, s, refused, resource.TestStep{
			Config:      acctest.Config(s, `data "crm_xtrakit_customer" "one" { email = "nobody@example.com" }`),
			ExpectError: acctest.ErrorText(`no Xtrakit customer has email "nobody@example.com"`),
		}),
			resource.TestStep{
				Config:      acctest.Config(s, `data "crm_xtrakit_customer" "one" { email = "kofi@example.com" }`),
				ExpectError: regexp.MustCompile(`(?s)2 Xtrakit customers have email "kofi@example.com" \(ids \d+, \d+\)`),
			},
			resource.TestStep{
				Config: acctest.Config(s, `data "crm_xtrakit_customer" "one" { email = "AMA@example.com" }`),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(addr, tfjsonpath.New("id"), knownvalue.StringExact(strconv.FormatInt(ama.ID, 10))),
					statecheck.ExpectKnownValue(addr, tfjsonpath.New("name"), knownvalue.StringExact("ama")),
				},
			},
		),
	})
}

// exactlyOneKey matches the refusal of a lookup whose keys are not exactly
// one of id and email; summary tells which way (both, or none).
func exactlyOneKey(summary string) *regexp.Regexp {
	return regexp.MustCompile(`(?s)` + regexp.QuoteMeta(summary) + `.*` +
		acctest.ErrorText("Exactly one of these attributes must be configured: [id,email]").String())
}
