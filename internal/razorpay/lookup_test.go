package razorpay_test

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/customerops/terraform-provider-crm/internal/acctest"
	sbrazorpay "github.com/customerops/terraform-provider-crm/internal/sandbox/razorpay"
)

// TestAccRazorpayCustomerDataSource_byEmail looks a customer up by e-mail
// in any case; id and email together are refused at plan time.
func TestAccRazorpayCustomerDataSource_byEmail(t *testing.T) {
	s := newSandbox(t)
	seeded := sbrazorpay.StoreOf(s).Customers.Seed(sbxCustomer("Asha Verma", "+919812345678", "asha.verma@example.com"))
	const addr = "data.crm_razorpay_customer.one"
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config:      acctest.Config(s, `data "crm_razorpay_customer" "one" { email = "nobody@example.com" }`),
				ExpectError: acctest.ErrorText(`no Razorpay customer has email "nobody@example.com"`),
			},
			{
				Config: acctest.Config(s, `data "crm_razorpay_customer" "one" {
  id    = "`+seeded.ID+`"
  email = "asha.verma@example.com"
}`),
				ExpectError: acctest.ErrorText(`Exactly one of these attributes must be configured: [id,email]`),
			},
			{
				Config: acctest.Config(s, `data "crm_razorpay_customer" "one" { email = "Asha.Verma@example.com" }`),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(addr, tfjsonpath.New("id"), knownvalue.StringExact(seeded.ID)),
					statecheck.ExpectKnownValue(addr, tfjsonpath.New("contact"), knownvalue.StringExact("+919812345678")),
				},
			},
		},
	})
}
