import {
  to = crm_razorpay_customer.gaurav
  id = "cust_1Aa00000000004"
}
