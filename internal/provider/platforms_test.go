package provider_test

import (
	"slices"
	"testing"

	"github.com/customerops/terraform-provider-crm/internal/acctest"
	"github.com/customerops/terraform-provider-crm/internal/provider"
)

// TestEveryPlatformPackageIsRegistered: a platform package is a folder
// under internal/ named like its provider block that declares a package-level
// Platform value. Each must be on the Platforms list, and each entry of the
// list must be such a package, so a new platform cannot be left out
// silently (its resources would never be served) nor named apart from its
// folder.
func TestEveryPlatformPackageIsRegistered(t *testing.T) {
	declared := acctest.PackagesDeclaring(t, "..", "Platform")
	var registered []string
	for _, p := range provider.Platforms {
		registered = append(registered, p.Block)
	}
	slices.Sort(registered)
	if !slices.Equal(declared, registered) {
		t.Errorf("packages under internal/ that declare a Platform: %v; provider.Platforms registers: %v. "+
			"Add the missing one to internal/provider/platforms.go (see CONTRIBUTING.md), and name the block as its folder",
			declared, registered)
	}
	if len(registered) == 0 {
		t.Fatal("no platform registered")
	}
}
