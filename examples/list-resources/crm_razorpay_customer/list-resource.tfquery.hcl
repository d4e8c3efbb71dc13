# In a .tfquery.hcl file (Terraform 1.14+): `terraform query
# -generate-config-out=generated.tf` writes a resource and an import block
# per customer; `terraform apply` adopts them. On OpenTofu and older Terraform:
# `terraform-provider-crm generate razorpay created_after=2024-01-01T00:00:00Z -o generated.tf`.
list "crm_razorpay_customer" "since_2024" {
  provider         = crm
  include_resource = true
  limit            = 1000 # Terraform's default is 100

  config {
    # Razorpay lists newest first: the listing stops at the first older customer.
    created_after = "2024-01-01T00:00:00Z"
  }
}
