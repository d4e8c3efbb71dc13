# N AximCommerce customers with the provider's default settings. Every 10th
# customer's last name changes in place when var.gen changes.
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

resource "crm_axim_customer" "c" {
  count = var.n

  first_name = "Bench"
  last_name  = count.index % 10 == 0 ? "Customer ${count.index} v${var.gen}" : "Customer ${count.index}"
  email      = "${var.tag}-${count.index}@bench.example.com"
}
