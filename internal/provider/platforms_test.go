package provider_test

import (
	"testing"

	"github.com/customerops/terraform-provider-crm/internal/acctest"
	"github.com/customerops/terraform-provider-crm/internal/provider"
)

// TestEveryPlatformPackageIsRegistered: a platform package is a folder
// under internal/ named like its provider block that declares a
// package-level Platform value. Each must be on the Platforms list, and
// each entry of the list must be such a package, so a new platform cannot
// be left out silently (its resources would never be served) nor named
// apart from its folder.
func TestEveryPlatformPackageIsRegistered(t *testing.T) {
	var registered []string
	for _, p := range provider.Platforms {
		registered = append(registered, p.Block)
	}
	acctest.ExpectRegistered(t, "..", "Platform", registered, "internal/provider/platforms.go")
}
