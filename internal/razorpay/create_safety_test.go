package razorpay_test

import (
	"fmt"
	"regexp"
	"testing"
	"time"

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

// TestAccRazorpayCustomer_lostCreateResponse: the create commits but its
// answer is lost; the provider finds the customer by email + contact
// instead of creating a second one.
func TestAccRazorpayCustomer_lostCreateResponse(t *testing.T) {
	s := newSandbox(t)
	s.InjectFault(sandbox.Fault{Platform: sbrazorpay.Name, Method: "POST", Path: "/customers", Times: 1, DropAfterCommit: true})
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{{
			Config: gaurav().config(s),
			Check: resource.ComposeAggregateTestCheckFunc(
				storeCount(s, 1),
				acctest.CheckRequestCount(s, sbrazorpay.Name, "POST", 1),
				func(st *terraform.State) error {
					if post := acctest.Requests(s, sbrazorpay.Name, "POST"); post[0].Status != 0 {
						return fmt.Errorf("the POST was answered (%d): the fault did not drop it", post[0].Status)
					}
					all := sbrazorpay.StoreOf(s).Customers.List()
					if len(all) == 1 && stateID(st) != all[0].ID {
						return fmt.Errorf("state id %s, the sandbox's customer is %s", stateID(st), all[0].ID)
					}
					return nil
				},
			),
		}},
	})
}

// TestAccRazorpayCustomer_lostCreateDoesNotAdoptOlder: with adopt_existing
// false, a lost create answer must not adopt a customer that existed
// before the create; Razorpay's duplicate error is shown instead.
func TestAccRazorpayCustomer_lostCreateDoesNotAdoptOlder(t *testing.T) {
	s := newSandbox(t)
	old := sbxCustomer("Someone Else", "+919876543210", "gaurav.kumar@example.com")
	old.CreatedAt = time.Now().Add(-time.Hour).Unix()
	seeded := sbrazorpay.StoreOf(s).Customers.Seed(old)
	s.InjectFault(sandbox.Fault{Platform: sbrazorpay.Name, Method: "POST", Path: "/customers", Times: 1, DropAfterCommit: true})
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{{
			Config:      gaurav().config(s),
			ExpectError: regexp.MustCompile(`(?s)Customer already exists for the merchant.*` + seeded.ID),
		}},
	})
	if n := len(sbrazorpay.StoreOf(s).Customers.List()); n != 1 {
		t.Errorf("the sandbox holds %d customers, want only the seeded one", n)
	}
	// The first create's answer was lost (the fault fired), the second
	// got Razorpay's duplicate error.
	if err := acctest.CheckAnswered(s, sbrazorpay.Name, "POST", "/customers", acctest.Dropped, 400)(nil); err != nil {
		t.Error(err)
	}
}
