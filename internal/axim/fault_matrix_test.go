package axim_test

import (
	"fmt"
	"testing"

	"github.com/customerops/terraform-provider-crm/internal/acctest"
	"github.com/customerops/terraform-provider-crm/internal/sandbox"
	sbaxim "github.com/customerops/terraform-provider-crm/internal/sandbox/axim"
)

// The shared fault matrix (internal/acctest/faultmatrix.go) on Axim
// customers. It runs once, on Terraform 1.16.4 (scripts/acc.sh).
func TestAccFaultMatrix_axim(t *testing.T) { acctest.FaultMatrix(t, faultPlatform) }

func TestAccFaultMatrix_aximRetriedCreateLost(t *testing.T) {
	acctest.RetriedCreateLost(t, faultPlatform)
}

var faultPlatform = acctest.FaultPlatform{
	Name: sbaxim.Name, Resource: "crm_axim_customer", CreatePath: "/customers",
	Block: func(tag string, n int) string {
		return fmt.Sprintf(`
resource "crm_axim_customer" "fm_%[1]s" {
  count      = %[2]d
  first_name = "FM"
  last_name  = "%[1]s ${count.index}"
  email      = "fm-%[1]s-${count.index}@example.com"
}
`, tag, n)
	},
	Records: func(s *sandbox.Server) []acctest.FaultRecord {
		var out []acctest.FaultRecord
		for _, c := range sbaxim.StoreOf(s).Customers.List() {
			out = append(out, acctest.FaultRecord{ID: c.ID, Email: c.Email,
				Attrs: map[string]string{"first_name": c.FirstName, "last_name": c.LastName, "email": c.Email}})
		}
		return out
	},
}
