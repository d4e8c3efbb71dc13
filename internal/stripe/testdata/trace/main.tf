# The secrets trace test's Stripe part (internal/provider): every resource
# and data source of the platform, names carrying v{{.Version}}.
resource "crm_stripe_customer" "c" {
  name     = "Trace Stripe v{{.Version}}"
  email    = "trace-stripe@example.com"
  metadata = { tier = "gold" }
}

data "crm_stripe_customer" "c" {
  id = crm_stripe_customer.c.id
}

data "crm_stripe_customers" "c" {
  email = crm_stripe_customer.c.email
}

output "read_back_stripe" {
  value = [data.crm_stripe_customer.c.name, length(data.crm_stripe_customers.c.ids)]
}
