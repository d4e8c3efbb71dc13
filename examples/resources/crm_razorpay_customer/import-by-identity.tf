# Terraform and OpenTofu 1.12 and later: import by resource identity.
import {
  to = crm_razorpay_customer.gaurav
  identity = {
    id = "cust_1Aa00000000004"
  }
}
