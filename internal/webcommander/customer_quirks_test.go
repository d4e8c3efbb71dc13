package webcommander_test

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/customerops/terraform-provider-crm/internal/acctest"
	"github.com/customerops/terraform-provider-crm/internal/sandbox"
	sbwebcommander "github.com/customerops/terraform-provider-crm/internal/sandbox/webcommander"
)

// TestAccWebCommanderCustomer_duplicateEmail: WebCommander's 409, with the
// import command and block naming the existing customer.
func TestAccWebCommanderCustomer_duplicateEmail(t *testing.T) {
	s := acctest.Sandbox(t)
	existing := sbwebcommander.StoreOf(s).Customers.Seed(sbwebcommander.Customer{FirstName: "Grace", Email: "ada@example.com", Status: "active"})
	id := strconv.FormatInt(existing.ID, 10)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{{
			Config: acctest.Config(s, hcl("test", with(minimal(), "email", `"ada@example.com"`))),
			ExpectError: regexp.MustCompile(`(?s)HTTP 409: The email address is already registered.*terraform\s+import\s+<resource\s+address>\s+` +
				id + `.*id\s+=\s+"` + id + `"`),
		}},
	})
}

// TestAccWebCommanderProvider_wrongCredentials: a clear error naming the
// provider block, with WebCommander's own answer.
func TestAccWebCommanderProvider_wrongCredentials(t *testing.T) {
	s := acctest.Sandbox(t)
	config := strings.Replace(acctest.Config(s, hcl("test", minimal())), sbwebcommander.ClientSecret, "not-the-secret", 1)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{{
			Config:      config,
			ExpectError: regexp.MustCompile("(?s)HTTP 401: Invalid client credentials.*WebCommander refused the credentials of the\\s+`webcommander`\\s+provider\\s+block"),
		}},
	})
}

// TestAccWebCommanderCustomer_tokenExpiry: 30 customers applied while
// access tokens live one second: every request succeeds, and the token
// endpoint is called a bounded number of times (no stampede).
func TestAccWebCommanderCustomer_tokenExpiry(t *testing.T) {
	s := acctest.Sandbox(t)
	sbwebcommander.StoreOf(s).SetTokenLifetime(time.Second)
	s.InjectFault(sandbox.Fault{Platform: sbwebcommander.Name, Path: "/api/v4/admin/customers", Latency: 150 * time.Millisecond})
	config := acctest.Config(s, `
resource "crm_webcommander_customer" "many" {
  count      = 30
  first_name = "Customer ${count.index}"
  email      = "customer${count.index}@example.com"
}
`)
	start := time.Now()
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{{
			Config:           config,
			ConfigPlanChecks: emptyAfterApply,
			Check: func(*terraform.State) error {
				if n := len(sbwebcommander.StoreOf(s).Customers.List()); n != 30 {
					return fmt.Errorf("the sandbox holds %d customers, want 30", n)
				}
				for _, r := range acctest.Requests(s, sbwebcommander.Name, "") {
					if r.Status == 401 && !strings.HasSuffix(r.Path, "/oauth2/token") {
						continue // an expired token, answered by a refresh and a replay
					}
					if r.Status >= 400 {
						return fmt.Errorf("%s %s answered %d", r.Method, r.Path, r.Status)
					}
				}
				cc, refresh := sbwebcommander.StoreOf(s).TokenCalls()
				// Tokens live one second: a refresh whenever the current one
				// expires, and more on a loaded machine, where a token can
				// expire on its way (a CI run with -race saw 16 in 1.7 s).
				// (x/oauth2 also counts a token expired 10 s early, so each
				// round of parallel requests renews a 1 s token once.) What
				// must never happen is a stampede, a grant per request that
				// met an expired token: fewer grants than API requests.
				api := 0
				for _, r := range acctest.Requests(s, sbwebcommander.Name, "") {
					if !strings.HasSuffix(r.Path, "/oauth2/token") {
						api++
					}
				}
				if cc < 1 || refresh < 1 || cc+refresh >= api {
					return fmt.Errorf("token endpoint: %d client-credentials and %d refresh grants over %s for %d API requests, want at least one refresh and fewer grants than requests",
						cc, refresh, time.Since(start).Round(time.Millisecond), api)
				}
				t.Logf("token endpoint: %d client-credentials and %d refresh grants over %s for %d API requests",
					cc, refresh, time.Since(start).Round(time.Millisecond), api)
				return nil
			},
		}},
	})
}

// TestAccWebCommanderCustomer_writeOnlyPassword: password_wo reaches
// WebCommander, never the plan or the state; it is sent again only when
// password_wo_version changes.
func TestAccWebCommanderCustomer_writeOnlyPassword(t *testing.T) {
	s := acctest.Sandbox(t)
	step := func(pw, version string) string {
		return acctest.Config(s, hcl("test", with(minimal(), "password_wo", strconv.Quote(pw), "password_wo_version", version)))
	}
	var id int64
	password := func(want string) func(*terraform.State) error {
		return func(st *terraform.State) error {
			id, _ = strconv.ParseInt(stateID(st), 10, 64)
			if got, _ := sbwebcommander.StoreOf(s).Password(id); got != want {
				return fmt.Errorf("the sandbox holds password %q, want %q", got, want)
			}
			for k, v := range st.RootModule().Resources[customerAddr].Primary.Attributes {
				if strings.Contains(v, "wo-pass") {
					return fmt.Errorf("the state holds the write-only password in %s", k)
				}
			}
			return nil
		}
	}
	woNull := []statecheck.StateCheck{statecheck.ExpectKnownValue(customerAddr, tfjsonpath.New("password_wo"), knownvalue.Null())}
	resource.ParallelTest(t, resource.TestCase{
		TerraformVersionChecks:   acctest.NeedsWriteOnly(t),
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{Config: step("wo-pass-1", "1"), ConfigStateChecks: woNull, Check: password("wo-pass-1")},
			{Config: step("wo-pass-2", "1"), ConfigStateChecks: woNull, Check: password("wo-pass-1"), ConfigPlanChecks: emptyAfterApply},
			{Config: step("wo-pass-2", "2"), ConfigStateChecks: woNull, Check: resource.ComposeAggregateTestCheckFunc(
				password("wo-pass-2"), checkBody(s, "PUT", `{"customer":{"password":"wo-pass-2"}}`))},
		},
	})
}
