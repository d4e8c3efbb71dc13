package xtrakit_test

import (
	"fmt"
	"strconv"
	"testing"

	"github.com/customerops/terraform-provider-crm/internal/acctest"
	"github.com/customerops/terraform-provider-crm/internal/sandbox"
	sbxtrakit "github.com/customerops/terraform-provider-crm/internal/sandbox/xtrakit"
)

// The shared fault matrix (internal/acctest/faultmatrix.go) on Xtrakit
// customers. It runs once, on Terraform 1.16.4 (scripts/acc.sh).
func TestAccFaultMatrix_xtrakit(t *testing.T) { acctest.FaultMatrix(t, faultPlatform) }

func TestAccFaultMatrix_xtrakitRetriedCreateLost(t *testing.T) {
	acctest.RetriedCreateLost(t, faultPlatform)
}

var faultPlatform = acctest.FaultPlatform{
	Name: sbxtrakit.Name, Resource: "crm_xtrakit_customer", CreatePath: "/customers/add",
	Block: func(tag string, n int) string {
		return fmt.Sprintf(`
resource "crm_xtrakit_customer" "fm_%[1]s" {
  count      = %[2]d
  name       = "FM %[1]s ${count.index}"
  email      = "fm-%[1]s-${count.index}@example.com"
  phone      = "+233201234567"
  country    = "Ghana"
  state      = "Ashanti"
  city       = "Kumasi"
  address1   = "12 Harper Road"
  created_by = "platform-team"
}
`, tag, n)
	},
	Records: func(s *sandbox.Server) []acctest.FaultRecord {
		var out []acctest.FaultRecord
		for _, c := range sbxtrakit.StoreOf(s).Customers.List() {
			email := ""
			if c.CustomerEmail != nil {
				email = *c.CustomerEmail
			}
			out = append(out, acctest.FaultRecord{ID: strconv.FormatInt(c.ID, 10), Email: email,
				Attrs: map[string]string{"name": c.CustomerName, "email": email}})
		}
		return out
	},
}
