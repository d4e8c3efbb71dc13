data "crm_razorpay_customer" "gaurav" {
  id = "cust_1Aa00000000004"
}

output "gaurav_contact" {
  value = data.crm_razorpay_customer.gaurav.contact
}

# Or by e-mail address (case-insensitive); it must name exactly one customer.
data "crm_razorpay_customer" "by_email" {
  email = "gaurav.kumar@example.com"
}
