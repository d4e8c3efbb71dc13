# Every customer, paging through Razorpay's list 100 at a time.
data "crm_razorpay_customers" "all" {}

output "razorpay_customer_ids" {
  value = data.crm_razorpay_customers.all.ids
}

# To bring existing customers under Terraform, see the guide "Adopting
# existing customers".
