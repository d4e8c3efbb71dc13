# Customers are imported by their Razorpay id.
terraform import crm_razorpay_customer.gaurav cust_1Aa00000000004
