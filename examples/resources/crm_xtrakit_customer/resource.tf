resource "crm_xtrakit_customer_group" "premium" {
  name = "Premium Customers"
}

# A customer with every field set.
resource "crm_xtrakit_customer" "jane" {
  group_id   = crm_xtrakit_customer_group.premium.id
  name       = "Jane Doe"
  email      = "jane.doe@example.com"
  phone      = "+233244567890"
  whatsapp   = "+233244567890"
  country    = "Ghana"
  state      = "Greater Accra"
  city       = "Accra"
  zip        = "00233"
  address1   = "123 Main Street"
  address2   = "Apt 4B, Downtown Complex"
  profile    = "https://example.com/profiles/customer123.jpg"
  created_by = "platform-team"
}

# Only the required fields.
resource "crm_xtrakit_customer" "kwame" {
  name       = "Kwame Mensah"
  phone      = "+233201234567"
  country    = "Ghana"
  state      = "Ashanti"
  city       = "Kumasi"
  address1   = "12 Harper Road"
  created_by = "platform-team"
}
