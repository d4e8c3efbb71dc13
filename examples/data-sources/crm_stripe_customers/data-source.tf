# Every Stripe customer with one e-mail (Stripe matches it exactly, case
# included).
data "crm_stripe_customers" "jenny" {
  email = "jenny.rosen@example.com"
}

output "jenny_ids" {
  value = data.crm_stripe_customers.jenny.ids
}

# To bring existing customers under Terraform, see the guide "Adopting
# existing customers": `terraform query -generate-config-out` (Terraform
# 1.14+) or `terraform-provider-crm generate` (OpenTofu, older Terraform)
# writes a resource and an import block for each.
