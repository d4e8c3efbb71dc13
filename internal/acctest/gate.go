package acctest

import (
	"testing"

	"github.com/hashicorp/go-version"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"
)

// GateMarker starts the line Gate logs. scripts/acc.sh accepts a skipped
// acceptance test only when its log has this line and the CLI under test
// is older than the minimum it names: a gate is declared here, beside its
// test, never on a list kept elsewhere.
const GateMarker = "crm-acc-gate"

// Gate skips t on a CLI older than minimum, the oldest that has the
// feature the test needs (reason says which), and declares the gate.
func Gate(t *testing.T, minimum *version.Version, reason string) []tfversion.TerraformVersionCheck {
	t.Helper()
	t.Logf("%s %s %s %s", GateMarker, t.Name(), minimum, reason)
	return []tfversion.TerraformVersionCheck{tfversion.SkipBelow(minimum)}
}

// NeedsIdentity gates t on IdentityCLI.
func NeedsIdentity(t *testing.T) []tfversion.TerraformVersionCheck {
	t.Helper()
	return Gate(t, IdentityCLI, "resource identity (import by identity) needs Terraform/OpenTofu 1.12")
}

// NeedsWriteOnly gates t on write-only arguments (Terraform/OpenTofu 1.11).
func NeedsWriteOnly(t *testing.T) []tfversion.TerraformVersionCheck {
	t.Helper()
	return Gate(t, tfversion.Version1_11_0, "write-only arguments (password_wo) need Terraform/OpenTofu 1.11")
}

// QueryCLI is the oldest Terraform with list resources (`terraform
// query`). OpenTofu has no query command yet: its versions (1.12 here)
// fall below it as well.
var QueryCLI = tfversion.Version1_14_0

// QueryReason says why a test needs QueryCLI.
const QueryReason = "list resources (terraform query) need Terraform 1.14; OpenTofu has no query command"

// NeedsQuery gates t on QueryCLI.
func NeedsQuery(t *testing.T) []tfversion.TerraformVersionCheck {
	t.Helper()
	return Gate(t, QueryCLI, QueryReason)
}
