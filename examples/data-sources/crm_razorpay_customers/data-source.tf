# Every customer, paging through Razorpay's list 100 at a time.
data "crm_razorpay_customers" "all" {}

# Bring existing customers under Terraform (Terraform 1.7+): import each
# listed customer, then run `terraform plan -generate-config-out=customers.tf`.
import {
  for_each = toset(data.crm_razorpay_customers.all.ids)
  to       = crm_razorpay_customer.adopted[each.key]
  id       = each.key
}
