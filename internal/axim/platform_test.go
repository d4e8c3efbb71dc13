package axim_test

import (
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/customerops/terraform-provider-crm/internal/acctest"
)

// TestAccAximProvider_missingBaseURL: Axim is per store, so a block
// without base_url (and no AXIM_BASE_URL) is an error that names both,
// not a URL-parsing message. (No sandbox: without a base URL the provider
// has nowhere to send a request, so "nothing sent" could not fail.)
func TestAccAximProvider_missingBaseURL(t *testing.T) {
	t.Setenv("AXIM_BASE_URL", "")
	t.Setenv("AXIM_ACCESS_TOKEN", "")
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{{
			Config: `
provider "crm" {
  axim {
    access_token = "axim_sandbox_token"
  }
}
` + minimal().hcl(),
			ExpectError: regexp.MustCompile(`(?s)Missing axim\.base_url.*Set axim\.base_url in the provider configuration or the\s+AXIM_BASE_URL\s+environment variable`),
		}},
	})
}
