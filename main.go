// Command terraform-provider-crm serves the crm Terraform provider; as
// `terraform-provider-crm sandbox` it runs the local emulator of the APIs,
// as `terraform-provider-crm generate` it writes the configuration that
// adopts existing records (for CLIs without `terraform query`), and as
// `terraform-provider-crm version` it prints the version it was built as.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"runtime/pprof"
	"strings"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6/tf6server"

	"github.com/customerops/terraform-provider-crm/internal/generate"
	"github.com/customerops/terraform-provider-crm/internal/provider"
	"github.com/customerops/terraform-provider-crm/internal/sandbox"
	"github.com/customerops/terraform-provider-crm/internal/sandbox/emulators"
)

// version is set by the release build (-ldflags "-X main.version=...").
var version = "dev"

// protocolVersion is the Terraform plugin protocol serve speaks
// (tf6server). terraform-registry-manifest.json lists it as
// protocol_versions; `make release-check` checks that the two agree.
const protocolVersion = "6.0"

// versionLine is what `terraform-provider-crm version` prints.
func versionLine() string {
	return fmt.Sprintf("terraform-provider-crm %s (protocol %s, %s, %s/%s)",
		version, protocolVersion, runtime.Version(), runtime.GOOS, runtime.GOARCH)
}

func main() {
	if len(os.Args) > 1 && (os.Args[1] == "version" || os.Args[1] == "-version" || os.Args[1] == "--version") {
		fmt.Println(versionLine())
		return
	}

	if len(os.Args) > 1 && os.Args[1] == "sandbox" {
		if err := (sandbox.Command{Version: version}).Run(os.Args[2:], os.Stdout, emulators.All...); err != nil {
			fmt.Fprintln(os.Stderr, "sandbox:", err)
			os.Exit(1)
		}
		return
	}

	if len(os.Args) > 1 && os.Args[1] == "generate" {
		quietUnlessLogging()
		err := generate.Run(context.Background(), os.Args[2:], os.Stdout, os.Stderr, provider.NewServer(version))
		if err != nil {
			if !errors.Is(err, flag.ErrHelp) {
				fmt.Fprintln(os.Stderr, "generate:", err)
			}
			os.Exit(1)
		}
		return
	}

	var debug bool
	flag.BoolVar(&debug, "debug", false, "run with support for debuggers like delve")
	flag.Parse()

	quietUnlessLogging()
	collectLessOften()
	if err := serve(debug); err != nil {
		log.Fatal(err.Error())
	}
}

// serve runs the provider until Terraform stops it.
func serve(debug bool) error {
	// A developer knob for `make bench` investigations: each provider
	// process writes its CPU and heap profiles into this directory when
	// Terraform stops it.
	if dir := os.Getenv("CRM_CPUPROFILE_DIR"); dir != "" {
		stop := startCPUProfile(dir)
		defer stop()
	}

	var opts []tf6server.ServeOpt
	if debug {
		opts = append(opts, tf6server.WithManagedDebug())
	}
	return tf6server.Serve("registry.terraform.io/customerops/crm", provider.NewServer(version), opts...)
}

// collectLessOften trades a little memory for CPU: the provider's live
// heap is a few MB (once each RPC's context is released), so Go's default
// collected every few MB allocated, some 300 times in a plan of 1,000
// customers and about a tenth of the provider's CPU. A GOGC the user set
// wins.
func collectLessOften() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(400)
	}
}

// loggingVars are the variables by which a user asks for provider logs.
var loggingVars = []string{"TF_LOG", "TF_LOG_PROVIDER", "TF_LOG_SDK"}

// quietUnlessLogging turns the plugin libraries' logs off when the user
// asked for none. Unconfigured, they emit every trace line (each request
// and response of every RPC, as JSON) for Terraform to parse and then
// discard: about a quarter of the provider's CPU and more of Terraform's
// in a plan of many resources. With TF_LOG (or any TF_LOG_PROVIDER* or
// TF_LOG_SDK* variable) set, nothing changes.
func quietUnlessLogging() {
	for _, kv := range os.Environ() {
		name, value, _ := strings.Cut(kv, "=")
		for _, v := range loggingVars {
			if strings.HasPrefix(name, v) && name != "TF_LOG_PATH" && value != "" && !strings.EqualFold(value, "off") {
				return
			}
		}
	}
	for _, v := range []string{"TF_LOG_SDK", "TF_LOG_SDK_PROTO", "TF_LOG_SDK_FRAMEWORK", "TF_LOG_PROVIDER"} {
		_ = os.Setenv(v, "off")
	}
}

// startCPUProfile profiles this process into dir/cpu-<pid>.pprof, and
// writes dir/heap-<pid>.pprof when stopped.
func startCPUProfile(dir string) func() {
	f, err := os.Create(filepath.Join(dir, fmt.Sprintf("cpu-%d.pprof", os.Getpid())))
	if err != nil {
		log.Printf("CPU profile: %v", err)
		return func() {}
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		log.Printf("CPU profile: %v", err)
		_ = f.Close()
		return func() {}
	}
	return func() {
		pprof.StopCPUProfile()
		_ = f.Close()
		// What is still live as Terraform stops the provider.
		for _, name := range []string{"heap", "goroutine"} {
			if h, err := os.Create(filepath.Join(dir, fmt.Sprintf("%s-%d.pprof", name, os.Getpid()))); err == nil {
				_ = pprof.Lookup(name).WriteTo(h, 0)
				_ = h.Close()
			}
		}
	}
}
