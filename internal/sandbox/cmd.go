package sandbox

import (
	"context"
	"flag"
	"fmt"
	"io"
	"math"
	"os"
	"os/signal"
	"strconv"
	"strings"
	"syscall"

	"github.com/customerops/terraform-provider-crm/internal/sandbox/normalize"
)

// Run is the standalone `sandbox` command: it serves emulators on -listen,
// prints how to point a client at each one, and blocks until SIGINT or
// SIGTERM.
func Run(args []string, stdout io.Writer, emulators ...Emulator) error {
	return Command{}.Run(args, stdout, emulators...)
}

// RunContext is Run until ctx ends.
func RunContext(ctx context.Context, args []string, stdout io.Writer, emulators ...Emulator) error {
	return Command{}.RunContext(ctx, args, stdout, emulators...)
}

// Command is the standalone `sandbox` command as a program that embeds it
// runs it: what it knows about that program, which the banner shows.
type Command struct {
	// Version is the program's version (the provider's, stamped at build
	// time); the banner's first line names it when it is set.
	Version string
}

// Run is the package's Run, as c.
func (c Command) Run(args []string, stdout io.Writer, emulators ...Emulator) error {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	return c.RunContext(ctx, args, stdout, emulators...)
}

// RunContext is c.Run until ctx ends.
func (c Command) RunContext(ctx context.Context, args []string, stdout io.Writer, emulators ...Emulator) error {
	fs := flag.NewFlagSet("sandbox", flag.ContinueOnError)
	fs.SetOutput(stdout)
	listen := fs.String("listen", "127.0.0.1:8080", "address to listen on")
	norm := fs.Bool("normalize", false, "store values as a normalising API would: "+normalizeText(normalize.All, emulators))
	rps := fs.Float64("rate-limit", 0, "answer 429 with Retry-After beyond this many requests per second, per platform (0 = no limit)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("sandbox: unexpected arguments %q", fs.Args())
	}
	s := New(emulators...)
	if *norm {
		s.SetNormalize(normalize.All)
	}
	s.SetRateLimit("", *rps)
	if err := s.start(ctx, *listen); err != nil {
		return fmt.Errorf("sandbox: %w", err)
	}
	defer s.Close()
	if _, err := io.WriteString(stdout, banner(s, c.Version, *norm, *rps)); err != nil {
		return err
	}
	<-ctx.Done()
	return nil
}

// banner is what the standalone command prints once it listens: for each
// platform its title and the `export` lines a shell (or scripts/demo.sh)
// takes the settings from, then the console, the control surface and the
// switches.
func banner(s *Server, version string, norm bool, rps float64) string {
	var b strings.Builder
	// The first line keeps its form with or without a version: scripts
	// and the guides read the address from it.
	if version != "" {
		fmt.Fprintf(&b, "CRM API sandbox listening on %s (terraform-provider-crm %s)\n\n", s.URL(), version)
	} else {
		fmt.Fprintf(&b, "CRM API sandbox listening on %s\n\n", s.URL())
	}
	control := []string{"requests", "faults", "rate-limit", "normalize"}
	for _, e := range s.Emulators() {
		fmt.Fprintf(&b, "%s\n", e.Title)
		for _, st := range e.Settings(s.BaseURL(e.Name)) {
			fmt.Fprintf(&b, "  export %s=%s\n", st.Env, st.Value)
		}
		b.WriteString("\n")
		control = append(control, e.Name+"/...")
	}
	fmt.Fprintf(&b, "Console (open in a browser; records, requests, faults, rate limits): %s/\n", s.URL())
	fmt.Fprintf(&b, "Control surface: %s/_sandbox/ (%s)\n", s.URL(), strings.Join(control, ", "))
	fmt.Fprintf(&b, "Normalisation (%s): %s\n", normalizeText(normalize.All, s.Emulators()), onOff(norm))
	fmt.Fprintf(&b, "Rate limit per platform: %s\n", rateText(rps))
	b.WriteString("Press Ctrl-C to stop.\n")
	return b.String()
}

func rateText(rps float64) string {
	if rps <= 0 || math.IsNaN(rps) {
		return "off"
	}
	return strconv.FormatFloat(rps, 'g', -1, 64) + " requests per second (429 with Retry-After beyond)"
}

func onOff(b bool) string {
	if b {
		return "on"
	}
	return "off"
}
