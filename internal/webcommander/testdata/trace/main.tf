# The secrets trace test's WebCommander part (internal/provider): every
# resource and data source of the platform, names carrying v{{.Version}};
# the customer passwords come from the test's variables.
resource "crm_webcommander_customer" "c" {
  first_name = "Trace"
  last_name  = "WebCommander v{{.Version}}"
  email      = "trace-webcommander@example.com"
  password   = var.customer_password
}
{{if .WriteOnly}}
resource "crm_webcommander_customer" "wo" {
  first_name          = "Trace"
  last_name           = "Write-only v{{.Version}}"
  email               = "trace-write-only@example.com"
  password_wo         = var.customer_password_wo
  password_wo_version = {{.Version}}
}
{{end}}
data "crm_webcommander_customer" "c" {
  id = crm_webcommander_customer.c.id
}

data "crm_webcommander_customers" "c" {
  email = crm_webcommander_customer.c.email
}

output "read_back_webcommander" {
  value = [data.crm_webcommander_customer.c.last_name, length(data.crm_webcommander_customers.c.ids)]
}
