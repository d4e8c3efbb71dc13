# Import a Stripe customer by its id (cus_ followed by letters and digits).
terraform import crm_stripe_customer.jenny cus_NffrFeUfNV2Hib
