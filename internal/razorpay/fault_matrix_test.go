package razorpay_test

import (
	"fmt"
	"testing"

	"github.com/customerops/terraform-provider-crm/internal/acctest"
	"github.com/customerops/terraform-provider-crm/internal/sandbox"
	sbrazorpay "github.com/customerops/terraform-provider-crm/internal/sandbox/razorpay"
)

// The shared fault matrix (internal/acctest/faultmatrix.go) on Razorpay
// customers. It runs once, on Terraform 1.16.4 (scripts/acc.sh).
func TestAccFaultMatrix_razorpay(t *testing.T) { acctest.FaultMatrix(t, faultPlatform) }

func TestAccFaultMatrix_razorpayRetriedCreateLost(t *testing.T) {
	acctest.RetriedCreateLost(t, faultPlatform)
}

var faultPlatform = acctest.FaultPlatform{
	Name: sbrazorpay.Name, Resource: "crm_razorpay_customer", CreatePath: "/customers",
	// Razorpay has no delete: destroy forgets, the customers stay.
	KeepsForgotten: true,
	Block: func(tag string, n int) string {
		return fmt.Sprintf(`
resource "crm_razorpay_customer" "fm_%[1]s" {
  count   = %[2]d
  name    = "FM %[1]s ${count.index}"
  contact = "+919876543210"
  email   = "fm-%[1]s-${count.index}@example.com"
}
`, tag, n)
	},
	Records: func(s *sandbox.Server) []acctest.FaultRecord {
		var out []acctest.FaultRecord
		for _, c := range sbrazorpay.StoreOf(s).Customers.List() {
			out = append(out, acctest.FaultRecord{ID: c.ID, Email: c.Email,
				Attrs: map[string]string{"name": c.Name, "email": c.Email, "contact": c.Contact}})
		}
		return out
	},
}
