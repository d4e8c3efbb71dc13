package webcommander_test

import (
	"fmt"
	"net/http"
	"regexp"
	"strconv"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/querycheck"
	"github.com/hashicorp/terraform-plugin-testing/querycheck/queryfilter"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/customerops/terraform-provider-crm/internal/acctest"
	"github.com/customerops/terraform-provider-crm/internal/sandbox"
	sbx "github.com/customerops/terraform-provider-crm/internal/sandbox/webcommander"
)

// TestAccWebCommanderCustomer_query: `terraform query` lists the customers
// made outside Terraform (three pages of 20), each with its identity, a
// display name of name and e-mail, and the resource as an import reads it;
// the e-mail filter is WebCommander's (any case), the status filter the
// provider's; the query only reads, and a limit of one page never asks
// for the second.
func TestAccWebCommanderCustomer_query(t *testing.T) {
	s := acctest.Sandbox(t)
	store := sbx.StoreOf(s)
	ada := store.Customers.Seed(messyAda())
	// 44 more, every fourth pending: on every page.
	for i := range 44 {
		c := sbx.Customer{FirstName: "Filler", LastName: strconv.Itoa(i), Email: fmt.Sprintf("filler%02d@example.com", i), Status: "active"}
		if i%4 == 0 {
			c.Status = "pending"
		}
		store.Customers.Seed(c)
	}
	adaID := strconv.FormatInt(ada.ID, 10)
	isAda := map[string]knownvalue.Check{"id": knownvalue.StringExact(adaID)}
	byID := queryfilter.ByResourceIdentity(isAda)
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
list "crm_webcommander_customer" "all" {
  provider         = crm
  include_resource = true
}
list "crm_webcommander_customer" "ada" {
  provider = crm
  config {
    email = "ada.lovelace@example.com"
  }
}
list "crm_webcommander_customer" "pending" {
  provider = crm
  config {
    status = "pending"
  }
}
list "crm_webcommander_customer" "ada_pending" {
  provider = crm
  config {
    email  = "ada.lovelace@example.com"
    status = "pending"
  }
}
list "crm_webcommander_customer" "ada_active" {
  provider = crm
  config {
    email  = "ada.lovelace@example.com"
    status = "active"
  }
}
list "crm_webcommander_customer" "first_two" {
  provider = crm
  limit    = 2
}
`,
				QueryResultChecks: []querycheck.QueryResultCheck{
					querycheck.ExpectLength("crm_webcommander_customer.all", 45),
					querycheck.ExpectIdentity("crm_webcommander_customer.all", isAda),
					querycheck.ExpectResourceDisplayName("crm_webcommander_customer.all", byID,
						knownvalue.StringExact("Ada Lovelace <Ada.Lovelace@Example.com>")),
					querycheck.ExpectResourceKnownValues("crm_webcommander_customer.all", byID, []querycheck.KnownValueCheck{
						{Path: tfjsonpath.New("id"), KnownValue: knownvalue.StringExact(adaID)},
						{Path: tfjsonpath.New("display_id"), KnownValue: knownvalue.Int64Exact(ada.DisplayID)},
						{Path: tfjsonpath.New("first_name"), KnownValue: knownvalue.StringExact(" Ada")},
						{Path: tfjsonpath.New("last_name"), KnownValue: knownvalue.StringExact("Lovelace ")},
						{Path: tfjsonpath.New("email"), KnownValue: knownvalue.StringExact("Ada.Lovelace@Example.com")},
						{Path: tfjsonpath.New("company_name"), KnownValue: knownvalue.StringExact("Analytical Engines\t")},
						{Path: tfjsonpath.New("address_line"), KnownValue: knownvalue.StringExact("1 Engine St ")},
						// Stored as a name and a lower-case code; WebCommander answers the codes.
						{Path: tfjsonpath.New("country"), KnownValue: knownvalue.StringExact("AU")},
						{Path: tfjsonpath.New("state"), KnownValue: knownvalue.StringExact("NSW")},
						{Path: tfjsonpath.New("post_code"), KnownValue: knownvalue.StringExact(" 2000")},
						{Path: tfjsonpath.New("status"), KnownValue: knownvalue.StringExact("active")},
					}),
					querycheck.ExpectLength("crm_webcommander_customer.ada", 1),
					querycheck.ExpectIdentity("crm_webcommander_customer.ada", isAda),
					querycheck.ExpectLength("crm_webcommander_customer.pending", 11),
					querycheck.ExpectLength("crm_webcommander_customer.ada_pending", 0),
					querycheck.ExpectLength("crm_webcommander_customer.ada_active", 1),
					querycheck.ExpectLength("crm_webcommander_customer.first_two", 2),
					acctest.QueryRequests(&mark, sbx.Name, acctest.OnlyGETs("/api/v4/admin/customers", "/api/v4/oauth2/token")),
					// The e-mail goes to WebCommander; the status never does.
					acctest.QueryRequests(&mark, sbx.Name, func(reqs []sandbox.Request) error {
						emailed := 0
						for _, r := range reqs {
							if r.Query.Has("status") {
								return fmt.Errorf("the status filter was sent: %s", acctest.Sent(reqs))
							}
							if r.Query.Get("email") == "ada.lovelace@example.com" {
								emailed++
							}
						}
						if emailed != 3 {
							return fmt.Errorf("%d list requests carried the e-mail, want 3 (one per list block filtering by it): %s", emailed, acctest.Sent(reqs))
						}
						return nil
					}),
				},
			},
			{
				PreConfig: markStep,
				Query:     true,
				Config: acctest.ProviderConfig(s) + `
list "crm_webcommander_customer" "first_page" {
  provider = crm
  limit    = 20
}
`,
				QueryResultChecks: []querycheck.QueryResultCheck{
					querycheck.ExpectLength("crm_webcommander_customer.first_page", 20),
					// Twenty customers are the first page: the second is never asked for.
					acctest.QueryRequests(&mark, sbx.Name, func(reqs []sandbox.Request) error {
						var gets []sandbox.Request
						for _, r := range reqs {
							if r.Path == "/api/v4/admin/customers" {
								gets = append(gets, r)
							}
						}
						if len(gets) != 1 || gets[0].Method != http.MethodGet || gets[0].Query.Encode() != "limit=20&offset=0" {
							return fmt.Errorf("a limit of 20 sent %s; want one GET /api/v4/admin/customers?limit=20&offset=0", acctest.Sent(reqs))
						}
						return nil
					}),
				},
			},
			{
				// A status WebCommander would never store is refused at plan time, not listed as nothing.
				Query: true,
				Config: acctest.ProviderConfig(s) + `
list "crm_webcommander_customer" "bad_status" {
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
