# The secrets trace test's Xtrakit part (internal/provider): every resource
# and data source of the platform, names carrying v{{.Version}}.
resource "crm_xtrakit_customer_group" "g" {
  name = "Trace group v{{.Version}}"
}

resource "crm_xtrakit_customer" "c" {
  group_id   = crm_xtrakit_customer_group.g.id
  name       = "Trace Xtrakit v{{.Version}}"
  email      = "trace-xtrakit@example.com"
  phone      = "+233201234567"
  country    = "Ghana"
  state      = "Ashanti"
  city       = "Kumasi"
  address1   = "12 Harper Road"
  created_by = "trace-test"
}

data "crm_xtrakit_customer_group" "g" {
  id = crm_xtrakit_customer_group.g.id
}

data "crm_xtrakit_customer" "c" {
  email = crm_xtrakit_customer.c.email
}

data "crm_xtrakit_customers" "g" {
  group_id   = crm_xtrakit_customer_group.g.id
  depends_on = [crm_xtrakit_customer.c]
}

output "read_back_xtrakit" {
  value = [data.crm_xtrakit_customer_group.g.name, data.crm_xtrakit_customer.c.name, length(data.crm_xtrakit_customers.g.ids)]
}
