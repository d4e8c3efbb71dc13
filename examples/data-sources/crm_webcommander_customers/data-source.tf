# Bring every WebCommander customer under Terraform (Terraform 1.7+):
data "crm_webcommander_customers" "all" {}

import {
  for_each = toset(data.crm_webcommander_customers.all.ids)
  to       = crm_webcommander_customer.adopted[each.value]
  id       = each.value
}
