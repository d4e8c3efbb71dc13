# Terraform and OpenTofu 1.12 and later: import by resource identity.
import {
  to = crm_webcommander_customer.ada
  identity = {
    id = "42"
  }
}
