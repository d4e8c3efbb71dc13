package webcommander_test

import (
	"fmt"
	"math/big"
	"strconv"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/customerops/terraform-provider-crm/internal/acctest"
	sbwebcommander "github.com/customerops/terraform-provider-crm/internal/sandbox/webcommander"
)

var emptyAfterApply = resource.ConfigPlanChecks{PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}}

// What WebCommander cannot read back: excluded from import verification,
// as the docs say.
var notReadBack = []string{"password", "password_wo", "password_wo_version", "newsletter_subscribed", "timeouts"}

// TestAccWebCommanderCustomer_full: every field, credit amounts written as
// "150.00" and read back as numbers, plans empty after apply; import reads
// everything else back.
func TestAccWebCommanderCustomer_full(t *testing.T) {
	s := acctest.Sandbox(t)
	config := acctest.Config(s, hcl("test", with(full(), "password", `"s3cret-pass"`)))
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config:           config,
				ConfigPlanChecks: emptyAfterApply,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(customerAddr, tfjsonpath.New("id"), knownvalue.StringRegexp(idPattern)),
					statecheck.ExpectKnownValue(customerAddr, tfjsonpath.New("store_credit"), knownvalue.NumberExact(big.NewFloat(150))),
					statecheck.ExpectKnownValue(customerAddr, tfjsonpath.New("credit_limit"), knownvalue.NumberExact(big.NewFloat(99.5))),
					statecheck.ExpectKnownValue(customerAddr, tfjsonpath.New("gender"), knownvalue.StringExact("female")),
					statecheck.ExpectKnownValue(customerAddr, tfjsonpath.New("country"), knownvalue.StringExact("AU")),
					statecheck.ExpectKnownValue(customerAddr, tfjsonpath.New("shipping_profile_id"), knownvalue.Int64Exact(2)),
					statecheck.ExpectKnownValue(customerAddr, tfjsonpath.New("addresses"), knownvalue.ListSizeExact(3)),
					statecheck.ExpectKnownValue(customerAddr, tfjsonpath.New("addresses").AtSliceIndex(0).AtMapKey("city"), knownvalue.StringExact("Sydney")),
					statecheck.ExpectKnownValue(customerAddr, tfjsonpath.New("display_id"), knownvalue.NotNull()),
				},
				Check: resource.ComposeAggregateTestCheckFunc(
					checkBody(s, "POST", `{"customer":{"first_name":"Ada","last_name":"Lovelace","email":"ada@example.com","gender":"female",
						"company_name":"Analytical Engines","address_line":"1 Engine St","country":"AU","state":"NSW","post_code":"2000",
						"city":"Sydney","mobile":"0400000000","phone":"0290000000","abn":"51824753556","abn_branch":"001",
						"shipping_profile":2,"newsletter":{"subscribed":true},"status":"active","password":"s3cret-pass"},
						"store_credit":"150.00","credit_limit":"99.50","allow_credit_limit":true,"customer_password_expired":false}`),
					func(st *terraform.State) error {
						id, _ := strconv.ParseInt(stateID(st), 10, 64)
						if pw, ok := sbwebcommander.StoreOf(s).Password(id); !ok || pw != "s3cret-pass" {
							return fmt.Errorf("the sandbox holds password %q, want the configured one", pw)
						}
						return nil
					},
				),
			},
			{Config: config, ResourceName: customerAddr, ImportState: true, ImportStateVerify: true, ImportStateVerifyIgnore: notReadBack},
		},
	})
}

// TestAccWebCommanderCustomer_minimal: only first_name; plans empty after
// apply and after an import by id (block).
func TestAccWebCommanderCustomer_minimal(t *testing.T) {
	s := acctest.Sandbox(t)
	config := acctest.Config(s, hcl("test", minimal()))
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config:           config,
				ConfigPlanChecks: emptyAfterApply,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(customerAddr, tfjsonpath.New("status"), knownvalue.StringExact("awaiting_verification")),
					statecheck.ExpectKnownValue(customerAddr, tfjsonpath.New("store_credit"), knownvalue.NumberExact(big.NewFloat(0))),
				},
				Check: checkBody(s, "POST", `{"customer":{"first_name":"Ada","status":"awaiting_verification"}}`),
			},
			{Config: config, ResourceName: customerAddr, ImportState: true, ImportStateKind: resource.ImportBlockWithID},
		},
	})
}

// TestAccWebCommanderCustomer_update: the PUT carries only what changed,
// never the unchanged password; a new password is sent alone.
func TestAccWebCommanderCustomer_update(t *testing.T) {
	s := acctest.Sandbox(t)
	base := with(full(), "password", `"s3cret-pass"`)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{Config: acctest.Config(s, hcl("test", base))},
			{
				Config: acctest.Config(s, hcl("test", with(base, "city", `"Melbourne"`, "state", `"VIC"`, "credit_limit", "250", "abn_branch", "-"))),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply:             []plancheck.PlanCheck{plancheck.ExpectResourceAction(customerAddr, plancheck.ResourceActionUpdate)},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				Check: checkBody(s, "PUT", `{"customer":{"city":"Melbourne","state":"VIC","abn_branch":""},"credit_limit":"250.00"}`),
			},
			{
				Config: acctest.Config(s, hcl("test", with(base, "city", `"Melbourne"`, "state", `"VIC"`, "credit_limit", "250", "abn_branch", "-", "password", `"n3w-pass"`))),
				Check: resource.ComposeAggregateTestCheckFunc(
					checkBody(s, "PUT", `{"customer":{"password":"n3w-pass"}}`),
					acctest.CheckRequestCount(s, sbwebcommander.Name, "PUT", 2),
				),
			},
		},
	})
}

// TestAccWebCommanderCustomer_drift: a city changed by hand shows as drift
// and only it is put back.
func TestAccWebCommanderCustomer_drift(t *testing.T) {
	s := acctest.Sandbox(t)
	config := acctest.Config(s, hcl("test", full()))
	var id int64
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{Config: config, Check: func(st *terraform.State) error { id, _ = strconv.ParseInt(stateID(st), 10, 64); return nil }},
			{
				PreConfig: acctest.Mutate(t, func() error { return sbwebcommander.StoreOf(s).Customers.Mutate(id, map[string]any{"city": "Perth"}) }),
				Config:    config,
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(customerAddr, plancheck.ResourceActionUpdate)},
				},
				Check: checkBody(s, "PUT", `{"customer":{"city":"Sydney"}}`),
			},
		},
	})
}

// TestAccWebCommanderCustomer_disappears: deleted out of band, it is created again.
func TestAccWebCommanderCustomer_disappears(t *testing.T) {
	s := acctest.Sandbox(t)
	config := acctest.Config(s, hcl("test", minimal()))
	var id int64
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{Config: config, Check: func(st *terraform.State) error { id, _ = strconv.ParseInt(stateID(st), 10, 64); return nil }},
			{
				PreConfig: acctest.Mutate(t, func() error {
					if !sbwebcommander.StoreOf(s).Customers.Delete(id) {
						return fmt.Errorf("customer %d was not in the sandbox", id)
					}
					return nil
				}),
				Config: config,
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(customerAddr, plancheck.ResourceActionCreate)},
				},
			},
		},
	})
}
