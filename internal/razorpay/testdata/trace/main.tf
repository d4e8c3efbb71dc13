# The secrets trace test's Razorpay part (internal/provider): every resource
# and data source of the platform, names carrying v{{.Version}}.
resource "crm_razorpay_customer" "c" {
  name    = "Trace Razorpay v{{.Version}}"
  contact = "+919876543210"
  email   = "trace-razorpay@example.com"
}

data "crm_razorpay_customer" "c" {
  id = crm_razorpay_customer.c.id
}

data "crm_razorpay_customers" "all" {
  depends_on = [crm_razorpay_customer.c]
}

output "read_back_razorpay" {
  value = [data.crm_razorpay_customer.c.name, length(data.crm_razorpay_customers.all.ids)]
}
