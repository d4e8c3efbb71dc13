data "crm_webcommander_customer" "ada" {
  email = "ada@example.com" # or id = "42"
}

output "ada_store_credit" {
  value = data.crm_webcommander_customer.ada.store_credit
}
