# What `make demo` applies against the local sandbox. The provider reads its
# credentials and base URLs from the environment the demo exports
# (XTRAKIT_API_KEY, XTRAKIT_BASE_URL, ...).
terraform {
  required_providers {
    crm = {
      source = "customerops/crm"
    }
  }
}

provider "crm" {}

resource "crm_xtrakit_customer_group" "premium" {
  name        = "Premium Customers"
  description = "Spent over $1000 and with us for over a year."
}

resource "crm_xtrakit_customer" "jane" {
  group_id   = crm_xtrakit_customer_group.premium.id
  name       = "Jane Doe"
  email      = "jane.doe@example.com"
  phone      = "+233244567890"
  country    = "Ghana"
  state      = "Greater Accra"
  city       = "Accra"
  zip        = "00233"
  address1   = "123 Main Street"
  created_by = "platform-team"
}

# Razorpay cannot delete customers: the demo's destroy only forgets this one,
# with a warning naming it. Its phone is written as in India and stored in
# E.164 form, "+919876543210", by the provider's e164 function.
resource "crm_razorpay_customer" "gaurav" {
  name    = "Gaurav Kumar"
  contact = provider::crm::e164("98765 43210", "IN")
  email   = "gaurav.kumar@example.com"
  notes   = { tier = "gold" }
}

# An AximCommerce customer with an address and typed meta fields.
resource "crm_axim_customer" "john" {
  first_name = "John"
  last_name  = "Doe"
  email      = "john@aximcommerce.com"

  addresses = [
    {
      address1   = "12/4, test st"
      city       = "Elizabeth"
      state      = "NJ"
      country    = "US"
      zipcode    = "07202"
      is_default = true
    },
  ]

  meta_fields = {
    p21_contact_id = 12548
    tier           = "gold"
  }
}

# A WebCommander customer (OAuth 2.0): amounts are numbers, "150.00" == 150.
resource "crm_webcommander_customer" "ada" {
  first_name   = "Ada"
  last_name    = "Lovelace"
  email        = "ada@example.com"
  city         = "Sydney"
  state        = "NSW"
  country      = "AU"
  store_credit = "150.00"
}

# A Stripe customer: created with an idempotency key, so a lost answer is
# replayed by Stripe, never duplicated.
resource "crm_stripe_customer" "jenny" {
  name  = "Jenny Rosen"
  email = "jenny.rosen@example.com"
  address = {
    line1       = "510 Townsend St"
    city        = "San Francisco"
    postal_code = "94103"
    country     = "US"
  }
  metadata = { tier = "gold" }
}

output "group_id" {
  value = crm_xtrakit_customer_group.premium.id
}

output "customer_id" {
  value = crm_xtrakit_customer.jane.id
}
