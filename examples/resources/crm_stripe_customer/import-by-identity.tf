# Terraform and OpenTofu 1.12 and later: import by resource identity.
import {
  to = crm_stripe_customer.jenny
  identity = {
    id = "cus_NffrFeUfNV2Hib"
  }
}
