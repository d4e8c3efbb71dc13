# Every customer group (Terraform 1.14+: terraform query).
list "crm_xtrakit_customer_group" "all" {
  provider = crm
}
