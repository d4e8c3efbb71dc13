# Terraform and OpenTofu 1.12 and later: import by resource identity.
import {
  to = crm_axim_customer.john
  identity = {
    id = "638df9e713920facde1a1cfa"
  }
}
