# Bring every Stripe customer with one e-mail under Terraform (Terraform 1.7+):
data "crm_stripe_customers" "jenny" {
  email = "jenny.rosen@example.com"
}

import {
  for_each = toset(data.crm_stripe_customers.jenny.ids)
  to       = crm_stripe_customer.adopted[each.value]
  id       = each.value
}
