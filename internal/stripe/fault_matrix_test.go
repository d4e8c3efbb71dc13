package stripe_test

import (
	"fmt"
	"testing"

	"github.com/customerops/terraform-provider-crm/internal/acctest"
	"github.com/customerops/terraform-provider-crm/internal/sandbox"
	sbstripe "github.com/customerops/terraform-provider-crm/internal/sandbox/stripe"
)

// The shared fault matrix (internal/acctest/faultmatrix.go) on Stripe
// customers. It runs once, on Terraform 1.16.4 (scripts/acc.sh).
func TestAccFaultMatrix_stripe(t *testing.T) { acctest.FaultMatrix(t, faultPlatform) }

func TestAccFaultMatrix_stripeRetriedCreateLost(t *testing.T) {
	acctest.RetriedCreateLost(t, faultPlatform)
}

var faultPlatform = acctest.FaultPlatform{
	Name: sbstripe.Name, Resource: "crm_stripe_customer", CreatePath: "/v1/customers",
	Block: func(tag string, n int) string {
		return fmt.Sprintf(`
resource "crm_stripe_customer" "fm_%[1]s" {
  count = %[2]d
  name  = "FM %[1]s ${count.index}"
  email = "fm-%[1]s-${count.index}@example.com"
}
`, tag, n)
	},
	Records: func(s *sandbox.Server) []acctest.FaultRecord {
		var out []acctest.FaultRecord
		for _, c := range sbstripe.StoreOf(s).Customers.List() {
			var email, name string
			if c.Email != nil {
				email = *c.Email
			}
			if c.Name != nil {
				name = *c.Name
			}
			out = append(out, acctest.FaultRecord{ID: c.ID, Email: email, Attrs: map[string]string{"name": name, "email": email}})
		}
		return out
	},
}
