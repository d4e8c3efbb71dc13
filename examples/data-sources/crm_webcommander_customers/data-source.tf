# Every WebCommander customer, paging through the list 20 at a time.
data "crm_webcommander_customers" "all" {}

output "webcommander_emails" {
  value = data.crm_webcommander_customers.all.customers[*].email
}

# To bring existing customers under Terraform, see the guide "Adopting
# existing customers".
