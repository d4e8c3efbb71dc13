// Command terraform-provider-crmfloor is make bench's second floor: the crm
// provider's resource schemas with no API behind them. Its resources are the
// crm provider's own (their Metadata, Schema and IdentitySchema are called
// on the real resources, so the floor cannot drift from them), served as
// registry.terraform.io/customerops/crmfloor under the type names
// crmfloor_<platform>_customer; Create fills the computed values (an id
// counter, fixed strings for the rest), Read returns the state, Update the
// plan, and Delete does nothing.
//
// The gap between the crm provider and this floor is therefore the
// provider's own cost: HTTP, the client, the model mapping. What the two
// share (Terraform, the plugin protocol, the framework, our attributes'
// validators and plan modifiers) is on both sides. The floor also runs with
// the crm provider's process settings (SDK logs off unless asked for,
// GOGC=400) and releases each RPC's context as the crm provider does, so
// that it is not slower than a well-tuned framework provider.
//
// scripts/bench.sh builds it with go build and serves it through the same
// dev_overrides CLI config as the crm provider (bench/README.md).
package main

import (
	"flag"
	"log"
	"os"
	"runtime/debug"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6/tf6server"

	crm "github.com/customerops/terraform-provider-crm/internal/provider"
)

// Address is the floor's source address in the bench's CLI config.
const Address = "registry.terraform.io/customerops/crmfloor"

func main() {
	var debugMode bool
	flag.BoolVar(&debugMode, "debug", false, "run with support for debuggers like delve")
	flag.Parse()

	quietUnlessLogging()
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(400) // as the crm provider (main.go, collectLessOften)
	}
	var opts []tf6server.ServeOpt
	if debugMode {
		opts = append(opts, tf6server.WithManagedDebug())
	}
	if err := tf6server.Serve(Address, newServer, opts...); err != nil {
		log.Fatal(err.Error())
	}
}

// newServer is the framework's server for the floor provider, each
// per-resource RPC given a context released when it returns.
func newServer() tfprotov6.ProviderServer {
	return crm.Releasing(providerserver.NewProtocol6(newProvider())())
}

// quietUnlessLogging turns the plugin libraries' logs off unless the user
// asked for logs, as the crm provider does (main.go): unconfigured, they
// emit every RPC's trace lines for Terraform to parse and discard.
func quietUnlessLogging() {
	for _, kv := range os.Environ() {
		name, value, _ := strings.Cut(kv, "=")
		if strings.HasPrefix(name, "TF_LOG") && name != "TF_LOG_PATH" && value != "" && !strings.EqualFold(value, "off") {
			return
		}
	}
	for _, v := range []string{"TF_LOG_SDK", "TF_LOG_SDK_PROTO", "TF_LOG_SDK_FRAMEWORK", "TF_LOG_PROVIDER"} {
		_ = os.Setenv(v, "off")
	}
}
