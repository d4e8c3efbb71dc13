package provider_test

import (
	"encoding/base64"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/customerops/terraform-provider-crm/internal/acctest"
	sbaxim "github.com/customerops/terraform-provider-crm/internal/sandbox/axim"
	sbrazorpay "github.com/customerops/terraform-provider-crm/internal/sandbox/razorpay"
	sbwebcommander "github.com/customerops/terraform-provider-crm/internal/sandbox/webcommander"
	sbxtrakit "github.com/customerops/terraform-provider-crm/internal/sandbox/xtrakit"
)

const group = `
resource "crm_xtrakit_customer_group" "g" {
  name = "Premium"
}
`

// clearEnv makes the test independent of the caller's environment. Tests
// using it cannot run in parallel (t.Setenv).
func clearEnv(t *testing.T) {
	for _, k := range []string{"XTRAKIT_API_KEY", "XTRAKIT_BASE_URL", "RAZORPAY_KEY_ID", "RAZORPAY_KEY_SECRET", "RAZORPAY_BASE_URL",
		"AXIM_ACCESS_TOKEN", "AXIM_BASE_URL", "WEBCOMMANDER_STORE_URL", "WEBCOMMANDER_CLIENT_ID", "WEBCOMMANDER_CLIENT_SECRET",
		"WEBCOMMANDER_USERNAME", "WEBCOMMANDER_PASSWORD", "WEBCOMMANDER_REDIRECT_URI"} {
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
    base_url = "` + sbxtrakit.URL(s) + `"
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
	xtrakit := regexp.MustCompile(`(?s)Xtrakit is not configured.*xtrakit\s+\{\s+api_key\s+=\s+\.\.\.\s+\}.*XTRAKIT_API_KEY`)
	razorpay := regexp.MustCompile(`(?s)Razorpay is not configured.*razorpay\s+\{\s+key_id\s+=\s+\.\.\.,\s+key_secret\s+=\s+\.\.\.\s+\}.*RAZORPAY_KEY_ID`)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{Config: `provider "crm" {}` + group, ExpectError: xtrakit},
			{Config: `provider "crm" {}` + "\n" + `data "crm_xtrakit_customers" "all" {}`, ExpectError: xtrakit},
			{Config: `provider "crm" {}` + "\n" + `data "crm_xtrakit_customer" "one" { id = "1" }`, ExpectError: xtrakit},
			{Config: `provider "crm" {}
resource "crm_razorpay_customer" "c" {
  name    = "Gaurav Kumar"
  contact = "+919876543210"
  email   = "gaurav.kumar@example.com"
}
`, ExpectError: razorpay},
			{Config: `provider "crm" {}` + "\n" + `data "crm_razorpay_customers" "all" {}`, ExpectError: razorpay},
		},
	})
}

// TestAccProvider_environment configures Xtrakit from the environment alone.
func TestAccProvider_environment(t *testing.T) {
	clearEnv(t)
	s := acctest.Sandbox(t)
	t.Setenv("XTRAKIT_API_KEY", sbxtrakit.APIKey)
	t.Setenv("XTRAKIT_BASE_URL", sbxtrakit.URL(s))
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{{
			Config: `provider "crm" {}` + group,
			Check:  resource.TestCheckResourceAttr("crm_xtrakit_customer_group.g", "name", "Premium"),
		}},
	})
}

// TestAccProvider_plainHTTPRefused: plain http towards a host that is not
// a loopback address is refused when the provider is configured, with an
// error naming the setting. (Tests send traffic only to loopback, so this
// host is never contacted: were the check gone, the error would be a name
// resolution failure instead, and the expected text would not match.)
func TestAccProvider_plainHTTPRefused(t *testing.T) {
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
    base_url = "` + sbxtrakit.URL(s) + `"
  }
}
` + group,
			ExpectError: regexp.MustCompile(`(?s)Could not create Xtrakit customer group.*HTTP 401.*Unauthorized: Invalid API Key`),
		}},
	})
}

// TestAccProvider_invalidSettings: bad provider settings fail before any
// request, whether a group is to be created (an apply that would POST) or
// renamed (one that would PUT); the last step's empty plan shows the group
// was left as it was.
func TestAccProvider_invalidSettings(t *testing.T) {
	s := acctest.Sandbox(t)
	renamed := strings.Replace(group, `"Premium"`, `"Premium renamed"`, 1)
	var invalid []resource.TestStep
	for _, c := range []struct{ setting, value, want string }{
		{"request_timeout", `"soon"`, `request_timeout must be a positive Go duration`},
		{"request_timeout", `"-5s"`, `request_timeout must be a positive Go duration`},
		{"max_retries", "-1", `max_retries value must be between 0 and 20`},
		{"max_retries", "21", `max_retries value must be between 0 and 20`},
	} {
		invalid = append(invalid, resource.TestStep{
			Config:      acctest.ProviderConfigWith(s, map[string]string{c.setting: c.value}) + renamed,
			ExpectError: acctest.ErrorText(c.want),
		})
	}
	valid := acctest.ProviderConfig(s) + group
	create := resource.TestStep{Config: valid, Check: acctest.CheckRequestCount(s, sbxtrakit.Name, "POST", 1)}
	steps := acctest.NoRequestSteps(t, s, invalid, create)
	steps = append(steps, acctest.NoRequestSteps(t, s, invalid, resource.TestStep{Config: valid, PlanOnly: true})...)
	resource.ParallelTest(t, resource.TestCase{ProtoV6ProviderFactories: acctest.ProviderFactories, Steps: steps})
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
    base_url = "` + sbxtrakit.URL(s) + `"
  }
}
` + group,
			ExpectError: regexp.MustCompile(`(?s)Unknown xtrakit.api_key.*XTRAKIT_API_KEY`),
		}},
	})
	acctest.ExpectNoRequests(t, s)
}

// xtrakitSteps create a group and rename it: create, read, update, delete.
func xtrakitSteps(provider string) []resource.TestStep {
	step := func(name string) resource.TestStep {
		return resource.TestStep{Config: provider + `
resource "crm_xtrakit_customer_group" "g" {
  name = "` + name + `"
}
`}
	}
	return []resource.TestStep{step("one"), step("two")}
}

// razorpaySteps create a customer and rename it.
func razorpaySteps(provider string) []resource.TestStep {
	step := func(name string) resource.TestStep {
		return resource.TestStep{Config: provider + `
resource "crm_razorpay_customer" "c" {
  name    = "` + name + `"
  contact = "+919876543210"
  email   = "gaurav.kumar@example.com"
}
`}
	}
	return []resource.TestStep{step("Gaurav Kumar"), step("Gaurav K")}
}

// aximSteps create a customer and rename it.
func aximSteps(provider string) []resource.TestStep {
	step := func(name string) resource.TestStep {
		return resource.TestStep{Config: provider + `
resource "crm_axim_customer" "c" {
  first_name = "` + name + `"
  last_name  = "Doe"
  email      = "john@aximcommerce.com"
}
`}
	}
	return []resource.TestStep{step("John"), step("Johnny")}
}

var xtrakitSecrets = []string{sbxtrakit.APIKey}

var aximSecrets = []string{sbaxim.AccessToken}

// webcommanderSteps create a customer with a password and change it.
func webcommanderSteps(provider string) []resource.TestStep {
	step := func(pw string) resource.TestStep {
		return resource.TestStep{Config: provider + `
resource "crm_webcommander_customer" "c" {
  first_name = "Ada"
  email      = "ada@example.com"
  password   = "` + pw + `"
}
`}
	}
	return []resource.TestStep{step("cust-pass-one"), step("cust-pass-two")}
}

// webcommanderSecrets: the client secret, the admin password and the
// auth_string they travel in, and the customer's passwords.
var webcommanderSecrets = []string{
	sbwebcommander.ClientSecret, sbwebcommander.Password,
	base64.StdEncoding.EncodeToString([]byte(sbwebcommander.Username + ":" + sbwebcommander.Password)),
	"cust-pass-one", "cust-pass-two",
}

// wcToken matches every access and refresh token the sandbox issues.
var wcToken = regexp.MustCompile(`wc_(at|rt)_[0-9a-f]{32}`)

// expectNoTokens checks that no OAuth token appears in the logs.
func expectNoTokens(t *testing.T, logs string) {
	t.Helper()
	if !strings.Contains(logs, "/oauth2/token") {
		t.Fatal("the logs show no token request: the check below would prove nothing")
	}
	for i, line := range strings.Split(logs, "\n") {
		if wcToken.MatchString(line) {
			t.Errorf("log line %d contains an OAuth token: %.200s", i, line)
		}
	}
}

// razorpaySecrets: the secret, and the Basic header it travels in.
var razorpaySecrets = []string{
	sbrazorpay.KeySecret,
	base64.StdEncoding.EncodeToString([]byte(sbrazorpay.KeyID + ":" + sbrazorpay.KeySecret)),
}

// TestAccProvider_secretsNotLogged runs create, read, update and delete
// with TF_LOG=trace and checks that no log line, the provider's or the
// CLI's, holds a credential, while the HTTP exchanges were logged. The
// credentials come from the environment, the way CI pipelines pass them.
func TestAccProvider_secretsNotLogged(t *testing.T) {
	clearEnv(t)
	s := acctest.Sandbox(t)
	t.Setenv("XTRAKIT_API_KEY", sbxtrakit.APIKey)
	t.Setenv("RAZORPAY_KEY_ID", sbrazorpay.KeyID)
	t.Setenv("RAZORPAY_KEY_SECRET", sbrazorpay.KeySecret)
	t.Setenv("AXIM_ACCESS_TOKEN", sbaxim.AccessToken)
	t.Setenv("AXIM_BASE_URL", sbaxim.URL(s))
	t.Setenv("WEBCOMMANDER_STORE_URL", sbwebcommander.URL(s))
	t.Setenv("WEBCOMMANDER_CLIENT_ID", sbwebcommander.ClientID)
	t.Setenv("WEBCOMMANDER_CLIENT_SECRET", sbwebcommander.ClientSecret)
	t.Setenv("WEBCOMMANDER_USERNAME", sbwebcommander.Username)
	t.Setenv("WEBCOMMANDER_PASSWORD", sbwebcommander.Password)
	t.Setenv("WEBCOMMANDER_REDIRECT_URI", sbwebcommander.RedirectURI)
	provider := `
provider "crm" {
  xtrakit {
    base_url = "` + sbxtrakit.URL(s) + `"
  }
  razorpay {
    base_url = "` + sbrazorpay.URL(s) + `"
  }
}
`
	none := func(string) bool { return false }
	expectMasked(t, traceLogs(t, xtrakitSteps(provider)), xtrakitSecrets, "Authorization", none)
	expectMasked(t, traceLogs(t, razorpaySteps(provider)), razorpaySecrets, "Authorization", none)
	expectMasked(t, traceLogs(t, aximSteps(provider)), aximSecrets, "Accesstoken", none)
	// The customer's password is in the resource's HCL, which the harness echoes.
	logs := traceLogs(t, webcommanderSteps(provider))
	expectMasked(t, logs, webcommanderSecrets, "Authorization", regexp.MustCompile(`^\s*\|\s+password\s+=`).MatchString)
	expectNoTokens(t, logs)
}

// TestAccProvider_secretsNotLoggedFromConfig is the same with the
// credentials in the provider block. The test harness itself echoes each
// step's HCL into the log ("  |  api_key = ..."); those lines are the
// test's own input, not output of Terraform or the provider, and are the
// only ones let through.
func TestAccProvider_secretsNotLoggedFromConfig(t *testing.T) {
	clearEnv(t)
	s := acctest.Sandbox(t)
	provider := acctest.ProviderConfig(s)
	harnessEcho := regexp.MustCompile(`^\s*\|\s+(api_key|key_secret|access_token|client_secret|password)\s+=`).MatchString
	expectMasked(t, traceLogs(t, xtrakitSteps(provider)), xtrakitSecrets, "Authorization", harnessEcho)
	expectMasked(t, traceLogs(t, razorpaySteps(provider)), razorpaySecrets, "Authorization", harnessEcho)
	expectMasked(t, traceLogs(t, aximSteps(provider)), aximSecrets, "Accesstoken", harnessEcho)
	logs := traceLogs(t, webcommanderSteps(provider))
	expectMasked(t, logs, webcommanderSecrets, "Authorization", harnessEcho)
	expectNoTokens(t, logs)
}

func traceLogs(t *testing.T, steps []resource.TestStep) string {
	dir := t.TempDir()
	t.Setenv("TF_LOG", "trace")
	t.Setenv("TF_LOG_PATH_MASK", filepath.Join(dir, "%s.log"))
	resource.Test(t, resource.TestCase{ProtoV6ProviderFactories: acctest.ProviderFactories, Steps: steps})
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

func expectMasked(t *testing.T, logs string, secrets []string, header string, allowed func(string) bool) {
	t.Helper()
	for _, want := range []string{"sending HTTP request", "received HTTP response", "http_method=PUT"} {
		if !strings.Contains(logs, want) {
			t.Fatalf("the trace logs (%d bytes) lack %q: the check below would prove nothing", len(logs), want)
		}
	}
	if !strings.Contains(logs, header+":***") {
		t.Errorf("the %s header is not shown masked in the logs", header)
	}
	for i, line := range strings.Split(logs, "\n") {
		for _, secret := range secrets {
			if strings.Contains(line, secret) && !allowed(line) {
				t.Errorf("log line %d contains a credential: %.200s", i, line)
			}
		}
	}
}
