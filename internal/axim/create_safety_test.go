package axim_test

import (
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/customerops/terraform-provider-crm/internal/acctest"
	"github.com/customerops/terraform-provider-crm/internal/sandbox"
)

// TestAccAximCustomer_gatewayErrorAfterCommit: the create commits, then a
// gateway answers 502; the customer is found by e-mail and adopted, once.
func TestAccAximCustomer_gatewayErrorAfterCommit(t *testing.T) {
	s := acctest.Sandbox(t)
	s.InjectFault(sandbox.Fault{Platform: sandbox.PlatformAxim, Method: "POST", Path: "/customers", Times: 1, StatusAfterCommit: 502})
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{{
			Config:           acctest.Config(s, full().hcl()),
			ConfigPlanChecks: emptyAfterApply,
			Check: resource.ComposeAggregateTestCheckFunc(
				acctest.CheckRequestCount(s, sandbox.PlatformAxim, "POST", 1),
				func(st *terraform.State) error {
					if all := s.Axim().All(); len(all) != 1 || all[0].ID != stateID(st) {
						return fmt.Errorf("the sandbox holds %d customers, state has %s: want exactly the one created", len(all), stateID(st))
					}
					return nil
				},
			),
		}},
	})
}
