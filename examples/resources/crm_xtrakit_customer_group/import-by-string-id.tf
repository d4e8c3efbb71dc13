import {
  to = crm_xtrakit_customer_group.premium
  id = "1"
}
