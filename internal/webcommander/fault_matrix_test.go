package webcommander_test

import (
	"fmt"
	"strconv"
	"testing"
	"time"

	"github.com/customerops/terraform-provider-crm/internal/acctest"
	"github.com/customerops/terraform-provider-crm/internal/sandbox"
	sbwebcommander "github.com/customerops/terraform-provider-crm/internal/sandbox/webcommander"
)

// The shared fault matrix (internal/acctest/faultmatrix.go) on WebCommander
// customers, with access tokens expiring every few seconds as the
// platform's own fault. It runs once, on Terraform 1.16.4 (scripts/acc.sh).
func TestAccFaultMatrix_webcommander(t *testing.T) { acctest.FaultMatrix(t, faultPlatform) }

func TestAccFaultMatrix_webcommanderRetriedCreateLost(t *testing.T) {
	acctest.RetriedCreateLost(t, faultPlatform)
}

// fmTokenLifetime is the access-token lifetime under stress: tokens expire
// many times during an apply.
const fmTokenLifetime = 2 * time.Second

var faultPlatform = acctest.FaultPlatform{
	Name: sbwebcommander.Name, Resource: "crm_webcommander_customer", CreatePath: "/api/v4/admin/customers",
	Block: func(tag string, n int) string {
		return fmt.Sprintf(`
resource "crm_webcommander_customer" "fm_%[1]s" {
  count      = %[2]d
  first_name = "FM %[1]s ${count.index}"
  email      = "fm-%[1]s-${count.index}@example.com"
}
`, tag, n)
	},
	Records: func(s *sandbox.Server) []acctest.FaultRecord {
		var out []acctest.FaultRecord
		for _, c := range sbwebcommander.StoreOf(s).Customers.List() {
			out = append(out, acctest.FaultRecord{ID: strconv.FormatInt(c.ID, 10), Email: c.Email,
				Attrs: map[string]string{"first_name": c.FirstName, "email": c.Email}})
		}
		return out
	},
	Stress: func(s *sandbox.Server) func() {
		store := sbwebcommander.StoreOf(s)
		lifetime := store.TokenLifetime()
		store.SetTokenLifetime(fmTokenLifetime)
		return func() { store.SetTokenLifetime(lifetime) }
	},
	Cost: func(s *sandbox.Server) func() string {
		store := sbwebcommander.StoreOf(s)
		cc0, rt0 := store.TokenCalls()
		return func() string {
			cc, rt := store.TokenCalls()
			return fmt.Sprintf("token grants: %d client_credentials, %d refresh_token", cc-cc0, rt-rt0)
		}
	},
}
