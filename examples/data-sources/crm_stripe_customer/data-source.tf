data "crm_stripe_customer" "jenny" {
  email = "jenny.rosen@example.com" # matched exactly, case included; or id = "cus_NffrFeUfNV2Hib"
}

output "jenny_tier" {
  value = data.crm_stripe_customer.jenny.metadata["tier"]
}
