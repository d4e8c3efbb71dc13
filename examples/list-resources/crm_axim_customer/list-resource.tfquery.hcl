# In a .tfquery.hcl file (Terraform 1.14+): `terraform query
# -generate-config-out=generated.tf` writes a resource and an import block
# per customer; `terraform apply` adopts them. On OpenTofu and older
# Terraform: `terraform-provider-crm generate axim status=active -o generated.tf`.
list "crm_axim_customer" "active" {
  provider         = crm
  include_resource = true
  limit            = 1000 # Terraform's default is 100

  config {
    status = "active" # filtered by AximCommerce, as are email and company_id
  }
}
