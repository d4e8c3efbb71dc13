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
	"syscall"
)

// Run is the standalone `sandbox` command: it serves every platform on
// -listen, prints how to point a client at each one, and blocks until SIGINT
// or SIGTERM.
func Run(args []string, stdout io.Writer) error {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	return run(ctx, args, stdout)
}

// run is Run until ctx ends, so that tests need not send signals.
func run(ctx context.Context, args []string, stdout io.Writer) error {
	fs := flag.NewFlagSet("sandbox", flag.ContinueOnError)
	fs.SetOutput(stdout)
	listen := fs.String("listen", "127.0.0.1:8080", "address to listen on")
	norm := fs.Bool("normalize", false, "store values as a normalising API would: lower-case e-mails, upper-case GSTINs, trimmed strings")
	rps := fs.Float64("rate-limit", 0, "answer 429 with Retry-After beyond this many requests per second, per platform (0 = no limit)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("sandbox: unexpected arguments %q", fs.Args())
	}
	s := New()
	if *norm {
		s.SetNormalize(Normalize{LowerEmails: true, UpperGSTIN: true, TrimSpace: true})
	}
	s.SetRateLimit("", *rps)
	if err := s.start(ctx, *listen); err != nil {
		return fmt.Errorf("sandbox: %w", err)
	}
	defer s.Close()
	_, err := fmt.Fprintf(stdout, `CRM API sandbox listening on %s

Xtrakit (Bearer API key):
  export XTRAKIT_BASE_URL=%s
  export XTRAKIT_API_KEY=%s

Razorpay (Basic auth key id / secret):
  export RAZORPAY_BASE_URL=%s
  export RAZORPAY_KEY_ID=%s
  export RAZORPAY_KEY_SECRET=%s

AximCommerce (accessToken header):
  export AXIM_BASE_URL=%s
  export AXIM_ACCESS_TOKEN=%s

WebCommander (OAuth 2.0 token at $WEBCOMMANDER_STORE_URL/api/v4/oauth2/token):
  export WEBCOMMANDER_STORE_URL=%s
  export WEBCOMMANDER_CLIENT_ID=%s
  export WEBCOMMANDER_CLIENT_SECRET=%s
  export WEBCOMMANDER_USERNAME=%s
  export WEBCOMMANDER_PASSWORD=%s
  export WEBCOMMANDER_REDIRECT_URI=%s

Control surface: %s/_sandbox/ (requests, faults, rate-limit, normalize, xtrakit/..., razorpay/..., axim/..., webcommander/...)
Normalisation (lower-case e-mails, upper-case GSTINs, trimmed strings): %s
Rate limit per platform: %s
Press Ctrl-C to stop.
`, s.URL(), s.XtrakitURL(), XtrakitAPIKey, s.RazorpayURL(), RazorpayKeyID, RazorpayKeySecret,
		s.AximURL(), AximAccessToken, s.WebCommanderURL(), WebCommanderClientID, WebCommanderClientSecret,
		WebCommanderUsername, WebCommanderPassword, WebCommanderRedirectURI, s.URL(), onOff(*norm), rateText(*rps))
	if err != nil {
		return err
	}
	<-ctx.Done()
	return nil
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
