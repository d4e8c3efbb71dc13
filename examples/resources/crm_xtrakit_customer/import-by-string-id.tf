import {
  to = crm_xtrakit_customer.jane
  id = "42"
}
