package xtrakit_test

import (
	"strconv"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/querycheck"
	"github.com/hashicorp/terraform-plugin-testing/querycheck/queryfilter"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/customerops/terraform-provider-crm/internal/acctest"
	sbxtrakit "github.com/customerops/terraform-provider-crm/internal/sandbox/xtrakit"
)

// TestAccXtrakitCustomer_query: `terraform query` lists the customers made
// outside Terraform, each with its identity, a display name of name and
// e-mail, and the resource in the platform's own spelling; the e-mail
// filter (applied by the provider) matches in any case.
func TestAccXtrakitCustomer_query(t *testing.T) {
	s := acctest.Sandbox(t)
	store := sbxtrakit.StoreOf(s)
	group := store.Groups.Seed(sbxtrakit.Group{GroupName: "Wholesale"})
	email := "Amara.Okafor@Example.COM"
	amara := store.Customers.Seed(sbxtrakit.Customer{
		CustomerName: "Amara Okafor ", CustomerEmail: &email, CustomerPhone: "+2348012345678", CustomerCountry: "Nigeria",
		CustomerState: "Lagos", CustomerCity: "Ikeja", Address1: "3 Allen Avenue", CreatedBy: "crm-import",
		CustomerGroupID: &group.ID,
	})
	for i := range 4 {
		store.Customers.Seed(sbxtrakit.Customer{
			CustomerName: "Filler " + strconv.Itoa(i), CustomerPhone: "+15550100", CustomerCountry: "US",
			CustomerState: "CA", CustomerCity: "Fresno", Address1: "1 Main St", CreatedBy: "crm-import",
		})
	}
	amaraID := strconv.FormatInt(amara.ID, 10)
	byID := queryfilter.ByResourceIdentity(map[string]knownvalue.Check{"id": knownvalue.StringExact(amaraID)})
	resource.ParallelTest(t, resource.TestCase{
		TerraformVersionChecks:   acctest.NeedsQuery(t),
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{
				Query: true,
				Config: acctest.ProviderConfig(s) + `
list "crm_xtrakit_customer" "all" {
  provider         = crm
  include_resource = true
}
list "crm_xtrakit_customer" "amara" {
  provider = crm
  config {
    email = "amara.okafor@example.com"
  }
}
list "crm_xtrakit_customer" "wholesale" {
  provider = crm
  config {
    group_id = ` + strconv.FormatInt(group.ID, 10) + `
  }
}
list "crm_xtrakit_customer" "first_two" {
  provider = crm
  limit    = 2
}
list "crm_xtrakit_customer_group" "groups" {
  provider = crm
}
`,
				QueryResultChecks: []querycheck.QueryResultCheck{
					querycheck.ExpectLength("crm_xtrakit_customer.all", 5),
					querycheck.ExpectIdentity("crm_xtrakit_customer.all", map[string]knownvalue.Check{"id": knownvalue.StringExact(amaraID)}),
					querycheck.ExpectResourceDisplayName("crm_xtrakit_customer.all", byID,
						knownvalue.StringExact("Amara Okafor <Amara.Okafor@Example.COM>")),
					querycheck.ExpectResourceKnownValues("crm_xtrakit_customer.all", byID, []querycheck.KnownValueCheck{
						{Path: tfjsonpath.New("name"), KnownValue: knownvalue.StringExact("Amara Okafor ")},
						{Path: tfjsonpath.New("email"), KnownValue: knownvalue.StringExact(email)},
						{Path: tfjsonpath.New("group_id"), KnownValue: knownvalue.Int64Exact(group.ID)},
					}),
					querycheck.ExpectLength("crm_xtrakit_customer.amara", 1),
					querycheck.ExpectIdentity("crm_xtrakit_customer.amara", map[string]knownvalue.Check{"id": knownvalue.StringExact(amaraID)}),
					querycheck.ExpectLength("crm_xtrakit_customer.wholesale", 1),
					querycheck.ExpectLength("crm_xtrakit_customer.first_two", 2),
					querycheck.ExpectLength("crm_xtrakit_customer_group.groups", 1),
					querycheck.ExpectIdentity("crm_xtrakit_customer_group.groups",
						map[string]knownvalue.Check{"id": knownvalue.StringExact(strconv.FormatInt(group.ID, 10))}),
				},
			},
		},
	})
}
