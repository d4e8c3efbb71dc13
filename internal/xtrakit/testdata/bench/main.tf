# N Xtrakit customers with the provider's default settings (credentials and
# base URL from the environment). Every 10th customer's city changes in place
# when var.gen changes; var.tag keeps e-mails distinct across runs.
terraform {
  required_providers {
    crm = {
      source = "customerops/crm"
    }
  }
}

provider "crm" {}

variable "n" {
  type = number
}

variable "gen" {
  type    = string
  default = "1"
}

variable "tag" {
  type    = string
  default = "bench"
}

resource "crm_xtrakit_customer" "c" {
  count = var.n

  name       = "Bench Customer ${count.index}"
  email      = "${var.tag}-${count.index}@bench.example.com"
  phone      = format("+23320%07d", count.index)
  country    = "Ghana"
  state      = "Greater Accra"
  city       = count.index % 10 == 0 ? "Accra ${var.gen}" : "Accra"
  address1   = "${count.index} Main Street"
  created_by = "bench"
}
