# Customer groups are imported by their numeric Xtrakit id.
terraform import crm_xtrakit_customer_group.premium 1
