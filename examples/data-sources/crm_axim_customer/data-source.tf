data "crm_axim_customer" "john" {
  email = "john@aximcommerce.com" # or id = "638df9e713920facde1a1cfa"
}

output "john_default_city" {
  value = one([for a in data.crm_axim_customer.john.addresses : a.city if a.is_default])
}
