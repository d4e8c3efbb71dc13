package webcommander_test

import (
	"fmt"
	"regexp"
	"strconv"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/customerops/terraform-provider-crm/internal/acctest"
	"github.com/customerops/terraform-provider-crm/internal/sandbox"
	sbwebcommander "github.com/customerops/terraform-provider-crm/internal/sandbox/webcommander"
)

// createPath is where a create is POSTed, relative to the store URL.
const createPath = "/api/v4/admin/customers"

// TestAccWebCommanderCustomer_gatewayErrorAfterCommit: the create commits,
// then a gateway answers 500 (the request log shows the create so
// answered); the customer is found by e-mail and adopted, once.
func TestAccWebCommanderCustomer_gatewayErrorAfterCommit(t *testing.T) {
	s := acctest.Sandbox(t)
	s.InjectFault(sandbox.Fault{Platform: sbwebcommander.Name, Method: "POST", Path: createPath, Times: 1, StatusAfterCommit: 500})
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{{
			Config:           acctest.Config(s, hcl("test", full())),
			ConfigPlanChecks: emptyAfterApply,
			Check: resource.ComposeAggregateTestCheckFunc(
				acctest.CheckAnswered(s, sbwebcommander.Name, "POST", createPath, 500),
				func(st *terraform.State) error {
					all := sbwebcommander.StoreOf(s).Customers.List()
					if len(all) != 1 || strconv.FormatInt(all[0].ID, 10) != stateID(st) {
						return fmt.Errorf("the sandbox holds %d customers, state has %s: want exactly the one created", len(all), stateID(st))
					}
					return nil
				},
			),
		}},
	})
}

// TestAccWebCommanderCustomer_uncommittedCreateBesideAnOlderRecord: the
// create times out before WebCommander handles it; the lookup by e-mail
// finds a customer created an hour earlier and does not adopt it; the
// second attempt gets the 409 with the import command (the log shows the
// first create unanswered, the second answered 409); the old customer
// stays untouched and unmanaged.
func TestAccWebCommanderCustomer_uncommittedCreateBesideAnOlderRecord(t *testing.T) {
	s := acctest.Sandbox(t)
	old := time.Now().UTC().Add(-time.Hour).Format(sbwebcommander.TimeLayout)
	existing := sbwebcommander.StoreOf(s).Customers.Seed(sbwebcommander.Customer{FirstName: "Ada", Email: "ada@example.com", Status: "active", CreatedAt: old})
	version := existing.Version
	s.InjectFault(sandbox.Fault{Platform: sbwebcommander.Name, Method: "POST", Path: createPath, Times: 1, Latency: 3 * time.Second})
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{{
			Config: acctest.ProviderConfigWith(s, map[string]string{"request_timeout": `"1s"`}) + hcl("test", with(minimal(), "email", `"ada@example.com"`)),
			ExpectError: regexp.MustCompile(`(?s)HTTP 409: The email address is already registered.*terraform\s+import\s+<resource\s+address>\s+` +
				strconv.FormatInt(existing.ID, 10)),
		}},
	})
	// Checked here, not in CheckDestroy: the failed create leaves state
	// empty, and the harness runs CheckDestroy only after destroying a
	// state that is not.
	if err := acctest.CheckAnswered(s, sbwebcommander.Name, "POST", createPath, acctest.Dropped, 409)(nil); err != nil {
		t.Error(err)
	}
	if all := sbwebcommander.StoreOf(s).Customers.List(); len(all) != 1 || all[0].ID != existing.ID || all[0].Version != version {
		t.Errorf("want only the older customer, untouched; the sandbox holds %+v", all)
	}
}

// TestAccWebCommanderCustomer_lostCreateAnswer: the create commits, then
// the connection drops; the customer is found by e-mail and adopted once.
func TestAccWebCommanderCustomer_lostCreateAnswer(t *testing.T) {
	s := acctest.Sandbox(t)
	s.InjectFault(sandbox.Fault{Platform: sbwebcommander.Name, Method: "POST", Path: createPath, Times: 1, DropAfterCommit: true})
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{{
			Config:           acctest.Config(s, hcl("test", full())),
			ConfigPlanChecks: emptyAfterApply,
			Check: resource.ComposeAggregateTestCheckFunc(
				acctest.CheckAnswered(s, sbwebcommander.Name, "POST", createPath, acctest.Dropped),
				func(st *terraform.State) error {
					all := sbwebcommander.StoreOf(s).Customers.List()
					if len(all) != 1 || strconv.FormatInt(all[0].ID, 10) != stateID(st) {
						return fmt.Errorf("the sandbox holds %d customers, state has %s: want exactly the one created", len(all), stateID(st))
					}
					return nil
				},
			),
		}},
	})
}
