data "crm_xtrakit_customer_group" "premium" {
  id = "1"
}

output "premium_group_name" {
  value = data.crm_xtrakit_customer_group.premium.name
}
