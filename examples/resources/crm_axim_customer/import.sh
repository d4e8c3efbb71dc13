# Import an Axim customer by its id (24 hexadecimal characters).
terraform import crm_axim_customer.john 638df9e713920facde1a1cfa
