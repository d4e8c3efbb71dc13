# bench-note: requests include the OAuth token requests
# N WebCommander customers with the provider's default settings (OAuth 2.0
# from the environment). Every 10th customer's city changes in place when
# var.gen changes.
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

resource "crm_webcommander_customer" "c" {
  count = var.n

  first_name = "Bench"
  last_name  = "Customer ${count.index}"
  email      = "${var.tag}-${count.index}@bench.example.com"
  city       = count.index % 10 == 0 ? "Sydney ${var.gen}" : "Sydney"
  country    = "AU"
}
