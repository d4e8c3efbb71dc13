package xtrakit_test

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/customerops/terraform-provider-crm/internal/acctest"
	"github.com/customerops/terraform-provider-crm/internal/sandbox"
)

// TestAccXtrakitCustomer_gatewayErrorAfterCommit: the create commits, then
// a gateway answers 502. The provider looks the customer up before any
// second attempt and adopts it: exactly one customer, and it is in state.
func TestAccXtrakitCustomer_gatewayErrorAfterCommit(t *testing.T) {
	s := acctest.Sandbox(t)
	s.InjectFault(sandbox.Fault{Platform: sandbox.PlatformXtrakit, Method: "POST", Path: "/customers/add", Times: 1, StatusAfterCommit: 502})
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{{
			Config: acctest.Config(s, minimalCustomer),
			Check: resource.ComposeAggregateTestCheckFunc(
				acctest.CheckRequestCount(s, sandbox.PlatformXtrakit, "POST", 1),
				func(st *terraform.State) error {
					all := s.Xtrakit().Customers()
					if len(all) != 1 || all[0].ID != customerID(st) {
						return errorf("want exactly the committed customer in state; sandbox has %d, state id %d", len(all), customerID(st))
					}
					return nil
				},
			),
		}},
	})
}
