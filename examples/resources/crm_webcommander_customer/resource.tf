resource "crm_webcommander_customer" "ada" {
  first_name   = "Ada"
  last_name    = "Lovelace"
  email        = "ada@example.com"
  gender       = "female"
  company_name = "Analytical Engines"
  address_line = "1 Engine St"
  city         = "Sydney"
  state        = "NSW"
  country      = "AU"
  post_code    = "2000"
  mobile       = "0400000000"
  status       = "active"

  # Amounts: "150.00" and 150 are the same value.
  store_credit       = "150.00"
  credit_limit       = "500.00"
  allow_credit_limit = true

  # Not returned by WebCommander: changes made outside Terraform cannot be seen.
  newsletter_subscribed = true

  # Write-only (Terraform and OpenTofu 1.11+): never stored in the plan or the
  # state; bump the version to send a new password.
  password_wo         = var.customer_password
  password_wo_version = 1
}

variable "customer_password" {
  type      = string
  sensitive = true
  ephemeral = true
}
