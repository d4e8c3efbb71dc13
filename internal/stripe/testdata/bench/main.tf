# N Stripe customers with the provider's default settings. Every 10th
# customer's name changes in place when var.gen changes.
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

resource "crm_stripe_customer" "c" {
  count = var.n

  name  = count.index % 10 == 0 ? "Bench Customer ${count.index} v${var.gen}" : "Bench Customer ${count.index}"
  email = "${var.tag}-${count.index}@bench.example.com"
}
