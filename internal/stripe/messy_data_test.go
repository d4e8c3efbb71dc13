package stripe_test

// Messy customer data (CONTRIBUTING.md, "Behaviour every resource has"):
// customers made outside Terraform (the Dashboard, another integration)
// with blanks around values, e-mails in mixed case and address codes in
// lower case are imported as Stripe stores them, which is as sent
// (CONTRACT.md §4, e-mails included), and a configuration in another
// spelling converges in one in-place update that sends only what changed
// (§5). Every test runs on the sandbox as configured: storing values as
// sent, as Stripe does (the default), or normalising them like another API
// may (ACC_NORMALIZE=1: strings trimmed, e-mails in lower case; metadata
// as sent).

import (
	"fmt"
	"maps"
	"slices"
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
	sbstripe "github.com/customerops/terraform-provider-crm/internal/sandbox/stripe"
)

// messy is a customer as typed in by hand, attribute by attribute: its
// strings, its address's, its shipping's (name and phone) and the shipping
// address's, and its metadata.
type messy struct {
	top, address, shipping, shipTo, metadata map[string]string
}

// messyJenny has blanks around most values, the e-mail given, and the
// state and country codes in lower case; every part of both addresses is
// set.
func messyJenny(email string) messy {
	return messy{
		top: map[string]string{"name": " Jenny Rosen", "email": email, "phone": "+14155550123 ", "description": "Our first customer\t"},
		address: map[string]string{"line1": "510 Townsend St ", "line2": " Floor 2", "city": "San Francisco ", "state": "ca",
			"postal_code": " 94103", "country": "us"},
		shipping: map[string]string{"name": "Jenny Rosen ", "phone": " +14155550100"},
		shipTo: map[string]string{"line1": "1 Market St ", "line2": "Suite 5 ", "city": " San Francisco", "state": "ca",
			"postal_code": "94105 ", "country": "us"},
		metadata: map[string]string{"tier": "gold ", "order_id": " 6735"},
	}
}

// tidy is m as a careful hand writes it: every value trimmed, the e-mail
// in lower case, the codes in upper case.
func (m messy) tidy() messy {
	trim := func(in map[string]string) map[string]string {
		out := map[string]string{}
		for k, v := range in {
			out[k] = strings.TrimSpace(v)
			if k == "state" || k == "country" {
				out[k] = strings.ToUpper(out[k])
			}
		}
		return out
	}
	t := messy{top: trim(m.top), address: trim(m.address), shipping: trim(m.shipping), shipTo: trim(m.shipTo), metadata: trim(m.metadata)}
	t.top["email"] = strings.ToLower(t.top["email"])
	return t
}

// seed is m as a Stripe customer, for the store's Seed (stored verbatim).
func (m messy) seed() sbstripe.Customer {
	s := func(v string) *string { return &v }
	address := func(a map[string]string) sbstripe.Address {
		return sbstripe.Address{Line1: s(a["line1"]), Line2: s(a["line2"]), City: s(a["city"]), State: s(a["state"]),
			PostalCode: s(a["postal_code"]), Country: s(a["country"])}
	}
	home := address(m.address)
	return sbstripe.Customer{
		Name: s(m.top["name"]), Email: s(m.top["email"]), Phone: s(m.top["phone"]), Description: s(m.top["description"]),
		Address:  &home,
		Shipping: &sbstripe.Shipping{Name: m.shipping["name"], Phone: s(m.shipping["phone"]), Address: address(m.shipTo)},
		Metadata: maps.Clone(m.metadata),
	}
}

// hcl is crm_stripe_customer.<name> with every value quoted as written,
// and an import block when id is set.
func (m messy) hcl(name, id string) string {
	var b strings.Builder
	if id != "" {
		fmt.Fprintf(&b, "\nimport {\n  to = crm_stripe_customer.%s\n  id = %q\n}\n", name, id)
	}
	object := func(indent string, attrs map[string]string) {
		for _, k := range slices.Sorted(maps.Keys(attrs)) {
			fmt.Fprintf(&b, "%s%q = %s\n", indent, k, strconv.Quote(attrs[k]))
		}
	}
	fmt.Fprintf(&b, "\nresource \"crm_stripe_customer\" %q {\n", name)
	for _, k := range slices.Sorted(maps.Keys(m.top)) {
		fmt.Fprintf(&b, "  %s = %s\n", k, strconv.Quote(m.top[k]))
	}
	b.WriteString("  address = {\n")
	object("    ", m.address)
	b.WriteString("  }\n  shipping = {\n")
	object("    ", m.shipping)
	b.WriteString("    address = {\n")
	object("      ", m.shipTo)
	b.WriteString("    }\n  }\n  metadata = {\n")
	object("    ", m.metadata)
	b.WriteString("  }\n}\n")
	return b.String()
}

// inState checks every value of m in addr's state, as written.
func (m messy) inState(addr string) []statecheck.StateCheck {
	var checks []statecheck.StateCheck
	at := func(path tfjsonpath.Path, attrs map[string]string) {
		for k, v := range attrs {
			checks = append(checks, statecheck.ExpectKnownValue(addr, path.AtMapKey(k), knownvalue.StringExact(v)))
		}
	}
	for k, v := range m.top {
		checks = append(checks, statecheck.ExpectKnownValue(addr, tfjsonpath.New(k), knownvalue.StringExact(v)))
	}
	at(tfjsonpath.New("address"), m.address)
	at(tfjsonpath.New("shipping"), m.shipping)
	at(tfjsonpath.New("shipping").AtMapKey("address"), m.shipTo)
	at(tfjsonpath.New("metadata"), m.metadata)
	return checks
}

// form is m as the parameters of an update that changes every value:
// each string, both hashes whole, each metadata key (CONTRACT.md §5).
func (m messy) form() map[string]string {
	f := map[string]string{}
	put := func(prefix string, attrs map[string]string) {
		for k, v := range attrs {
			f[prefix+"["+k+"]"] = v
		}
	}
	maps.Copy(f, m.top)
	put("address", m.address)
	put("shipping", m.shipping)
	put("shipping[address]", m.shipTo)
	put("metadata", m.metadata)
	return f
}

var planIsEmpty = []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}

// messyWrites checks how many creates (POST /v1/customers) and updates
// (POST /v1/customers/{id}) Stripe received.
func messyWrites(s *sandbox.Server, creates, updates int) resource.TestCheckFunc {
	return func(*terraform.State) error {
		c := len(acctest.RequestsTo(s, sbstripe.Name, "POST", "/v1/customers"))
		if u := len(acctest.Requests(s, sbstripe.Name, "POST")) - c; c != creates || u != updates {
			return fmt.Errorf("Stripe received %d creates and %d updates, want %d and %d", c, u, creates, updates)
		}
		return nil
	}
}

// TestAccStripeCustomer_messyImport: a customer with blanks around its
// values, a mixed-case e-mail and lower-case codes imports with a
// configuration in its stored spelling to an empty plan, with no write;
// `terraform import` reads the same values. A tidied configuration then
// plans one in-place update, which sends every value changed and nothing
// else, and no plan after it.
func TestAccStripeCustomer_messyImport(t *testing.T) {
	s := acctest.Sandbox(t)
	asStored := messyJenny("Jenny.Rosen@Example.COM")
	seeded := sbstripe.StoreOf(s).Customers.Seed(asStored.seed())
	tidy := asStored.tidy()
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: acctest.MessyImport{
			Addr:     customerAddr,
			AsStored: acctest.Config(s, asStored.hcl("test", seeded.ID)), AsStoredState: asStored.inState(customerAddr),
			Tidy: acctest.Config(s, tidy.hcl("test", seeded.ID)), TidyState: tidy.inState(customerAddr),
			ImportIgnore: []string{"timeouts"},
			Writes:       func(updates int) resource.TestCheckFunc { return messyWrites(s, 0, updates) },
			Updated:      checkForm(s, "POST", "/v1/customers/", tidy.form()),
		}.Steps(),
	})
}

// TestAccStripeCustomer_messyConfig: the configuration is the messy one.
// Imported over a customer stored tidy, and created by Terraform, the
// configured spelling stays in state even where a normalising sandbox
// answers another (no "inconsistent result after apply"); the import plans
// one in-place update, the sandbox keeps what it was sent (trimmed and
// lower-cased when normalising; metadata as sent either way), and the next
// plan is empty.
func TestAccStripeCustomer_messyConfig(t *testing.T) {
	s := acctest.Sandbox(t)
	imported := messyJenny("Jenny.Rosen@Example.COM")
	seeded := sbstripe.StoreOf(s).Customers.Seed(imported.tidy().seed())
	created := messyJenny("Jenny.Roe@Example.COM")
	createdAddr := "crm_stripe_customer.created"
	config := acctest.Config(s, imported.hcl("test", seeded.ID)+created.hcl("created", ""))
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config: config,
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(customerAddr, plancheck.ResourceActionUpdate),
						plancheck.ExpectResourceAction(createdAddr, plancheck.ResourceActionCreate),
					},
					PostApplyPostRefresh: planIsEmpty,
				},
				ConfigStateChecks: append(imported.inState(customerAddr), created.inState(createdAddr)...),
				Check: resource.ComposeAggregateTestCheckFunc(messyWrites(s, 1, 1), func(*terraform.State) error {
					// What the sandbox keeps of what it was sent.
					stored, storedEmail := func(v string) string { return v }, func(v string) string { return v }
					if acctest.Normalizing() {
						stored, storedEmail = strings.TrimSpace, func(v string) string { return strings.ToLower(strings.TrimSpace(v)) }
					}
					for _, c := range sbstripe.StoreOf(s).Customers.List() {
						sent := created
						if c.ID == seeded.ID {
							sent = imported
						}
						if *c.Name != stored(sent.top["name"]) || *c.Email != storedEmail(sent.top["email"]) ||
							*c.Address.City != stored(sent.address["city"]) || c.Shipping.Name != stored(sent.shipping["name"]) ||
							!maps.Equal(c.Metadata, sent.metadata) {
							return fmt.Errorf("customer %s holds name %q, e-mail %q, city %q, shipping name %q, metadata %q (normalising: %v)",
								c.ID, *c.Name, *c.Email, *c.Address.City, c.Shipping.Name, c.Metadata, acctest.Normalizing())
						}
					}
					return nil
				}),
			},
			{
				Config:           config,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: planIsEmpty},
				Check:            messyWrites(s, 1, 1),
			},
		},
	})
}
