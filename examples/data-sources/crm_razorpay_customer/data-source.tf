data "crm_razorpay_customer" "gaurav" {
  id = "cust_1Aa00000000004"
}

output "gaurav_contact" {
  value = data.crm_razorpay_customer.gaurav.contact
}
