package axim_test

import (
	"encoding/json"
	"fmt"
	"math/big"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/customerops/terraform-provider-crm/internal/acctest"
	"github.com/customerops/terraform-provider-crm/internal/sandbox"
	sbaxim "github.com/customerops/terraform-provider-crm/internal/sandbox/axim"
)

// lastBody is the JSON body of the last request with method to Axim.
func lastBody(s *sandbox.Server, method string) (map[string]any, error) {
	reqs := acctest.Requests(s, sbaxim.Name, method)
	if len(reqs) == 0 {
		return nil, fmt.Errorf("no %s request reached Axim", method)
	}
	var body map[string]any
	if err := json.Unmarshal(reqs[len(reqs)-1].Body, &body); err != nil {
		return nil, err
	}
	return body, nil
}

// checkAddresses asserts the cities of the last PUT's addresses, in order.
func checkAddresses(s *sandbox.Server, method string, cities ...string) resource.TestCheckFunc {
	return func(*terraform.State) error {
		body, err := lastBody(s, method)
		if err != nil {
			return err
		}
		list, _ := body["address"].([]any)
		var got []string
		for _, a := range list {
			m, _ := a.(map[string]any)
			if _, hasID := m["id"]; hasID {
				return fmt.Errorf("%s sent an address id: %v", method, m)
			}
			c, _ := m["city"].(string)
			got = append(got, c)
		}
		if fmt.Sprint(got) != fmt.Sprint(cities) {
			return fmt.Errorf("%s address cities = %v, want %v", method, got, cities)
		}
		return nil
	}
}

var emptyAfterApply = resource.ConfigPlanChecks{PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}}

// TestAccAximCustomer_full: every field set, three addresses and meta
// fields of all three types: the create sends each field as CONTRACT.md §4
// and §5 say (unset optional strings null, metaFields sorted by code with
// typed values, no address ids), reads them back with their types, and
// plans empty; imports by id (command and block) plan empty too.
func TestAccAximCustomer_full(t *testing.T) {
	s := acctest.Sandbox(t)
	c := full()
	c.Company = "64b7f0c2a1d3e4f5a6b7c8d9"
	c.Addresses[1].Phone, c.Addresses[1].Address2 = "973-555-0100", "Suite 5"
	config := acctest.Config(s, c.hcl())
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config:           config,
				ConfigPlanChecks: emptyAfterApply,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(customerAddr, tfjsonpath.New("id"), knownvalue.StringRegexp(idPattern)),
					statecheck.ExpectKnownValue(customerAddr, tfjsonpath.New("status"), knownvalue.StringExact("pending")),
					statecheck.ExpectKnownValue(customerAddr, tfjsonpath.New("meta_fields"), knownvalue.ObjectExact(map[string]knownvalue.Check{
						"p21_contact_id": knownvalue.NumberExact(big.NewFloat(12548)),
						"tier":           knownvalue.StringExact("gold"),
						"vip":            knownvalue.Bool(true),
					})),
					statecheck.ExpectKnownValue(customerAddr, tfjsonpath.New("addresses").AtSliceIndex(2).AtMapKey("city"), knownvalue.StringExact("Toronto")),
					statecheck.ExpectKnownValue(customerAddr, tfjsonpath.New("addresses").AtSliceIndex(0).AtMapKey("is_default"), knownvalue.Bool(true)),
					statecheck.ExpectKnownValue(customerAddr, tfjsonpath.New("addresses").AtSliceIndex(1).AtMapKey("first_name"), knownvalue.Null()),
					statecheck.ExpectKnownValue(customerAddr, tfjsonpath.New("created_at"), knownvalue.NotNull()),
				},
				Check: resource.ComposeAggregateTestCheckFunc(
					acctest.CheckRequestCount(s, sbaxim.Name, "POST", 1),
					acctest.CheckLastBodyTo(s, sbaxim.Name, "POST", "/customers", map[string]any{
						"firstName": "John", "lastName": "Doe", "email": "john@aximcommerce.com", "status": "pending",
						"phoneNumber": "65161861", "company": "64b7f0c2a1d3e4f5a6b7c8d9", "notes": "NOTE AREA",
						"address": []any{
							map[string]any{
								"firstName": "John", "lastName": "Doe", "phoneNumber": nil, "address1": "12/4, test st", "address2": nil,
								"city": "Elizabeth", "state": "NJ", "country": "US", "zipcode": "07202", "isDefaultAddress": true,
							},
							map[string]any{
								"firstName": nil, "lastName": nil, "phoneNumber": "973-555-0100", "address1": "1 Broad St", "address2": "Suite 5",
								"city": "Newark", "state": "NJ", "country": "US", "zipcode": "07102", "isDefaultAddress": false,
							},
							map[string]any{
								"firstName": nil, "lastName": nil, "phoneNumber": nil, "address1": "9 Dock Rd", "address2": nil,
								"city": "Toronto", "state": "ON", "country": "CA", "zipcode": nil, "isDefaultAddress": false,
							},
						},
						"metaFields": []any{
							map[string]any{"code": "p21_contact_id", "value": 12548},
							map[string]any{"code": "tier", "value": "gold"},
							map[string]any{"code": "vip", "value": true},
						},
					}),
				),
			},
			{Config: config, ResourceName: customerAddr, ImportState: true, ImportStateVerify: true, ImportStateVerifyIgnore: []string{"timeouts"}},
			{Config: config, ResourceName: customerAddr, ImportState: true, ImportStateKind: resource.ImportBlockWithID},
		},
	})
}

// TestAccAximCustomer_minimal: only the required fields; status takes its
// default; the plan is empty after apply and after an import.
func TestAccAximCustomer_minimal(t *testing.T) {
	s := acctest.Sandbox(t)
	config := acctest.Config(s, minimal().hcl())
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config:           config,
				ConfigPlanChecks: emptyAfterApply,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(customerAddr, tfjsonpath.New("status"), knownvalue.StringExact("active")),
					statecheck.ExpectKnownValue(customerAddr, tfjsonpath.New("addresses"), knownvalue.Null()),
					statecheck.ExpectKnownValue(customerAddr, tfjsonpath.New("meta_fields"), knownvalue.Null()),
				},
				Check: acctest.CheckLastBody(s, sbaxim.Name, "POST", map[string]any{
					"firstName": "John", "lastName": "Doe", "email": "john@aximcommerce.com", "status": "active",
					"phoneNumber": nil, "company": nil, "notes": nil, "address": []any{}, "metaFields": []any{},
				}),
			},
			{Config: config, ResourceName: customerAddr, ImportState: true, ImportStateKind: resource.ImportBlockWithID},
		},
	})
}

// TestAccAximCustomer_update: one field changed sends the whole record
// (Axim's PUT replaces it), nested parts included, and shows only that change.
func TestAccAximCustomer_update(t *testing.T) {
	s := acctest.Sandbox(t)
	before := full()
	after := full()
	after.Addresses = []address{home, office, {Address1: "9 Dock Rd", City: "Ottawa", State: "ON", Country: "CA"}}
	after.Notes = "Moved the depot."
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{Config: acctest.Config(s, before.hcl())},
			{
				Config: acctest.Config(s, after.hcl()),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply:             []plancheck.PlanCheck{plancheck.ExpectResourceAction(customerAddr, plancheck.ResourceActionUpdate)},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				Check: resource.ComposeAggregateTestCheckFunc(
					acctest.CheckRequestCount(s, sbaxim.Name, "PUT", 1),
					checkAddresses(s, "PUT", "Elizabeth", "Newark", "Ottawa"),
					func(*terraform.State) error {
						body, err := lastBody(s, "PUT")
						if err != nil {
							return err
						}
						meta, _ := json.Marshal(body["metaFields"])
						if body["notes"] != "Moved the depot." || body["status"] != "pending" || body["phoneNumber"] != "65161861" ||
							string(meta) != `[{"code":"p21_contact_id","value":12548},{"code":"tier","value":"gold"},{"code":"vip","value":true}]` {
							return fmt.Errorf("the PUT must carry the whole record: %v", body)
						}
						return nil
					},
				),
			},
		},
	})
}

// TestAccAximCustomer_addresses: adding, removing and reordering addresses
// is exactly that change; Axim's new address ids never show as drift.
func TestAccAximCustomer_addresses(t *testing.T) {
	s := acctest.Sandbox(t)
	step := func(cities []string, addrs ...address) resource.TestStep {
		c := minimal()
		c.Addresses = addrs
		return resource.TestStep{
			Config:           acctest.Config(s, c.hcl()),
			ConfigPlanChecks: emptyAfterApply,
			Check:            checkAddresses(s, "PUT", cities...),
		}
	}
	first := minimal()
	first.Addresses = []address{home}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{Config: acctest.Config(s, first.hcl()), ConfigPlanChecks: emptyAfterApply},
			step([]string{"Elizabeth", "Newark", "Toronto"}, home, office, depot), // add two
			step([]string{"Toronto", "Elizabeth", "Newark"}, depot, home, office), // reorder
			step([]string{"Toronto", "Newark"}, depot, office),                    // remove one
			step([]string{}, []address{}...),                                      // remove all
		},
	})
}

// TestAccAximCustomer_driftInAddress: a city changed by hand inside one
// address shows as drift and is put back.
func TestAccAximCustomer_driftInAddress(t *testing.T) {
	s := acctest.Sandbox(t)
	c := full()
	var id string
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{Config: acctest.Config(s, c.hcl()), Check: func(st *terraform.State) error { id = stateID(st); return nil }},
			{
				PreConfig: acctest.Mutate(t, func() error {
					got, ok := sbaxim.StoreOf(s).Customers.Get(id)
					if !ok {
						return fmt.Errorf("customer %s is not in the sandbox", id)
					}
					raw, _ := json.Marshal(got.Address)
					var addrs []map[string]any
					_ = json.Unmarshal(raw, &addrs)
					addrs[1]["city"] = "Hoboken"
					return sbaxim.StoreOf(s).Customers.Mutate(id, map[string]any{"address": addrs})
				}),
				Config:             acctest.Config(s, c.hcl()),
				PlanOnly:           true,
				ExpectNonEmptyPlan: true,
			},
			{
				Config:           acctest.Config(s, c.hcl()),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(customerAddr, plancheck.ResourceActionUpdate)}},
				Check:            checkAddresses(s, "PUT", "Elizabeth", "Newark", "Toronto"),
			},
		},
	})
}

// TestAccAximCustomer_disappears: deleted out of band, it is created again.
func TestAccAximCustomer_disappears(t *testing.T) {
	s := acctest.Sandbox(t)
	config := acctest.Config(s, minimal().hcl())
	var id string
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{Config: config, Check: func(st *terraform.State) error { id = stateID(st); return nil }},
			{
				PreConfig: acctest.Mutate(t, func() error {
					if !sbaxim.StoreOf(s).Customers.Delete(id) {
						return fmt.Errorf("customer %s was not in the sandbox", id)
					}
					return nil
				}),
				Config: config,
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(customerAddr, plancheck.ResourceActionCreate)},
				},
				Check: func(*terraform.State) error {
					if n := len(sbaxim.StoreOf(s).Customers.List()); n != 1 {
						return fmt.Errorf("the sandbox holds %d customers, want 1", n)
					}
					return nil
				},
			},
		},
	})
}
