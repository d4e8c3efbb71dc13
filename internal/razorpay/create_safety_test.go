package razorpay_test

import (
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/customerops/terraform-provider-crm/internal/acctest"
	"github.com/customerops/terraform-provider-crm/internal/sandbox"
	sbrazorpay "github.com/customerops/terraform-provider-crm/internal/sandbox/razorpay"
)

// TestAccRazorpayCustomer_gatewayErrorAfterCommit: the create commits,
// then a gateway answers 504 (the request log shows the create so
// answered); the customer is found and adopted, once.
func TestAccRazorpayCustomer_gatewayErrorAfterCommit(t *testing.T) {
	s := newSandbox(t)
	s.InjectFault(sandbox.Fault{Platform: sbrazorpay.Name, Method: "POST", Path: "/customers", Times: 1, StatusAfterCommit: 504})
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{{
			Config: gaurav().config(s),
			Check: resource.ComposeAggregateTestCheckFunc(
				storeCount(s, 1),
				acctest.CheckRequestCount(s, sbrazorpay.Name, "POST", 1),
				acctest.CheckAnswered(s, sbrazorpay.Name, "POST", "/customers", 504),
				func(st *terraform.State) error {
					if all := sbrazorpay.StoreOf(s).Customers.List(); stateID(st) != all[0].ID {
						return fmt.Errorf("state id %s, the sandbox's customer is %s", stateID(st), all[0].ID)
					}
					return nil
				},
			),
		}},
	})
}
