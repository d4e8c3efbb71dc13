package stripe_test

import (
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/customerops/terraform-provider-crm/internal/acctest"
	"github.com/customerops/terraform-provider-crm/internal/sandbox"
	sbstripe "github.com/customerops/terraform-provider-crm/internal/sandbox/stripe"
)

// lostCreate: the create commits and its answer is lost (by fault); the
// create is sent again with the same Idempotency-Key, Stripe replays the
// first answer, and exactly one customer exists, the one in state. No
// lookup (list) is made.
func lostCreate(t *testing.T, fault sandbox.Fault, firstStatus int) {
	s := acctest.Sandbox(t)
	s.InjectFault(fault)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{{
			Config:           acctest.Config(s, full().hcl()),
			ConfigPlanChecks: emptyAfterApply,
			Check: resource.ComposeAggregateTestCheckFunc(
				acctest.CheckAnswered(s, sbstripe.Name, "POST", "/v1/customers", firstStatus, 200),
				func(st *terraform.State) error {
					posts := acctest.RequestsTo(s, sbstripe.Name, "POST", "/v1/customers")
					k1, k2 := posts[0].Header.Get("Idempotency-Key"), posts[1].Header.Get("Idempotency-Key")
					if k1 == "" || k1 != k2 {
						return fmt.Errorf("idempotency keys %q then %q: want one key for both attempts", k1, k2)
					}
					for _, r := range acctest.Requests(s, sbstripe.Name, "GET") {
						if r.Path == "/v1/customers" {
							return fmt.Errorf("a lookup (list) was made: %v", r.Query)
						}
					}
					if all := sbstripe.StoreOf(s).Customers.List(); len(all) != 1 || all[0].ID != stateID(st) {
						return fmt.Errorf("the sandbox holds %d customers, state has %s: want exactly the one created", len(all), stateID(st))
					}
					return nil
				},
			),
		}},
	})
}

// TestAccStripeCustomer_lostCreateReplayed: the connection drops after
// the create committed.
func TestAccStripeCustomer_lostCreateReplayed(t *testing.T) {
	lostCreate(t, sandbox.Fault{Platform: sbstripe.Name, Method: "POST", Path: "/v1/customers", Times: 1, DropAfterCommit: true}, acctest.Dropped)
}

// TestAccStripeCustomer_gatewayErrorAfterCommitReplayed: a gateway answers
// 502 after the create committed.
func TestAccStripeCustomer_gatewayErrorAfterCommitReplayed(t *testing.T) {
	lostCreate(t, sandbox.Fault{Platform: sbstripe.Name, Method: "POST", Path: "/v1/customers", Times: 1, StatusAfterCommit: 502}, 502)
}
