package acctest

import (
	"fmt"
	"regexp"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"
)

// IdentityCLI is the oldest Terraform/OpenTofu with resource identity
// (import by identity). Tests needing it gate on it with NeedsIdentity.
var IdentityCLI = tfversion.Version1_12_0

// IdentitySteps are the identity checks every resource passes: after
// create the identity holds the id that state holds (in the id's form),
// and an import block by identity imports the record with no diff.
func IdentitySteps(config, addr string, idForm *regexp.Regexp) []resource.TestStep {
	return []resource.TestStep{
		{
			Config: config,
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectIdentity(addr, map[string]knownvalue.Check{"id": knownvalue.StringRegexp(idForm)}),
				statecheck.ExpectIdentityValueMatchesState(addr, tfjsonpath.New("id")),
			},
		},
		{
			Config:          config,
			ResourceName:    addr,
			ImportState:     true,
			ImportStateKind: resource.ImportBlockWithResourceIdentity,
		},
	}
}

// AdoptByIdentity is a step that imports the existing record id into addr
// with an `import { identity = { id = ... } }` block: the plan imports it
// and changes nothing, and the next plan is empty.
func AdoptByIdentity(config, addr, id string) resource.TestStep {
	return resource.TestStep{
		Config: config + fmt.Sprintf(`
import {
  to       = %s
  identity = { id = %q }
}
`, addr, id),
		ConfigPlanChecks: resource.ConfigPlanChecks{
			PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(addr, plancheck.ResourceActionNoop)},
		},
		ConfigStateChecks: []statecheck.StateCheck{
			statecheck.ExpectIdentity(addr, map[string]knownvalue.Check{"id": knownvalue.StringExact(id)}),
			statecheck.ExpectKnownValue(addr, tfjsonpath.New("id"), knownvalue.StringExact(id)),
		},
	}
}
