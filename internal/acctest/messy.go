package acctest

import (
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
)

// MessyImport is the adoption every platform's messy-data test makes of a
// record created outside Terraform with blanks around its values, a
// mixed-case e-mail or codes in another case (CONTRIBUTING.md, "Behaviour
// every resource has"): an import block with the configuration in the
// stored spelling plans no change and writes nothing, `terraform import`
// reads the same values, and a tidied configuration plans one in-place
// update and nothing after it.
type MessyImport struct {
	// Addr is the resource's address.
	Addr string
	// AsStored and Tidy are whole configurations (provider block
	// included), each importing the record at Addr.
	AsStored, Tidy string
	// AsStoredState and TidyState check the state after each apply.
	AsStoredState, TidyState []statecheck.StateCheck
	// ImportIgnore names what `terraform import` cannot read back.
	ImportIgnore []string
	// Writes checks that the platform received no create and this many
	// updates.
	Writes func(updates int) resource.TestCheckFunc
	// Updated checks the update, what it sent or what the platform keeps;
	// Settled checks the platform after the last, empty plan. Either may be
	// nil.
	Updated, Settled resource.TestCheckFunc
}

// Steps are the four steps: adopt as stored, import, tidy, plan again.
func (m MessyImport) Steps() []resource.TestStep {
	empty := []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}
	plans := func(action plancheck.ResourceActionType) resource.ConfigPlanChecks {
		return resource.ConfigPlanChecks{
			PreApply:             []plancheck.PlanCheck{plancheck.ExpectResourceAction(m.Addr, action)},
			PostApplyPostRefresh: empty,
		}
	}
	return []resource.TestStep{
		{
			Config:            m.AsStored,
			ConfigPlanChecks:  plans(plancheck.ResourceActionNoop),
			ConfigStateChecks: m.AsStoredState,
			Check:             m.Writes(0),
		},
		{ResourceName: m.Addr, ImportState: true, ImportStateVerify: true, ImportStateVerifyIgnore: m.ImportIgnore},
		{
			Config:            m.Tidy,
			ConfigPlanChecks:  plans(plancheck.ResourceActionUpdate),
			ConfigStateChecks: m.TidyState,
			Check:             all(m.Writes(1), m.Updated),
		},
		{
			Config:           m.Tidy,
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: empty},
			Check:            all(m.Writes(1), m.Settled),
		},
	}
}

// all is every check that is set, in order.
func all(checks ...resource.TestCheckFunc) resource.TestCheckFunc {
	var set []resource.TestCheckFunc
	for _, c := range checks {
		if c != nil {
			set = append(set, c)
		}
	}
	return resource.ComposeAggregateTestCheckFunc(set...)
}
