package provider_test

import (
	"fmt"
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/customerops/terraform-provider-crm/internal/acctest"
	"github.com/customerops/terraform-provider-crm/internal/sandbox"
	sbaxim "github.com/customerops/terraform-provider-crm/internal/sandbox/axim"
	sbrazorpay "github.com/customerops/terraform-provider-crm/internal/sandbox/razorpay"
	sbwebcommander "github.com/customerops/terraform-provider-crm/internal/sandbox/webcommander"
	sbxtrakit "github.com/customerops/terraform-provider-crm/internal/sandbox/xtrakit"
)

// TestAccProvider_badAnswers: for every platform, a create answered with
// truncated JSON, an HTML page or wrong types (it may have been committed,
// so it is looked up, then sent again, and answered as badly), and a
// refresh answered with an empty 200 body, each fail with a clear error,
// never a panic; nothing was committed or lost, and once the answers are
// sound again the apply converges with one record and an empty plan.
func TestAccProvider_badAnswers(t *testing.T) {
	for _, p := range []struct {
		platform, create, get, hcl string
		count                      func(*sandbox.Server) int
		// reads is how many requests a refresh may try: Axim reads in an
		// id:in list first, then, when that fails, with a GET.
		reads int
	}{
		{sbxtrakit.Name, "/customers/add", "/customers/", `
resource "crm_xtrakit_customer" "c" {
  name       = "Kwame Mensah"
  phone      = "+233201234567"
  country    = "Ghana"
  state      = "Ashanti"
  city       = "Kumasi"
  address1   = "12 Harper Road"
  created_by = "platform-team"
}`, func(s *sandbox.Server) int { return len(sbxtrakit.StoreOf(s).Customers.List()) }, 1},
		{sbrazorpay.Name, "/customers", "/customers/", `
resource "crm_razorpay_customer" "c" {
  name    = "Gaurav Kumar"
  contact = "+919876543210"
  email   = "gaurav.kumar@example.com"
}`, func(s *sandbox.Server) int { return len(sbrazorpay.StoreOf(s).Customers.List()) }, 1},
		{sbaxim.Name, "/customers", "/customers", `
resource "crm_axim_customer" "c" {
  first_name = "John"
  last_name  = "Doe"
  email      = "john@aximcommerce.com"
}`, func(s *sandbox.Server) int { return len(sbaxim.StoreOf(s).Customers.List()) }, 2},
		{sbwebcommander.Name, "/api/v4/admin/customers", "/api/v4/admin/customers/", `
resource "crm_webcommander_customer" "c" {
  first_name = "Ada"
  email      = "ada@example.com"
}`, func(s *sandbox.Server) int { return len(sbwebcommander.StoreOf(s).Customers.List()) }, 1},
	} {
		t.Run(p.platform, func(t *testing.T) {
			s := acctest.Sandbox(t)
			config := acctest.Config(s, p.hcl)
			createFails := func(body, want string) resource.TestStep {
				return resource.TestStep{
					PreConfig: func() {
						// Every attempt (max_retries 3) gets the broken answer: each is
						// reconciled, nothing was committed, and the last error stands.
						s.InjectFault(sandbox.Fault{Platform: p.platform, Method: "POST", Path: p.create, Times: 4, Body: body})
					},
					Config:      config,
					ExpectError: regexp.MustCompile(`(?s)Could not create .*` + want),
				}
			}
			resource.ParallelTest(t, resource.TestCase{
				ProtoV6ProviderFactories: acctest.ProviderFactories,
				Steps: []resource.TestStep{
					createFails(`{"data":{"customer":{"id":`, `decoding answer`),
					createFails(`<html><body><h1>Bad Gateway</h1></body></html>`, `decoding answer`),
					createFails(`{"data":{"id":[1],"customer":{"id":[1]}},"customer":{"id":[1]},"id":[1]}`, `decoding answer`),
					{
						Config: config,
						Check: func(*terraform.State) error {
							if n := p.count(s); n != 1 {
								return fmt.Errorf("the sandbox holds %d records after the failed creates and one good one, want 1", n)
							}
							return nil
						},
					},
					{
						PreConfig: func() {
							s.InjectFault(sandbox.Fault{Platform: p.platform, Method: "GET", Path: p.get, Times: p.reads, Body: " "})
						},
						Config:      config,
						PlanOnly:    true,
						ExpectError: regexp.MustCompile(`(?s)Could not read .*answer (has|holds) no`),
					},
					{
						Config:           config,
						ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
					},
				},
			})
		})
	}
}
