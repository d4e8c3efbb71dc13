// Package emulators is the list of platforms the sandbox serves. Adding a
// platform is its own package under internal/sandbox plus one line in All;
// the standalone command, its banner, the acceptance tests' provider block
// and `make demo` follow from the list.
package emulators

import (
	"github.com/customerops/terraform-provider-crm/internal/sandbox"
	"github.com/customerops/terraform-provider-crm/internal/sandbox/axim"
	"github.com/customerops/terraform-provider-crm/internal/sandbox/razorpay"
	"github.com/customerops/terraform-provider-crm/internal/sandbox/stripe"
	"github.com/customerops/terraform-provider-crm/internal/sandbox/webcommander"
	"github.com/customerops/terraform-provider-crm/internal/sandbox/xtrakit"
)

// All are the platform emulators, in the order the banner lists them.
var All = []sandbox.Emulator{
	xtrakit.Emulator,
	razorpay.Emulator,
	axim.Emulator,
	webcommander.Emulator,
	stripe.Emulator,
}

// New returns a sandbox serving every platform, with empty stores.
func New() *sandbox.Server { return sandbox.New(All...) }
