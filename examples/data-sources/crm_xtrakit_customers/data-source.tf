# Every customer of one group.
data "crm_xtrakit_customers" "premium" {
  group_id = 1
}

# Bring existing customers under Terraform (Terraform 1.7+): import each
# listed customer, then run `terraform plan -generate-config-out=customers.tf`.
import {
  for_each = toset(data.crm_xtrakit_customers.premium.ids)
  to       = crm_xtrakit_customer.adopted[each.key]
  id       = each.key
}
