resource "crm_axim_customer" "john" {
  first_name   = "John"
  last_name    = "Doe"
  email        = "john@aximcommerce.com"
  status       = "active" # the default; also "pending" or "inactive"
  phone_number = "65161861"
  notes        = "Prefers e-mail contact."

  addresses = [
    {
      first_name = "John"
      last_name  = "Doe"
      address1   = "12/4, test st"
      city       = "Elizabeth"
      state      = "NJ"
      country    = "US"
      zipcode    = "07202"
      is_default = true
    },
  ]

  # Each value keeps its type: loyalty_id is stored as the number 12548.
  meta_fields = {
    p21_contact_id = 12548
    tier           = "gold"
    newsletter_opt = true
  }
}
