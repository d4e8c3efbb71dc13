resource "crm_xtrakit_customer_group" "premium" {
  name        = "Premium Customers"
  description = "Customers who have spent over $1000 and have been with the business for over a year."
}
