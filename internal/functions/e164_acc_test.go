package functions_test

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"

	"github.com/customerops/terraform-provider-crm/internal/acctest"
)

// Provider-defined functions exist on every CLI of the matrix (Terraform
// 1.8+, OpenTofu 1.7+): no gate. The function needs no provider block and
// no platform, so no sandbox either.

func TestAccE164_outputs(t *testing.T) {
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{{
			Config: `
locals {
  # Customer data as it comes.
  customers = {
    london  = { phone = " 020 7946 0958 ", country = "GB" }
    sf      = { phone = "+1 (415) 555-2671", country = "US" }
    mumbai  = { phone = "98765 43210", country = "in" }
    abroad  = { phone = "0044 20 7946 0958 ext. 12", country = "DE" }
    visitor = { phone = "+233 24 456 7890", country = "US" }
    nobody  = { phone = null, country = "GB" }
    unknown = { phone = "+44 7700 900123", country = null }
  }
}

output "gb" {
  value = provider::crm::e164("020 7946 0958", "GB")
}

output "us" {
  value = provider::crm::e164("+1 (415) 555-2671", "US")
}

output "international_without_region" {
  value = provider::crm::e164("+91 98765 43210", null)
}

output "heredoc" {
  value = provider::crm::e164(<<-EOT
    +44 (0)20 7946 0958
  EOT
  , "")
}

output "null_number_is_null" {
  value = provider::crm::e164(null, "GB") == null
}

output "refused_number_in_try" {
  value = try(provider::crm::e164("n/a", "GB"), "none")
}

output "customers" {
  value = { for k, c in local.customers : k => provider::crm::e164(c.phone, c.country) }
}
`,
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownOutputValue("gb", knownvalue.StringExact("+442079460958")),
				statecheck.ExpectKnownOutputValue("us", knownvalue.StringExact("+14155552671")),
				statecheck.ExpectKnownOutputValue("international_without_region", knownvalue.StringExact("+919876543210")),
				statecheck.ExpectKnownOutputValue("heredoc", knownvalue.StringExact("+442079460958")),
				statecheck.ExpectKnownOutputValue("null_number_is_null", knownvalue.Bool(true)),
				statecheck.ExpectKnownOutputValue("refused_number_in_try", knownvalue.StringExact("none")),
				statecheck.ExpectKnownOutputValue("customers", knownvalue.MapExact(map[string]knownvalue.Check{
					"london":  knownvalue.StringExact("+442079460958"),
					"sf":      knownvalue.StringExact("+14155552671"),
					"mumbai":  knownvalue.StringExact("+919876543210"),
					"abroad":  knownvalue.StringExact("+442079460958"),
					"visitor": knownvalue.StringExact("+233244567890"),
					"nobody":  knownvalue.Null(),
					"unknown": knownvalue.StringExact("+447700900123"),
				})),
			},
		}},
	})
}

// An argument known only at apply: the CLI calls the function then.
func TestAccE164_unknownUntilApply(t *testing.T) {
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{{
			Config: `
resource "terraform_data" "phone" {
  input = "098765 43210"
}

output "phone" {
  value = provider::crm::e164(terraform_data.phone.output, "IN")
}
`,
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownOutputValue("phone", knownvalue.StringExact("+919876543210")),
			},
		}},
	})
}

func TestAccE164_refused(t *testing.T) {
	output := func(call string) string { return "output \"phone\" {\n  value = " + call + "\n}\n" }
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config:      output(`provider::crm::e164("n/a", "GB")`),
				ExpectError: acctest.ErrorText(`Invalid value for "number" parameter: number "n/a" is not a phone number`),
			},
			{
				Config:      output(`provider::crm::e164("555-2671", "US")`),
				ExpectError: acctest.ErrorText(`Invalid value for "number" parameter: number "555-2671" is a local number without its area code`),
			},
			{
				Config:      output(`provider::crm::e164("12", "GB")`),
				ExpectError: acctest.ErrorText(`number "12" has 2 digits, too few for a +44 (GB) number`),
			},
			{
				Config:      output(`provider::crm::e164("", "GB")`),
				ExpectError: acctest.ErrorText(`Invalid value for "number" parameter: number is empty: pass null for no number`),
			},
			{
				Config:      output(`provider::crm::e164("020 7946 0958", null)`),
				ExpectError: acctest.ErrorText(`Invalid value for "number" parameter: number "020 7946 0958" has no valid country calling code (such as +44) and default_region is null or empty`),
			},
			{
				Config:      output(`provider::crm::e164("+44 20 7946 0958", "UK")`),
				ExpectError: acctest.ErrorText(`Invalid value for "default_region" parameter: default_region "UK" is not a region code`),
			},
		},
	})
}
