# Numbers as people write them, in E.164 as platforms store them.
output "london" {
  value = provider::crm::e164("020 7946 0958", "GB") # "+442079460958"
}

output "san_francisco" {
  # A number in international form keeps its country, whatever the region.
  value = provider::crm::e164("+1 (415) 555-2671", "GB") # "+14155552671"
}

# Customers from a spreadsheet: each number read in its customer's country.
locals {
  customers = {
    gaurav = { name = "Gaurav Kumar", phone = "098765 43210", country = "IN" }
    jane   = { name = "Jane Doe", phone = "0044 20 7946 0958 ext. 12", country = "GB" }
  }
}

resource "crm_razorpay_customer" "all" {
  for_each = local.customers

  name    = each.value.name
  email   = "${each.key}@example.com"
  contact = provider::crm::e164(each.value.phone, each.value.country) # "+919876543210", "+442079460958"
}

# A null number gives null, so an optional phone stays unset.
resource "crm_stripe_customer" "ada" {
  name  = "Ada Lovelace"
  email = "ada@example.com"
  phone = provider::crm::e164(var.ada_phone, "AU")
}

variable "ada_phone" {
  type    = string
  default = null
}

# Where a bad number should not stop the run, try() turns it into null.
output "maybe" {
  value = try(provider::crm::e164("n/a", "GB"), null)
}
