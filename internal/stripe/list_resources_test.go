package stripe_test

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/querycheck"
	"github.com/hashicorp/terraform-plugin-testing/querycheck/queryfilter"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/customerops/terraform-provider-crm/internal/acctest"
	"github.com/customerops/terraform-provider-crm/internal/sandbox"
	sbstripe "github.com/customerops/terraform-provider-crm/internal/sandbox/stripe"
)

// Creation times of the seeded customers (Unix seconds).
const (
	newYear2025 = 1735689600 // 2025-01-01T00:00:00Z
	in2020      = 1600000000
)

// seededCustomers are the customers TestAccStripeCustomer_query lists.
type seededCustomers struct {
	jenny, lower, midnight, nameless sbstripe.Customer
	total                            int
}

// seedMessy puts customers into the sandbox as a Dashboard or another
// integration would have made them: Jenny with a mixed-case e-mail, a
// trailing blank in her name, metadata and a partial address in her own
// spelling; someone with only the lower-case e-mail; one made exactly at
// midnight on 2025-01-01; one with neither name nor e-mail; and fillers
// made in 2020, past one page of 100.
func seedMessy(s *sandbox.Server, fillers int) seededCustomers {
	st := sbstripe.StoreOf(s)
	str := func(v string) *string { return &v }
	var c seededCustomers
	for i := range fillers {
		st.Customers.Seed(sbstripe.Customer{Created: in2020 + int64(i), Name: str(fmt.Sprintf("Filler %d", i)),
			Email: str(fmt.Sprintf("filler-%d@example.com", i))})
	}
	c.nameless = st.Customers.Seed(sbstripe.Customer{Created: in2020 - 1})
	c.midnight = st.Customers.Seed(sbstripe.Customer{Created: newYear2025, Name: str("At Midnight")})
	c.lower = st.Customers.Seed(sbstripe.Customer{Created: newYear2025 + 86400, Email: str("jenny.rosen@example.com")})
	c.jenny = st.Customers.Seed(sbstripe.Customer{
		Created: newYear2025 + 2*86400, Name: str("Jenny Rosen "), Email: str("Jenny.Rosen@Example.COM"),
		Phone: str("+1 (415) 555-0123"), Metadata: map[string]string{"Tier": "Gold ", "order_id": "6735"},
		Address: &sbstripe.Address{Line1: str("510 Townsend St "), City: str("san francisco"), PostalCode: str("94103"), Country: str("us")},
	})
	c.total = fillers + 4
	return c
}

func byID(id string) map[string]knownvalue.Check {
	return map[string]knownvalue.Check{"id": knownvalue.StringExact(id)}
}

// TestAccStripeCustomer_query: `terraform query` lists the customers made
// outside Terraform, newest first across pages, each with its identity, a
// display name of name and e-mail, and the resource in Stripe's own
// spelling (nested address and metadata too); Stripe's filters: the
// e-mail matched exactly (another case finds nothing), created_after as
// created[gt] (a customer made at that very second is not after it); and
// a limit requests no page past it. A created_after that is not RFC 3339
// is refused before any request. Only GETs are sent.
func TestAccStripeCustomer_query(t *testing.T) {
	s := acctest.Sandbox(t)
	c := seedMessy(s, 150)
	jenny := queryfilter.ByResourceIdentity(byID(c.jenny.ID))
	var beforeLimited int
	resource.ParallelTest(t, resource.TestCase{
		TerraformVersionChecks:   acctest.NeedsQuery(t),
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{
				// A date without a time is not RFC 3339: refused before
				// any request.
				Query: true,
				Config: acctest.ProviderConfig(s) + `
list "crm_stripe_customer" "bad_time" {
  provider = crm
  config {
    created_after = "2025-01-01"
  }
}
`,
				ExpectError: regexp.MustCompile(`must be an RFC 3339 timestamp`),
			},
			{
				PreConfig: func() {
					if n := len(acctest.Requests(s, sbstripe.Name, "")); n != 0 {
						t.Errorf("an invalid created_after sent %d requests, want none", n)
					}
				},
				Query: true,
				Config: acctest.ProviderConfig(s) + `
list "crm_stripe_customer" "all" {
  provider         = crm
  include_resource = true
  limit            = 1000
}
list "crm_stripe_customer" "jenny" {
  provider = crm
  config {
    email = "Jenny.Rosen@Example.COM"
  }
}
list "crm_stripe_customer" "lower" {
  provider = crm
  config {
    email = "jenny.rosen@example.com"
  }
}
list "crm_stripe_customer" "shouting" {
  provider = crm
  config {
    email = "JENNY.ROSEN@EXAMPLE.COM"
  }
}
list "crm_stripe_customer" "since_2025" {
  provider = crm
  config {
    # 2025-01-01T00:00:00Z written in another offset
    created_after = "2025-01-01T01:00:00+01:00"
  }
}
`,
				QueryResultChecks: []querycheck.QueryResultCheck{
					querycheck.ExpectLength("crm_stripe_customer.all", c.total),
					querycheck.ExpectIdentity("crm_stripe_customer.all", byID(c.jenny.ID)),
					querycheck.ExpectIdentity("crm_stripe_customer.all", byID(c.nameless.ID)),
					querycheck.ExpectResourceDisplayName("crm_stripe_customer.all", jenny,
						knownvalue.StringExact("Jenny Rosen <Jenny.Rosen@Example.COM>")),
					querycheck.ExpectResourceDisplayName("crm_stripe_customer.all", queryfilter.ByResourceIdentity(byID(c.lower.ID)),
						knownvalue.StringExact("jenny.rosen@example.com")),
					querycheck.ExpectResourceDisplayName("crm_stripe_customer.all", queryfilter.ByResourceIdentity(byID(c.midnight.ID)),
						knownvalue.StringExact("At Midnight")),
					querycheck.ExpectResourceDisplayName("crm_stripe_customer.all", queryfilter.ByResourceIdentity(byID(c.nameless.ID)),
						knownvalue.StringExact(c.nameless.ID)),
					querycheck.ExpectResourceKnownValues("crm_stripe_customer.all", jenny, []querycheck.KnownValueCheck{
						{Path: tfjsonpath.New("id"), KnownValue: knownvalue.StringExact(c.jenny.ID)},
						{Path: tfjsonpath.New("name"), KnownValue: knownvalue.StringExact("Jenny Rosen ")},
						{Path: tfjsonpath.New("email"), KnownValue: knownvalue.StringExact("Jenny.Rosen@Example.COM")},
						{Path: tfjsonpath.New("phone"), KnownValue: knownvalue.StringExact("+1 (415) 555-0123")},
						{Path: tfjsonpath.New("description"), KnownValue: knownvalue.Null()},
						{Path: tfjsonpath.New("metadata"), KnownValue: knownvalue.MapExact(map[string]knownvalue.Check{
							"Tier": knownvalue.StringExact("Gold "), "order_id": knownvalue.StringExact("6735"),
						})},
						{Path: tfjsonpath.New("address").AtMapKey("line1"), KnownValue: knownvalue.StringExact("510 Townsend St ")},
						{Path: tfjsonpath.New("address").AtMapKey("line2"), KnownValue: knownvalue.Null()},
						{Path: tfjsonpath.New("address").AtMapKey("city"), KnownValue: knownvalue.StringExact("san francisco")},
						{Path: tfjsonpath.New("address").AtMapKey("country"), KnownValue: knownvalue.StringExact("us")},
						{Path: tfjsonpath.New("shipping"), KnownValue: knownvalue.Null()},
						{Path: tfjsonpath.New("preferred_locales"), KnownValue: knownvalue.Null()},
						{Path: tfjsonpath.New("tax_exempt"), KnownValue: knownvalue.StringExact("none")},
						{Path: tfjsonpath.New("invoice_prefix"), KnownValue: knownvalue.StringExact(c.jenny.InvoicePrefix)},
						{Path: tfjsonpath.New("created"), KnownValue: knownvalue.Int64Exact(c.jenny.Created)},
					}),
					querycheck.ExpectLength("crm_stripe_customer.jenny", 1),
					querycheck.ExpectIdentity("crm_stripe_customer.jenny", byID(c.jenny.ID)),
					querycheck.ExpectLength("crm_stripe_customer.lower", 1),
					querycheck.ExpectIdentity("crm_stripe_customer.lower", byID(c.lower.ID)),
					querycheck.ExpectLength("crm_stripe_customer.shouting", 0),
					querycheck.ExpectLength("crm_stripe_customer.since_2025", 2),
					querycheck.ExpectIdentity("crm_stripe_customer.since_2025", byID(c.jenny.ID)),
					querycheck.ExpectIdentity("crm_stripe_customer.since_2025", byID(c.lower.ID)),
				},
			},
			{
				// 154 customers, limit 100: the first page holds them all,
				// so the second is never asked for.
				PreConfig: func() { beforeLimited = len(acctest.Requests(s, sbstripe.Name, "")) },
				Query:     true,
				Config: acctest.ProviderConfig(s) + `
list "crm_stripe_customer" "first_hundred" {
  provider = crm
  limit    = 100
}
`,
				QueryResultChecks: []querycheck.QueryResultCheck{
					querycheck.ExpectLength("crm_stripe_customer.first_hundred", 100),
				},
			},
		},
	})
	all := acctest.Requests(s, sbstripe.Name, "")
	for _, r := range all {
		if r.Method != "GET" || r.Path != "/v1/customers" {
			t.Errorf("a query sent %s %s", r.Method, r.Path)
		}
	}
	pages := 0
	for _, r := range all[:beforeLimited] {
		if r.Query.Get("created[gt]") == fmt.Sprint(newYear2025) {
			pages++
		}
	}
	if pages != 1 {
		t.Errorf("created_after 2025-01-01T00:00:00Z was sent as created[gt]=%d in %d requests, want 1", newYear2025, pages)
	}
	limited := all[beforeLimited:]
	if len(limited) == 0 {
		t.Fatal("the limited query sent no request")
	}
	for _, r := range limited {
		if r.Query.Get("limit") != "100" || r.Query.Has("starting_after") {
			t.Errorf("the query limited to 100 asked for %s?%s: a page past the limit", r.Path, r.Query.Encode())
		}
	}
}

// TestAccStripeCustomer_queryGenerateConfig: through the real CLI, the
// configuration `terraform query -generate-config-out` writes from the
// Stripe list (messy customers made outside Terraform, in Stripe's own
// spelling) validates, imports them all without a write, and then plans
// empty.
func TestAccStripeCustomer_queryGenerateConfig(t *testing.T) {
	c := acctest.NewCLI(t)
	c.Gate(acctest.QueryCLI, acctest.QueryReason)
	s := acctest.Sandbox(t)
	seeded := seedMessy(s, 3)
	st := sbstripe.StoreOf(s)
	str := func(v string) *string { return &v }
	// More of what Stripe stores and answers: an e-mail with a blank after
	// it (Stripe takes it and stores it as sent), shipping with only a name
	// and a country, a name left empty, an address whose parts are all
	// null, a prefix of the account's choosing, another tax status,
	// locales, a description with a line break.
	st.Customers.Seed(sbstripe.Customer{Created: newYear2025 + 3*86400, Email: str("Dock@Example.COM "),
		Shipping: &sbstripe.Shipping{Name: "Receiving Dock", Address: sbstripe.Address{Country: str("DE")}}})
	st.Customers.Seed(sbstripe.Customer{Created: newYear2025 + 4*86400, Name: str(""), Address: &sbstripe.Address{}})
	st.Customers.Seed(sbstripe.Customer{Created: newYear2025 + 5*86400, Name: str("Acme GmbH"), InvoicePrefix: "ACME",
		TaxExempt: "reverse", PreferredLocales: []string{"de", "en"}, Description: str("Reverse charge.\nInvoices in German.")})
	// Jenny, the lower-case one and the three above; not the customer made
	// at that very second, the nameless one or the fillers of 2020.
	const adopted = 5

	c.Write("main.tf", acctest.ProviderConfig(s))
	c.Write("adopt.tfquery.hcl", `
list "crm_stripe_customer" "since_2025" {
  provider         = crm
  include_resource = true
  config {
    created_after = "2025-01-01T00:00:00Z"
  }
}
`)
	c.Must("init", "-no-color", "-input=false")
	c.Must("query", "-no-color", "-generate-config-out=generated.tf")
	generated, err := os.ReadFile(filepath.Join(c.Dir, "generated.tf"))
	if err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(string(generated), `resource "crm_stripe_customer"`); n != adopted {
		t.Fatalf("generated.tf holds %d customers, want %d:\n%s", n, adopted, generated)
	}
	out, code := c.Run("apply", "-no-color", "-auto-approve")
	if want := fmt.Sprintf("%d imported, 0 added, 0 changed, 0 destroyed", adopted); code != 0 || !strings.Contains(out, want) {
		t.Fatalf("apply of the generated configuration (exit %d), want %q:\n%s\ngenerated.tf:\n%s", code, want, out, generated)
	}
	c.ExpectEmptyPlan()
	for _, r := range acctest.Requests(s, sbstripe.Name, "") {
		if r.Method != "GET" {
			t.Errorf("adopting sent %s %s", r.Method, r.Path)
		}
	}
	if got := len(st.Customers.List()); got != seeded.total+3 {
		t.Errorf("%d customers on Stripe after adopting, want %d", got, seeded.total+3)
	}
}
