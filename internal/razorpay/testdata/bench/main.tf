# bench-note: Razorpay has no delete: destroy only forgets
# N Razorpay customers with the provider's default settings. Every 10th
# customer's name changes in place when var.gen changes. Razorpay cannot
# delete customers, so destroy only forgets them: var.tag keeps each run's
# e-mail + contact pairs distinct from the customers earlier runs left behind.
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

resource "crm_razorpay_customer" "c" {
  count = var.n

  name    = count.index % 10 == 0 ? "Bench Customer ${count.index} v${var.gen}" : "Bench Customer ${count.index}"
  contact = format("+91900%07d", count.index)
  email   = "${var.tag}-${count.index}@bench.example.com"
}
