import {
  to = crm_axim_customer.john
  id = "638df9e713920facde1a1cfa"
}
