# Bring every pending Axim customer under Terraform (Terraform 1.7+):
data "crm_axim_customers" "pending" {
  status = "pending"
}

import {
  for_each = toset(data.crm_axim_customers.pending.ids)
  to       = crm_axim_customer.adopted[each.value]
  id       = each.value
}
