import {
  to = crm_stripe_customer.jenny
  id = "cus_NffrFeUfNV2Hib"
}
