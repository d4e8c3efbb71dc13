package axim_test

import (
	"fmt"
	"regexp"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/customerops/terraform-provider-crm/internal/acctest"
	"github.com/customerops/terraform-provider-crm/internal/sandbox"
	sbaxim "github.com/customerops/terraform-provider-crm/internal/sandbox/axim"
)

// TestAccAximCustomer_gatewayErrorAfterCommit: the create commits, then a
// gateway answers 502 (the request log shows the create so answered); the
// customer is found by e-mail and adopted, once.
func TestAccAximCustomer_gatewayErrorAfterCommit(t *testing.T) {
	s := acctest.Sandbox(t)
	s.InjectFault(sandbox.Fault{Platform: sbaxim.Name, Method: "POST", Path: "/customers", Times: 1, StatusAfterCommit: 502})
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{{
			Config:           acctest.Config(s, full().hcl()),
			ConfigPlanChecks: emptyAfterApply,
			Check: resource.ComposeAggregateTestCheckFunc(
				acctest.CheckRequestCount(s, sbaxim.Name, "POST", 1),
				acctest.CheckAnswered(s, sbaxim.Name, "POST", "/customers", 502),
				func(st *terraform.State) error {
					if all := sbaxim.StoreOf(s).Customers.List(); len(all) != 1 || all[0].ID != stateID(st) {
						return fmt.Errorf("the sandbox holds %d customers, state has %s: want exactly the one created", len(all), stateID(st))
					}
					return nil
				},
			),
		}},
	})
}

// TestAccAximCustomer_uncommittedCreateBesideAnOlderRecord: the create
// times out before Axim handles it; the lookup by e-mail finds a customer
// created an hour earlier, does not adopt it, and the second attempt gets
// Axim's duplicate error with the import command (the log shows the first
// create unanswered, the second answered 400); the old customer stays
// untouched and unmanaged.
func TestAccAximCustomer_uncommittedCreateBesideAnOlderRecord(t *testing.T) {
	s := acctest.Sandbox(t)
	old := time.Now().UTC().Add(-time.Hour).Format(sbaxim.TimeLayout)
	existing := sbaxim.StoreOf(s).Customers.Seed(sbaxim.Customer{FirstName: "John", LastName: "Doe", Email: "john@aximcommerce.com", Status: "active", CreatedAt: old, UpdatedAt: old})
	s.InjectFault(sandbox.Fault{Platform: sbaxim.Name, Method: "POST", Path: "/customers", Times: 1, Latency: 3 * time.Second})
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{{
			Config: acctest.ProviderConfigWith(s, map[string]string{"request_timeout": `"1s"`}) + minimal().hcl(),
			ExpectError: regexp.MustCompile(`(?s)HTTP 400: Customer with this email already exists.*terraform\s+import\s+<resource\s+address>\s+` +
				existing.ID),
		}},
	})
	// Checked here, not in CheckDestroy: the failed create leaves state
	// empty, and the harness runs CheckDestroy only after destroying a
	// state that is not.
	if err := acctest.CheckAnswered(s, sbaxim.Name, "POST", "/customers", acctest.Dropped, 400)(nil); err != nil {
		t.Error(err)
	}
	if all := sbaxim.StoreOf(s).Customers.List(); len(all) != 1 || all[0].ID != existing.ID || all[0].UpdatedAt != old {
		t.Errorf("want only the older customer, untouched; the sandbox holds %+v", all)
	}
}

// TestAccAximCustomer_lostCreateAnswer: the create commits, then the
// connection drops; the provider finds the customer by e-mail and adopts
// it: exactly one customer, and the plan after is empty.
func TestAccAximCustomer_lostCreateAnswer(t *testing.T) {
	s := acctest.Sandbox(t)
	s.InjectFault(sandbox.Fault{Platform: sbaxim.Name, Method: "POST", Path: "/customers", Times: 1, DropAfterCommit: true})
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{{
			Config:           acctest.Config(s, full().hcl()),
			ConfigPlanChecks: emptyAfterApply,
			Check: resource.ComposeAggregateTestCheckFunc(
				acctest.CheckRequestCount(s, sbaxim.Name, "POST", 1),
				acctest.CheckAnswered(s, sbaxim.Name, "POST", "/customers", acctest.Dropped),
				func(st *terraform.State) error {
					all := sbaxim.StoreOf(s).Customers.List()
					if len(all) != 1 || all[0].ID != stateID(st) {
						return fmt.Errorf("the sandbox holds %d customers, state has %s: want exactly the one created", len(all), stateID(st))
					}
					return nil
				},
			),
		}},
	})
}
