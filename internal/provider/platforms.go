package provider

import (
	"github.com/customerops/terraform-provider-crm/internal/axim"
	"github.com/customerops/terraform-provider-crm/internal/platform"
	"github.com/customerops/terraform-provider-crm/internal/razorpay"
	"github.com/customerops/terraform-provider-crm/internal/stripe"
	"github.com/customerops/terraform-provider-crm/internal/webcommander"
	"github.com/customerops/terraform-provider-crm/internal/xtrakit"
)

// Platforms are the platforms the provider serves, one line each: their
// blocks, clients, resources and data sources come from these values.
var Platforms = []platform.Platform{
	xtrakit.Platform,
	razorpay.Platform,
	axim.Platform,
	webcommander.Platform,
	stripe.Platform,
}
