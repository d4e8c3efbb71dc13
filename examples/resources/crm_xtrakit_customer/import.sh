# Customers are imported by their numeric Xtrakit id.
terraform import crm_xtrakit_customer.jane 42
