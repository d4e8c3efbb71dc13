package stripe_test

import (
	"fmt"
	"regexp"
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

// TestAccStripeCustomer_full: every attribute set: the create sends each
// as a form parameter in bracket notation (CONTRACT.md §4), with an
// Idempotency-Key, the pinned Stripe-Version and the bearer key; it reads
// back and plans empty; imports by id (command and block) plan empty too.
func TestAccStripeCustomer_full(t *testing.T) {
	s := acctest.Sandbox(t)
	config := acctest.Config(s, full().hcl())
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config:           config,
				ConfigPlanChecks: emptyAfterApply,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(customerAddr, tfjsonpath.New("id"), knownvalue.StringRegexp(idPattern)),
					statecheck.ExpectKnownValue(customerAddr, tfjsonpath.New("shipping").AtMapKey("address").AtMapKey("line2"), knownvalue.Null()),
					statecheck.ExpectKnownValue(customerAddr, tfjsonpath.New("metadata").AtMapKey("tier"), knownvalue.StringExact("gold")),
					statecheck.ExpectKnownValue(customerAddr, tfjsonpath.New("livemode"), knownvalue.Bool(false)),
					statecheck.ExpectKnownValue(customerAddr, tfjsonpath.New("balance"), knownvalue.Int64Exact(0)),
					statecheck.ExpectKnownValue(customerAddr, tfjsonpath.New("currency"), knownvalue.Null()),
					statecheck.ExpectKnownValue(customerAddr, tfjsonpath.New("created"), knownvalue.NotNull()),
				},
				Check: resource.ComposeAggregateTestCheckFunc(
					acctest.CheckRequestCount(s, sbstripe.Name, "POST", 1),
					checkForm(s, "POST", "/v1/customers", map[string]string{
						"name": "Jenny Rosen", "email": "jenny.rosen@example.com", "phone": "+14155550123",
						"description":    "Our first customer",
						"address[line1]": "510 Townsend St", "address[line2]": "Floor 2", "address[city]": "San Francisco",
						"address[state]": "CA", "address[postal_code]": "94103", "address[country]": "US",
						"shipping[name]": "Jenny Rosen", "shipping[phone]": "+14155550100",
						"shipping[address][line1]": "1 Market St", "shipping[address][city]": "San Francisco",
						"shipping[address][postal_code]": "94105", "shipping[address][country]": "US",
						"metadata[order_id]": "6735", "metadata[tier]": "gold",
						"preferred_locales[0]": "en", "preferred_locales[1]": "fr-CA",
						"tax_exempt": "exempt", "invoice_prefix": "JENNY01",
					}),
					checkHeaders(s),
				),
			},
			{Config: config, ResourceName: customerAddr, ImportState: true, ImportStateVerify: true, ImportStateVerifyIgnore: []string{"timeouts"}},
			{Config: config, ResourceName: customerAddr, ImportState: true, ImportStateKind: resource.ImportBlockWithID},
		},
	})
}

// checkHeaders: the create carried Stripe's headers.
func checkHeaders(s *sandbox.Server) resource.TestCheckFunc {
	return func(*terraform.State) error {
		reqs := acctest.Requests(s, sbstripe.Name, "POST")
		h := reqs[0].Header
		if got := h.Get("Stripe-Version"); got != "2025-08-27.basil" {
			return fmt.Errorf("Stripe-Version = %q", got)
		}
		if got := h.Get("Authorization"); got != "Bearer "+sbstripe.APIKey {
			return fmt.Errorf("Authorization = %q", got)
		}
		if got := h.Get("Idempotency-Key"); !regexp.MustCompile(`^terraform-[0-9a-f]{32}$`).MatchString(got) {
			return fmt.Errorf("Idempotency-Key = %q", got)
		}
		if got := h.Get("Stripe-Account"); got != "" {
			return fmt.Errorf("Stripe-Account = %q, want none", got)
		}
		return nil
	}
}

// TestAccStripeCustomer_minimal: only an e-mail: the create sends only it;
// Stripe's defaults (tax_exempt none, an invoice prefix it picks) plan
// empty, and destroy deletes the customer.
func TestAccStripeCustomer_minimal(t *testing.T) {
	s := acctest.Sandbox(t)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		CheckDestroy: func(*terraform.State) error {
			if n := len(sbstripe.StoreOf(s).Customers.List()); n != 0 {
				return fmt.Errorf("%d customers left after destroy", n)
			}
			if d := acctest.Requests(s, sbstripe.Name, "DELETE"); len(d) != 1 || d[0].Status != 200 {
				return fmt.Errorf("want one DELETE answered 200, got %+v", d)
			}
			return nil
		},
		Steps: []resource.TestStep{{
			Config:           acctest.Config(s, minimal().hcl()),
			ConfigPlanChecks: emptyAfterApply,
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(customerAddr, tfjsonpath.New("tax_exempt"), knownvalue.StringExact("none")),
				statecheck.ExpectKnownValue(customerAddr, tfjsonpath.New("invoice_prefix"), knownvalue.StringRegexp(regexp.MustCompile(`^[0-9A-F]{8}$`))),
				statecheck.ExpectKnownValue(customerAddr, tfjsonpath.New("metadata"), knownvalue.Null()),
				statecheck.ExpectKnownValue(customerAddr, tfjsonpath.New("address"), knownvalue.Null()),
			},
			Check: checkForm(s, "POST", "/v1/customers", map[string]string{"email": "jenny.rosen@example.com", "tax_exempt": "none"}),
		}},
	})
}

// TestAccStripeCustomer_update: each kind of change sends only what
// changed: a field changed, a field cleared (sent empty), a metadata key
// added and one removed (sent empty), the address changed (sent whole,
// a removed part empty), shipping and locales removed (sent empty).
func TestAccStripeCustomer_update(t *testing.T) {
	s := acctest.Sandbox(t)
	base := full()
	steps := []struct {
		c    customer
		want map[string]string
	}{
		{base.with(`name = "Jenny R. Rosen"`), map[string]string{"name": "Jenny R. Rosen"}},
		{base.with(`name = "Jenny R. Rosen"`).without("description"), map[string]string{"description": ""}},
		{base.with(`name = "Jenny R. Rosen"`).without("description").with(`metadata = { tier = "platinum", vip = "yes" }`),
			map[string]string{"metadata[order_id]": "", "metadata[tier]": "platinum", "metadata[vip]": "yes"}},
		{base.with(`name = "Jenny R. Rosen"`).without("description").with(`metadata = { tier = "platinum", vip = "yes" }`).
			with(`address = { line1 = "1 Main St", city = "Oakland", country = "US" }`),
			map[string]string{"address[line1]": "1 Main St", "address[line2]": "", "address[city]": "Oakland", "address[state]": "",
				"address[postal_code]": "", "address[country]": "US"}},
		{base.with(`name = "Jenny R. Rosen"`).without("description").with(`metadata = { tier = "platinum", vip = "yes" }`).
			with(`address = { line1 = "1 Main St", city = "Oakland", country = "US" }`).without("shipping").without("preferred_locales").
			with(`tax_exempt = "reverse"`),
			map[string]string{"shipping": "", "preferred_locales": "", "tax_exempt": "reverse"}},
		{minimal().with(`name = "Jenny R. Rosen"`), map[string]string{
			"metadata[tier]": "", "metadata[vip]": "", "address": "", "phone": "", "tax_exempt": "none"}},
	}
	var ts []resource.TestStep
	ts = append(ts, resource.TestStep{Config: acctest.Config(s, base.hcl()), ConfigPlanChecks: emptyAfterApply})
	for _, st := range steps {
		ts = append(ts, resource.TestStep{
			Config: acctest.Config(s, st.c.hcl()),
			ConfigPlanChecks: resource.ConfigPlanChecks{
				PreApply:             []plancheck.PlanCheck{plancheck.ExpectResourceAction(customerAddr, plancheck.ResourceActionUpdate)},
				PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
			},
			Check: checkForm(s, "POST", "/v1/customers/", st.want),
		})
	}
	resource.ParallelTest(t, resource.TestCase{ProtoV6ProviderFactories: acctest.ProviderFactories, Steps: ts})
}

// TestAccStripeCustomer_drift: a name changed and a metadata key added in
// the Dashboard show as drift; apply puts back only those.
func TestAccStripeCustomer_drift(t *testing.T) {
	s := acctest.Sandbox(t)
	config := acctest.Config(s, full().hcl())
	var id string
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{Config: config, Check: func(st *terraform.State) error { id = stateID(st); return nil }},
			{
				PreConfig: acctest.Mutate(t, func() error {
					return sbstripe.StoreOf(s).Customers.Mutate(id, map[string]any{"name": "Jen", "metadata": map[string]string{"order_id": "6735", "tier": "gold", "extra": "x"}})
				}),
				Config: config,
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply:             []plancheck.PlanCheck{plancheck.ExpectResourceAction(customerAddr, plancheck.ResourceActionUpdate)},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				Check: checkForm(s, "POST", "/v1/customers/", map[string]string{"name": "Jenny Rosen", "metadata[extra]": ""}),
			},
		},
	})
}

// TestAccStripeCustomer_disappears: a customer that Stripe no longer knows
// at all (404 resource_missing) leaves state and is created again.
func TestAccStripeCustomer_disappears(t *testing.T) {
	goneAndBack(t, func(st *sbstripe.Store, id string) { st.Forget(id) }, 404)
}

// TestAccStripeCustomer_deletedIsGone: a customer deleted outside Terraform,
// which Stripe still answers 200 with deleted: true, is gone too: never a
// success that keeps it in state.
func TestAccStripeCustomer_deletedIsGone(t *testing.T) {
	goneAndBack(t, func(st *sbstripe.Store, id string) { st.Customers.Delete(id) }, 200)
}

func goneAndBack(t *testing.T, remove func(*sbstripe.Store, string), refreshStatus int) {
	s := acctest.Sandbox(t)
	config := acctest.Config(s, minimal().hcl())
	var id string
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{Config: config, Check: func(st *terraform.State) error { id = stateID(st); return nil }},
			{
				PreConfig: acctest.Mutate(t, func() error { remove(sbstripe.StoreOf(s), id); return nil }),
				Config:    config,
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(customerAddr, plancheck.ResourceActionCreate)},
				},
				Check: func(st *terraform.State) error {
					if err := acctest.CheckAnswered(s, sbstripe.Name, "GET", "/v1/customers/"+id, 200, refreshStatus)(nil); err != nil {
						return err
					}
					if all := sbstripe.StoreOf(s).Customers.List(); len(all) != 1 || all[0].ID != stateID(st) || all[0].ID == id {
						return fmt.Errorf("the sandbox holds %d customers, state has %s (was %s): want one new one", len(all), stateID(st), id)
					}
					return nil
				},
			},
		},
	})
}

// TestAccStripeCustomer_refusalNamesTheAttribute: when Stripe refuses a
// write and names the parameter (`param`, CONTRACT.md §3), the error is
// reported on that attribute, so Terraform shows the configuration line
// (here shipping.name, from `shipping[name]`), with Stripe's message and
// status; on an update too.
func TestAccStripeCustomer_refusalNamesTheAttribute(t *testing.T) {
	s := acctest.Sandbox(t)
	refuse := func(path string) func() {
		return func() {
			s.InjectFault(sandbox.Fault{Platform: sbstripe.Name, Method: "POST", Path: path, Times: 1, Status: 400,
				Body: `{"error":{"type":"invalid_request_error","code":"parameter_missing",` +
					`"message":"Missing required param: shipping[name].","param":"shipping[name]"}}`})
		}
	}
	// The CLI shows an attribute's line, not the resource's first line:
	// Terraform 1.16 shipping's name (aligned, unlike the customer's own
	// name); Terraform 1.8 and OpenTofu stop at an attribute of the
	// resource itself.
	blamed := regexp.MustCompile(`(?s)Could not (create|update) Stripe customer.*with crm_stripe_customer\.test,.*\d+:\s+(name\s+=|shipping\s+=)` +
		`.*stripe\s+answered\s+HTTP\s+400:\s+Missing\s+required\s+param:\s+shipping\[name\]\..*Field:\s+shipping\[name\]`)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{PreConfig: refuse("/v1/customers"), Config: acctest.Config(s, full().hcl()), ExpectError: blamed},
			{Config: acctest.Config(s, full().hcl())},
			{
				PreConfig:   refuse("/v1/customers/"),
				Config:      acctest.Config(s, full().with(`description = "Changed"`).hcl()),
				ExpectError: blamed,
			},
		},
	})
}
