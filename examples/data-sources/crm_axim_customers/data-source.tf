# Every pending AximCommerce customer.
data "crm_axim_customers" "pending" {
  status = "pending"
}

output "pending_emails" {
  value = data.crm_axim_customers.pending.customers[*].email
}

# To bring existing customers under Terraform, see the guide "Adopting
# existing customers".
