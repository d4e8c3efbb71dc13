data "crm_xtrakit_customer" "jane" {
  id = "42"
}

output "jane_city" {
  value = data.crm_xtrakit_customer.jane.city
}

# Or by e-mail address (case-insensitive); it must name exactly one customer.
data "crm_xtrakit_customer" "by_email" {
  email = "jane.doe@example.com"
}
