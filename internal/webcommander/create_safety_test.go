package webcommander_test

import (
	"fmt"
	"strconv"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/customerops/terraform-provider-crm/internal/acctest"
	"github.com/customerops/terraform-provider-crm/internal/sandbox"
)

// TestAccWebCommanderCustomer_gatewayErrorAfterCommit: the create commits,
// then a gateway answers 500; the customer is found by e-mail and adopted, once.
func TestAccWebCommanderCustomer_gatewayErrorAfterCommit(t *testing.T) {
	s := acctest.Sandbox(t)
	s.InjectFault(sandbox.Fault{Platform: sandbox.PlatformWebCommander, Method: "POST", Path: "/api/v4/admin/customers", Times: 1, StatusAfterCommit: 500})
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{{
			Config:           acctest.Config(s, hcl("test", full())),
			ConfigPlanChecks: emptyAfterApply,
			Check: func(st *terraform.State) error {
				all := s.WebCommander().All()
				if len(all) != 1 || strconv.FormatInt(all[0].ID, 10) != stateID(st) {
					return fmt.Errorf("the sandbox holds %d customers, state has %s: want exactly the one created", len(all), stateID(st))
				}
				return nil
			},
		}},
	})
}
