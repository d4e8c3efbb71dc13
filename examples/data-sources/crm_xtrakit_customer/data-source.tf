data "crm_xtrakit_customer" "jane" {
  id = "42"
}

output "jane_city" {
  value = data.crm_xtrakit_customer.jane.city
}
