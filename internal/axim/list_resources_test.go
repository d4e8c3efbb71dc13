package axim_test

import (
	"fmt"
	"net/http"
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/querycheck"
	"github.com/hashicorp/terraform-plugin-testing/querycheck/queryfilter"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/customerops/terraform-provider-crm/internal/acctest"
	"github.com/customerops/terraform-provider-crm/internal/sandbox"
	sbx "github.com/customerops/terraform-provider-crm/internal/sandbox/axim"
)

// TestAccAximCustomer_query: `terraform query` lists the customers made
// outside Terraform (three pages of 10), each with its identity, a display
// name of name and e-mail, and the resource in Axim's own spelling; the
// e-mail (any case), status and company filters are Axim's and combine;
// the query only reads, and a limit of one page never asks for the second.
func TestAccAximCustomer_query(t *testing.T) {
	s := acctest.Sandbox(t)
	store := sbx.StoreOf(s)
	company := "65a0f1c2d3e4f5a6b7c8d9aa"
	email := "John.Doe@AximCommerce.com"
	john := store.Customers.Seed(sbx.Customer{
		FirstName: " John", LastName: "Doe ", Email: email, Status: "pending", Company: &company, Notes: sp("VIP customer "),
	})
	// 24 more: every third inactive, the first three in the company too.
	for i := range 24 {
		c := sbx.Customer{FirstName: "Filler", LastName: fmt.Sprint(i), Email: fmt.Sprintf("filler%02d@example.com", i), Status: "active"}
		if i%3 == 0 {
			c.Status = "inactive"
		}
		if i < 3 {
			c.Company = &company
		}
		store.Customers.Seed(c)
	}
	byID := queryfilter.ByResourceIdentity(map[string]knownvalue.Check{"id": knownvalue.StringExact(john.ID)})
	var mark acctest.Mark
	markStep := func() { mark = acctest.MarkRequests(s) }
	resource.ParallelTest(t, resource.TestCase{
		TerraformVersionChecks:   acctest.NeedsQuery(t),
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{
				PreConfig: markStep,
				Query:     true,
				Config: acctest.ProviderConfig(s) + `
list "crm_axim_customer" "all" {
  provider         = crm
  include_resource = true
}
list "crm_axim_customer" "john" {
  provider = crm
  config {
    email = "john.doe@aximcommerce.com"
  }
}
list "crm_axim_customer" "inactive" {
  provider = crm
  config {
    status = "inactive"
  }
}
list "crm_axim_customer" "company" {
  provider = crm
  config {
    company_id = "` + company + `"
  }
}
list "crm_axim_customer" "company_active" {
  provider = crm
  config {
    company_id = "` + company + `"
    status     = "active"
  }
}
list "crm_axim_customer" "first_two" {
  provider = crm
  limit    = 2
}
`,
				QueryResultChecks: []querycheck.QueryResultCheck{
					querycheck.ExpectLength("crm_axim_customer.all", 25),
					querycheck.ExpectIdentity("crm_axim_customer.all", map[string]knownvalue.Check{"id": knownvalue.StringExact(john.ID)}),
					querycheck.ExpectResourceDisplayName("crm_axim_customer.all", byID,
						knownvalue.StringExact("John Doe <John.Doe@AximCommerce.com>")),
					querycheck.ExpectResourceKnownValues("crm_axim_customer.all", byID, []querycheck.KnownValueCheck{
						{Path: tfjsonpath.New("id"), KnownValue: knownvalue.StringExact(john.ID)},
						{Path: tfjsonpath.New("first_name"), KnownValue: knownvalue.StringExact(" John")},
						{Path: tfjsonpath.New("last_name"), KnownValue: knownvalue.StringExact("Doe ")},
						{Path: tfjsonpath.New("email"), KnownValue: knownvalue.StringExact(email)},
						{Path: tfjsonpath.New("status"), KnownValue: knownvalue.StringExact("pending")},
						{Path: tfjsonpath.New("company_id"), KnownValue: knownvalue.StringExact(company)},
						{Path: tfjsonpath.New("notes"), KnownValue: knownvalue.StringExact("VIP customer ")},
						{Path: tfjsonpath.New("created_at"), KnownValue: knownvalue.StringExact(john.CreatedAt)},
					}),
					querycheck.ExpectLength("crm_axim_customer.john", 1),
					querycheck.ExpectIdentity("crm_axim_customer.john", map[string]knownvalue.Check{"id": knownvalue.StringExact(john.ID)}),
					querycheck.ExpectLength("crm_axim_customer.inactive", 8),
					querycheck.ExpectLength("crm_axim_customer.company", 4),
					querycheck.ExpectIdentity("crm_axim_customer.company", map[string]knownvalue.Check{"id": knownvalue.StringExact(john.ID)}),
					querycheck.ExpectLength("crm_axim_customer.company_active", 2),
					querycheck.ExpectLength("crm_axim_customer.first_two", 2),
					acctest.QueryRequests(&mark, sbx.Name, acctest.OnlyGETs("/customers")),
					// The filters went to Axim, not applied by the provider.
					acctest.QueryRequests(&mark, sbx.Name, sentFilters(
						"email=john.doe%40aximcommerce.com&limit=10&page=1",
						"limit=10&page=1&status=inactive",
						"company="+company+"&limit=10&page=1",
						"company="+company+"&limit=10&page=1&status=active",
					)),
				},
			},
			{
				PreConfig: markStep,
				Query:     true,
				Config: acctest.ProviderConfig(s) + `
list "crm_axim_customer" "first_page" {
  provider = crm
  limit    = 10
}
`,
				QueryResultChecks: []querycheck.QueryResultCheck{
					querycheck.ExpectLength("crm_axim_customer.first_page", 10),
					// Ten customers are the first page: the second is never asked for.
					acctest.QueryRequests(&mark, sbx.Name, func(reqs []sandbox.Request) error {
						if len(reqs) != 1 || reqs[0].Method != http.MethodGet || reqs[0].Query.Encode() != "limit=10&page=1" {
							return fmt.Errorf("a limit of 10 sent %s; want only GET /customers?limit=10&page=1", acctest.Sent(reqs))
						}
						return nil
					}),
				},
			},
			{
				// Axim refuses a status out of its three (case-sensitive): so does the plan.
				Query: true,
				Config: acctest.ProviderConfig(s) + `
list "crm_axim_customer" "bad_status" {
  provider = crm
  config {
    status = "Active"
  }
}
`,
				ExpectError: regexp.MustCompile(`value must be one of`),
			},
		},
	})
}

// sentFilters is a QueryRequests check: each query was sent.
func sentFilters(queries ...string) func([]sandbox.Request) error {
	return func(reqs []sandbox.Request) error {
		for _, want := range queries {
			found := false
			for _, r := range reqs {
				found = found || r.Query.Encode() == want
			}
			if !found {
				return fmt.Errorf("no GET /customers?%s among %s", want, acctest.Sent(reqs))
			}
		}
		return nil
	}
}
