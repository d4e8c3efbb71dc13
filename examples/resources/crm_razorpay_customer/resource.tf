# Razorpay cannot delete customers: destroying this resource only removes it
# from the state, with a warning naming the customer. Changing gstin or notes
# replaces the customer (with a new email or contact, as Razorpay requires)
# and leaves the old one in Razorpay; a change of the gstin's case, or of the
# blanks around a note, does not.
resource "crm_razorpay_customer" "gaurav" {
  name    = "Gaurav Kumar"
  contact = "+919876543210"
  email   = "gaurav.kumar@example.com"
  gstin   = "29XAbbA4369J1PA" # as Razorpay's documentation writes it: any case is accepted

  notes = {
    notes_key_1 = "Tea, Earl Grey, Hot"
    notes_key_2 = "Tea, Earl Grey, decaf"
  }
}

# Adopt the customer Razorpay may already have with this email and contact
# instead of failing; its name is edited to the one below.
resource "crm_razorpay_customer" "priya" {
  name           = "Priya Sharma"
  contact        = "+919000000001"
  email          = "priya.sharma@example.com"
  adopt_existing = true
}
