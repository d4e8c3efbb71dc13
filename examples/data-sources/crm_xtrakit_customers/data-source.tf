# Every customer of one group, with all their attributes.
data "crm_xtrakit_customers" "premium" {
  group_id = 1
}

output "premium_emails" {
  value = data.crm_xtrakit_customers.premium.customers[*].email
}

# To bring existing customers under Terraform, see the guide "Adopting
# existing customers": `terraform query -generate-config-out` (Terraform
# 1.14+) or `terraform-provider-crm generate` (OpenTofu, older Terraform)
# writes a resource and an import block for each.
