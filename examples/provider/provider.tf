terraform {
  required_providers {
    crm = {
      source = "customerops/crm"
    }
  }
}

# Every setting can come from the environment instead:
# XTRAKIT_API_KEY, XTRAKIT_BASE_URL, RAZORPAY_KEY_ID, RAZORPAY_KEY_SECRET, RAZORPAY_BASE_URL,
# AXIM_BASE_URL, AXIM_ACCESS_TOKEN, WEBCOMMANDER_STORE_URL, WEBCOMMANDER_CLIENT_ID,
# WEBCOMMANDER_CLIENT_SECRET, WEBCOMMANDER_USERNAME, WEBCOMMANDER_PASSWORD, WEBCOMMANDER_REDIRECT_URI,
# STRIPE_API_KEY, STRIPE_BASE_URL, STRIPE_ACCOUNT.
provider "crm" {
  max_retries     = 4
  request_timeout = "30s"

  xtrakit {
    api_key             = var.xtrakit_api_key
    requests_per_second = 50 # optional hard cap; by default the provider adapts to the API's 429s
  }

  razorpay {
    key_id     = var.razorpay_key_id
    key_secret = var.razorpay_key_secret
  }

  # Axim is per store: base_url has no default.
  axim {
    base_url     = "https://shop.example.com/api"
    access_token = var.axim_access_token
  }

  # WebCommander: OAuth 2.0; one token per provider instance, renewed as it expires.
  webcommander {
    store_url     = "https://store.example.com"
    client_id     = var.webcommander_client_id
    client_secret = var.webcommander_client_secret
    username      = "admin@example.com"
    password      = var.webcommander_password
    redirect_uri  = "https://store.example.com/callback"
  }

  # Stripe: every request pins Stripe-Version 2025-08-27.basil.
  stripe {
    api_key        = var.stripe_api_key
    stripe_account = "acct_1032D82eZvKYlo2C" # optional (Connect): sent as Stripe-Account
  }
}

variable "xtrakit_api_key" {
  type      = string
  sensitive = true
}

variable "razorpay_key_id" {
  type = string
}

variable "razorpay_key_secret" {
  type      = string
  sensitive = true
}

variable "axim_access_token" {
  type      = string
  sensitive = true
}

variable "webcommander_client_id" {
  type = string
}

variable "webcommander_client_secret" {
  type      = string
  sensitive = true
}

variable "webcommander_password" {
  type      = string
  sensitive = true
}

variable "stripe_api_key" {
  type      = string
  sensitive = true
}
