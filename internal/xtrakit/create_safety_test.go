package xtrakit_test

import (
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/customerops/terraform-provider-crm/internal/acctest"
	"github.com/customerops/terraform-provider-crm/internal/sandbox"
	sbxtrakit "github.com/customerops/terraform-provider-crm/internal/sandbox/xtrakit"
)

// TestAccXtrakitCustomer_gatewayErrorAfterCommit: the create commits, then
// a gateway answers 502 (the request log shows the create so answered).
// The provider looks the customer up before any second attempt and adopts
// it: exactly one customer, and it is in state.
func TestAccXtrakitCustomer_gatewayErrorAfterCommit(t *testing.T) {
	s := acctest.Sandbox(t)
	s.InjectFault(sandbox.Fault{Platform: sbxtrakit.Name, Method: "POST", Path: "/customers/add", Times: 1, StatusAfterCommit: 502})
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{{
			Config: acctest.Config(s, minimalCustomer),
			Check: resource.ComposeAggregateTestCheckFunc(
				acctest.CheckRequestCount(s, sbxtrakit.Name, "POST", 1),
				acctest.CheckAnswered(s, sbxtrakit.Name, "POST", "/customers/add", 502),
				func(st *terraform.State) error {
					all := sbxtrakit.StoreOf(s).Customers.List()
					if len(all) != 1 || all[0].ID != customerID(st) {
						return errorf("want exactly the committed customer in state; sandbox has %d, state id %d", len(all), customerID(st))
					}
					return nil
				},
			),
		}},
	})
}

// seedKwame stores, an hour before the test, a customer identical to
// minimalCustomer: a record that existed before any create of the test.
func seedKwame(s *sandbox.Server) sbxtrakit.Customer {
	old := time.Now().UTC().Add(-time.Hour).Format(sbxtrakit.TimeLayout)
	return sbxtrakit.StoreOf(s).Customers.Seed(sbxtrakit.Customer{
		CustomerName: "Kwame Mensah", CustomerPhone: "+233201234567", CustomerCountry: "Ghana",
		CustomerState: "Ashanti", CustomerCity: "Kumasi", Address1: "12 Harper Road", CreatedBy: "platform-team",
		CreatedAt: old, UpdatedAt: old,
	})
}

// onlyTheNewOneAdopted: two customers, state holds the one this apply
// made, and the older identical one is untouched.
func onlyTheNewOneAdopted(s *sandbox.Server, old sbxtrakit.Customer) resource.TestCheckFunc {
	return func(st *terraform.State) error {
		all := sbxtrakit.StoreOf(s).Customers.List()
		if len(all) != 2 {
			return errorf("the sandbox holds %d customers, want the old one and the new one", len(all))
		}
		if customerID(st) == old.ID {
			return errorf("the lost create adopted customer %d, which existed before it", old.ID)
		}
		for _, c := range all {
			if c.ID == old.ID && c.UpdatedAt != old.UpdatedAt {
				return errorf("the older identical customer was changed: %+v", c)
			}
		}
		return nil
	}
}

// TestAccXtrakitCustomer_lostCreateBesideAnIdenticalRecord: with an
// identical customer already there, a create whose answer is lost after
// commit (its connection dropped, as the request log shows) adopts exactly
// the new customer, never the old one.
func TestAccXtrakitCustomer_lostCreateBesideAnIdenticalRecord(t *testing.T) {
	s := acctest.Sandbox(t)
	old := seedKwame(s)
	s.InjectFault(sandbox.Fault{Platform: sbxtrakit.Name, Method: "POST", Path: "/customers/add", Times: 1, DropAfterCommit: true})
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{{
			Config: acctest.Config(s, minimalCustomer),
			Check: resource.ComposeAggregateTestCheckFunc(
				acctest.CheckAnswered(s, sbxtrakit.Name, "POST", "/customers/add", acctest.Dropped),
				acctest.CheckRequestCount(s, sbxtrakit.Name, "POST", 1),
				onlyTheNewOneAdopted(s, old),
			),
		}},
	})
}

// TestAccXtrakitCustomer_uncommittedCreateBesideAnIdenticalRecord: the
// create times out before the sandbox handles it (nothing committed); the
// lookup finds only the older identical customer, does not adopt it, and
// the create is sent again: the log shows the first create unanswered, the
// second answered 200.
func TestAccXtrakitCustomer_uncommittedCreateBesideAnIdenticalRecord(t *testing.T) {
	s := acctest.Sandbox(t)
	old := seedKwame(s)
	s.InjectFault(sandbox.Fault{Platform: sbxtrakit.Name, Method: "POST", Path: "/customers/add", Times: 1, Latency: 3 * time.Second})
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{{
			Config: acctest.ProviderConfigWith(s, map[string]string{"request_timeout": `"1s"`}) + minimalCustomer,
			Check: resource.ComposeAggregateTestCheckFunc(
				acctest.CheckAnswered(s, sbxtrakit.Name, "POST", "/customers/add", acctest.Dropped, 200),
				acctest.CheckRequestCount(s, sbxtrakit.Name, "POST", 2),
				onlyTheNewOneAdopted(s, old),
			),
		}},
	})
}

// TestAccXtrakitCustomer_lostCreateResponse: the sandbox commits the create
// and drops the connection. The provider must find and adopt that record,
// not create a second one.
func TestAccXtrakitCustomer_lostCreateResponse(t *testing.T) {
	s := acctest.Sandbox(t)
	s.InjectFault(sandbox.Fault{Platform: sbxtrakit.Name, Method: "POST", Path: "/customers/add", Times: 1, DropAfterCommit: true})
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{{
			Config: acctest.Config(s, minimalCustomer),
			Check: resource.ComposeAggregateTestCheckFunc(
				acctest.CheckRequestCount(s, sbxtrakit.Name, "POST", 1),
				acctest.CheckAnswered(s, sbxtrakit.Name, "POST", "/customers/add", acctest.Dropped),
				func(st *terraform.State) error {
					all := sbxtrakit.StoreOf(s).Customers.List()
					if len(all) != 1 {
						return errorf("want exactly 1 customer after a lost create answer, sandbox has %d", len(all))
					}
					if all[0].ID != customerID(st) {
						return errorf("state id %d is not the committed record %d", customerID(st), all[0].ID)
					}
					return nil
				},
			),
		}},
	})
}

// TestAccXtrakitCustomer_retries: 429 with Retry-After and a 503 on reads
// are retried, and the apply succeeds.
func TestAccXtrakitCustomer_retries(t *testing.T) {
	s := acctest.Sandbox(t)
	s.InjectFault(sandbox.Fault{Platform: sbxtrakit.Name, Method: "POST", Times: 1, Status: 429, RetryAfter: "1"})
	s.InjectFault(sandbox.Fault{Platform: sbxtrakit.Name, Method: "GET", Times: 2, Status: 503})
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{{
			Config: acctest.Config(s, minimalCustomer),
			Check: resource.ComposeAggregateTestCheckFunc(
				acctest.CheckRequestCount(s, sbxtrakit.Name, "POST", 2),
				func(*terraform.State) error {
					if n := len(sbxtrakit.StoreOf(s).Customers.List()); n != 1 {
						return errorf("want 1 customer, sandbox has %d", n)
					}
					return nil
				},
			),
		}},
	})
}
