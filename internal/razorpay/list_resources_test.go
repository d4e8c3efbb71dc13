package razorpay_test

import (
	"fmt"
	"net/http"
	"regexp"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/querycheck"
	"github.com/hashicorp/terraform-plugin-testing/querycheck/queryfilter"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/customerops/terraform-provider-crm/internal/acctest"
	"github.com/customerops/terraform-provider-crm/internal/sandbox"
	sbrazorpay "github.com/customerops/terraform-provider-crm/internal/sandbox/razorpay"
)

// TestAccRazorpayCustomer_query: `terraform query` lists the customers made
// outside Terraform, newest first (two pages of 100), each with its
// identity, a display name of name and e-mail, and the resource in
// Razorpay's own spelling. Both filters are the provider's: the e-mail in
// any case, and created_after, which ends the listing at the first older
// customer so that its page is the last one read; a limit of one page
// never asks for the second; the query only reads.
func TestAccRazorpayCustomer_query(t *testing.T) {
	s := newSandbox(t)
	store := sbrazorpay.StoreOf(s)
	const t0 = 1723446193 // 2024-08-12T07:03:13Z
	since := time.Unix(t0, 0).UTC().Format(time.RFC3339)
	// 150 customers made before t0, one of them with Priya's e-mail and
	// another contact (Razorpay keeps only email + contact unique) ...
	for i := range 150 {
		c := sbxCustomer(fmt.Sprintf("Filler %03d", i), fmt.Sprintf("+9198100%05d", i), fmt.Sprintf("filler%03d@example.com", i))
		if i == 120 {
			c.Email = "priya.sharma@example.com"
		}
		c.CreatedAt = t0 - 1000 - int64(i)
		store.Customers.Seed(c)
	}
	// ... one at t0 exactly (not after it), and two since: Priya typed in
	// by hand, and the latest.
	onTime := sbxCustomer("On Time", "+919820000000", "on.time@example.com")
	onTime.CreatedAt = t0
	store.Customers.Seed(onTime)
	priya := store.Customers.Seed(sbrazorpay.Customer{Name: "Priya Sharma ", Contact: "+919876543210", Email: "Priya.Sharma@Example.COM",
		Notes: map[string]string{"source": "pos "}, CreatedAt: t0 + 10})
	latest := sbxCustomer("Latest", "+919820000002", "latest@example.com")
	latest.CreatedAt = t0 + 20
	store.Customers.Seed(latest)
	isPriya := map[string]knownvalue.Check{"id": knownvalue.StringExact(priya.ID)}
	byID := queryfilter.ByResourceIdentity(isPriya)
	var mark acctest.Mark
	markStep := func() { mark = acctest.MarkRequests(s) }
	// onlyFirstPage: each of the step's n list blocks read the first page
	// and nothing after it.
	onlyFirstPage := func(what string, n int) querycheck.QueryResultCheck {
		return acctest.QueryRequests(&mark, sbrazorpay.Name, func(reqs []sandbox.Request) error {
			bad := len(reqs) != n
			for _, r := range reqs {
				bad = bad || r.Method != http.MethodGet || r.Query.Encode() != "count=100&skip=0"
			}
			if bad {
				return fmt.Errorf("%s sent %s; want %d GET /customers?count=100&skip=0 and nothing else", what, acctest.Sent(reqs), n)
			}
			return nil
		})
	}
	resource.ParallelTest(t, resource.TestCase{
		TerraformVersionChecks:   acctest.NeedsQuery(t),
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{
				PreConfig: markStep,
				Query:     true,
				Config: acctest.ProviderConfig(s) + `
list "crm_razorpay_customer" "all" {
  provider         = crm
  include_resource = true
  limit            = 200
}
list "crm_razorpay_customer" "priya" {
  provider = crm
  config {
    email = "priya.sharma@example.com"
  }
}
list "crm_razorpay_customer" "recent" {
  provider = crm
  config {
    created_after = "` + since + `"
  }
}
list "crm_razorpay_customer" "recent_priya" {
  provider = crm
  config {
    email         = "PRIYA.SHARMA@EXAMPLE.COM"
    created_after = "` + since + `"
  }
}
list "crm_razorpay_customer" "first_two" {
  provider = crm
  limit    = 2
}
`,
				QueryResultChecks: []querycheck.QueryResultCheck{
					querycheck.ExpectLength("crm_razorpay_customer.all", 153),
					querycheck.ExpectIdentity("crm_razorpay_customer.all", isPriya),
					querycheck.ExpectResourceDisplayName("crm_razorpay_customer.all", byID,
						knownvalue.StringExact("Priya Sharma <Priya.Sharma@Example.COM>")),
					querycheck.ExpectResourceKnownValues("crm_razorpay_customer.all", byID, []querycheck.KnownValueCheck{
						{Path: tfjsonpath.New("id"), KnownValue: knownvalue.StringExact(priya.ID)},
						{Path: tfjsonpath.New("name"), KnownValue: knownvalue.StringExact("Priya Sharma ")},
						{Path: tfjsonpath.New("email"), KnownValue: knownvalue.StringExact("Priya.Sharma@Example.COM")},
						{Path: tfjsonpath.New("contact"), KnownValue: knownvalue.StringExact("+919876543210")},
						{Path: tfjsonpath.New("notes"), KnownValue: knownvalue.MapExact(map[string]knownvalue.Check{"source": knownvalue.StringExact("pos ")})},
						{Path: tfjsonpath.New("gstin"), KnownValue: knownvalue.Null()},
						{Path: tfjsonpath.New("created_at"), KnownValue: knownvalue.Int64Exact(t0 + 10)},
						{Path: tfjsonpath.New("adopt_existing"), KnownValue: knownvalue.Bool(false)},
					}),
					querycheck.ExpectLength("crm_razorpay_customer.priya", 2),
					querycheck.ExpectIdentity("crm_razorpay_customer.priya", isPriya),
					querycheck.ExpectLength("crm_razorpay_customer.recent", 2),
					querycheck.ExpectLength("crm_razorpay_customer.recent_priya", 1),
					querycheck.ExpectIdentity("crm_razorpay_customer.recent_priya", isPriya),
					querycheck.ExpectLength("crm_razorpay_customer.first_two", 2),
					acctest.QueryRequests(&mark, sbrazorpay.Name, acctest.OnlyGETs("/customers")),
				},
			},
			{
				// The recent customers are on the first page, followed by
				// an older one: the second page is never asked for, even when
				// the next customer with the e-mail is on it.
				PreConfig: markStep,
				Query:     true,
				Config: acctest.ProviderConfig(s) + `
list "crm_razorpay_customer" "recent" {
  provider = crm
  config {
    created_after = "` + since + `"
  }
}
list "crm_razorpay_customer" "recent_priya" {
  provider = crm
  config {
    email         = "priya.sharma@example.com"
    created_after = "` + since + `"
  }
}
`,
				QueryResultChecks: []querycheck.QueryResultCheck{
					querycheck.ExpectLength("crm_razorpay_customer.recent", 2),
					querycheck.ExpectLength("crm_razorpay_customer.recent_priya", 1),
					onlyFirstPage("created_after", 2),
				},
			},
			{
				PreConfig: markStep,
				Query:     true,
				Config: acctest.ProviderConfig(s) + `
list "crm_razorpay_customer" "first_page" {
  provider = crm
  limit    = 100
}
`,
				QueryResultChecks: []querycheck.QueryResultCheck{
					querycheck.ExpectLength("crm_razorpay_customer.first_page", 100),
					onlyFirstPage("a limit of 100", 1),
				},
			},
			{
				Query: true,
				Config: acctest.ProviderConfig(s) + `
list "crm_razorpay_customer" "bad_date" {
  provider = crm
  config {
    created_after = "2024-08-12"
  }
}
`,
				ExpectError: regexp.MustCompile(`must be an RFC 3339 timestamp`),
			},
		},
	})
}
