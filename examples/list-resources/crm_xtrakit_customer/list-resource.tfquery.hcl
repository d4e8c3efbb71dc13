# In a .tfquery.hcl file (Terraform 1.14+). `terraform query` lists the
# customers; `terraform query -generate-config-out=generated.tf` writes a
# resource and an import block for each, which `terraform apply` adopts.
# On OpenTofu and older Terraform: `terraform-provider-crm generate
# xtrakit_customer group_id=3 > generated.tf`.
list "crm_xtrakit_customer" "premium" {
  provider         = crm
  include_resource = true
  limit            = 1000 # Terraform's default is 100

  config {
    group_id = 3
  }
}
