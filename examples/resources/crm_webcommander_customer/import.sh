# Import a WebCommander customer by its id.
terraform import crm_webcommander_customer.ada 42
