import {
  to = crm_webcommander_customer.ada
  id = "42"
}
