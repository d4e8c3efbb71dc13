package provider_test

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/customerops/terraform-provider-crm/internal/acctest"
	"github.com/customerops/terraform-provider-crm/internal/sandbox"
)

const group = `
resource "crm_xtrakit_customer_group" "g" {
  name = "Premium"
}
`

// clearEnv makes the test independent of the caller's environment. Tests
// using it cannot run in parallel (t.Setenv).
func clearEnv(t *testing.T) {
	for _, k := range []string{"XTRAKIT_API_KEY", "XTRAKIT_BASE_URL", "RAZORPAY_KEY_ID", "RAZORPAY_KEY_SECRET", "RAZORPAY_BASE_URL"} {
		t.Setenv(k, "")
	}
}

func TestAccProvider_missingAPIKey(t *testing.T) {
	clearEnv(t)
	s := acctest.Sandbox(t)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{{
			Config: `
provider "crm" {
  xtrakit {
    base_url = "` + s.XtrakitURL() + `"
  }
}
` + group,
			ExpectError: regexp.MustCompile(`(?s)Missing xtrakit.api_key.*XTRAKIT_API_KEY`),
		}},
	})
	acctest.ExpectNoRequests(t, s)
}

func TestAccProvider_platformNotConfigured(t *testing.T) {
	clearEnv(t)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{{
			Config:      `provider "crm" {}` + group,
			ExpectError: regexp.MustCompile(`(?s)Xtrakit is not configured.*xtrakit \{ api_key = \.\.\. \}.*XTRAKIT_API_KEY`),
		}},
	})
}

// TestAccProvider_environment configures Xtrakit from the environment alone.
func TestAccProvider_environment(t *testing.T) {
	clearEnv(t)
	s := acctest.Sandbox(t)
	t.Setenv("XTRAKIT_API_KEY", sandbox.XtrakitAPIKey)
	t.Setenv("XTRAKIT_BASE_URL", s.XtrakitURL())
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{{
			Config: `provider "crm" {}` + group,
			Check:  resource.TestCheckResourceAttr("crm_xtrakit_customer_group.g", "name", "Premium"),
		}},
	})
}

func TestAccProvider_plainHTTPRefused(t *testing.T) {
	s := acctest.Sandbox(t)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{{
			Config: `
provider "crm" {
  xtrakit {
    api_key  = "k"
    base_url = "http://api.example.com/api/v1"
  }
}
` + group,
			ExpectError: regexp.MustCompile(`(?s)Invalid Xtrakit base URL.*only\s+https\s+is\s+allowed,\s+except\s+towards\s+a\s+loopback\s+address`),
		}},
	})
	acctest.ExpectNoRequests(t, s)
}

func TestAccProvider_wrongAPIKey(t *testing.T) {
	s := acctest.Sandbox(t)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{{
			Config: `
provider "crm" {
  xtrakit {
    api_key  = "not-the-key"
    base_url = "` + s.XtrakitURL() + `"
  }
}
` + group,
			ExpectError: regexp.MustCompile(`(?s)Could not create Xtrakit customer group.*HTTP 401.*Unauthorized: Invalid API Key`),
		}},
	})
}

func TestAccProvider_invalidSettings(t *testing.T) {
	s := acctest.Sandbox(t)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config:      `provider "crm" { request_timeout = "soon" }` + group,
				PlanOnly:    true,
				ExpectError: regexp.MustCompile(`(?s)request_timeout must be a positive Go duration`),
			},
			{
				Config:      `provider "crm" { max_retries = -1 }` + group,
				PlanOnly:    true,
				ExpectError: regexp.MustCompile(`(?s)max_retries value must be between 0 and 20`),
			},
		},
	})
	acctest.ExpectNoRequests(t, s)
}

// TestAccProvider_unknownAPIKey: an api_key known only after apply is an
// attribute error at plan time, not a failed request.
func TestAccProvider_unknownAPIKey(t *testing.T) {
	s := acctest.Sandbox(t)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{{
			Config: `
resource "terraform_data" "key" {
  input = "later"
}

provider "crm" {
  xtrakit {
    api_key  = terraform_data.key.output
    base_url = "` + s.XtrakitURL() + `"
  }
}
` + group,
			ExpectError: regexp.MustCompile(`(?s)Unknown xtrakit.api_key.*XTRAKIT_API_KEY`),
		}},
	})
	acctest.ExpectNoRequests(t, s)
}

// TestAccProvider_secretsNotLogged runs create, read, update and delete
// with TF_LOG=trace and checks that no log line, the provider's or the
// CLI's, holds the API key, while the HTTP exchanges were logged. The key
// comes from the environment, the way CI pipelines pass it.
func TestAccProvider_secretsNotLogged(t *testing.T) {
	clearEnv(t)
	s := acctest.Sandbox(t)
	t.Setenv("XTRAKIT_API_KEY", sandbox.XtrakitAPIKey)
	logs := traceLogs(t, `
provider "crm" {
  xtrakit {
    base_url = "`+s.XtrakitURL()+`"
  }
}
`)
	expectMasked(t, logs, func(string) bool { return false })
}

// TestAccProvider_secretsNotLoggedFromConfig is the same with the key in the
// provider block. The test harness itself echoes each step's HCL into the
// log ("  |  api_key = ..."); those lines are the test's own input, not
// output of Terraform or the provider, and are the only ones let through.
func TestAccProvider_secretsNotLoggedFromConfig(t *testing.T) {
	clearEnv(t)
	s := acctest.Sandbox(t)
	logs := traceLogs(t, `
provider "crm" {
  xtrakit {
    api_key  = "`+sandbox.XtrakitAPIKey+`"
    base_url = "`+s.XtrakitURL()+`"
  }
}
`)
	harnessEcho := regexp.MustCompile(`^\s*\|\s+api_key\s+=`)
	expectMasked(t, logs, harnessEcho.MatchString)
}

func traceLogs(t *testing.T, provider string) string {
	dir := t.TempDir()
	t.Setenv("TF_LOG", "trace")
	t.Setenv("TF_LOG_PATH_MASK", filepath.Join(dir, "%s.log"))
	step := func(name string) resource.TestStep {
		return resource.TestStep{Config: provider + `
resource "crm_xtrakit_customer_group" "g" {
  name = "` + name + `"
}
`}
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps:                    []resource.TestStep{step("one"), step("two")},
	})
	files, _ := filepath.Glob(filepath.Join(dir, "*"))
	var all strings.Builder
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		all.Write(b)
	}
	return all.String()
}

func expectMasked(t *testing.T, logs string, allowed func(string) bool) {
	t.Helper()
	if !strings.Contains(logs, "sending HTTP request") || !strings.Contains(logs, "received HTTP response") {
		t.Fatalf("the trace logs (%d bytes) hold no HTTP exchange: the check below would prove nothing", len(logs))
	}
	if !strings.Contains(logs, "Authorization:***") {
		t.Errorf("the Authorization header is not shown masked in the logs")
	}
	for i, line := range strings.Split(logs, "\n") {
		if strings.Contains(line, sandbox.XtrakitAPIKey) && !allowed(line) {
			t.Errorf("log line %d contains the API key: %.200s", i, line)
		}
	}
}
