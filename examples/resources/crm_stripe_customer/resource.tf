resource "crm_stripe_customer" "jenny" {
  name        = "Jenny Rosen"
  email       = "jenny.rosen@example.com"
  phone       = "+14155550123"
  description = "Our first customer"

  address = {
    line1       = "510 Townsend St"
    city        = "San Francisco"
    state       = "CA"
    postal_code = "94103"
    country     = "US"
  }

  shipping = {
    name = "Jenny Rosen"
    address = {
      line1       = "1 Market St"
      city        = "San Francisco"
      postal_code = "94105"
      country     = "US"
    }
  }

  metadata = {
    order_id = "6735"
    tier     = "gold"
  }

  preferred_locales = ["en", "fr-CA"]
  tax_exempt        = "none" # the default; or "exempt", "reverse"
  invoice_prefix    = "JENNY01"
}
