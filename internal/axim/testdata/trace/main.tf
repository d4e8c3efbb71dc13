# The secrets trace test's Axim part (internal/provider): every resource
# and data source of the platform, names carrying v{{.Version}}.
resource "crm_axim_customer" "c" {
  first_name = "Trace"
  last_name  = "Axim v{{.Version}}"
  email      = "trace-axim@example.com"
}

data "crm_axim_customer" "c" {
  email = crm_axim_customer.c.email
}

data "crm_axim_customers" "c" {
  email = crm_axim_customer.c.email
}

output "read_back_axim" {
  value = [data.crm_axim_customer.c.last_name, length(data.crm_axim_customers.c.ids)]
}
