# The floor: the same shape as the crm configurations, over N terraform_data
# resources (Terraform's builtin provider: no provider process, no API).
# Every 10th resource changes in place when var.gen changes.
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

resource "terraform_data" "c" {
  count = var.n

  input = {
    name  = "Bench Customer ${count.index}"
    email = "${var.tag}-${count.index}@bench.example.com"
    city  = count.index % 10 == 0 ? "Accra ${var.gen}" : "Accra"
  }
}
