# Terraform and OpenTofu 1.12 and later: import by resource identity.
import {
  to = crm_xtrakit_customer_group.premium
  identity = {
    id = "7"
  }
}
