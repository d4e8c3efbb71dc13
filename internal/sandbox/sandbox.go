// Package sandbox is an in-memory emulator of the customer APIs the provider
// manages, built from api-contracts.md (not from the provider's clients), for
// acceptance tests (in-process on 127.0.0.1:0) and for `make demo`.
//
// Each platform is served under its own prefix, with the same paths,
// envelopes, status codes, error bodies and quirks as the real API. Every
// platform request is logged and may be delayed or failed by an injected
// Fault (to every matching request, or to a Percent share of them) or
// refused with 429 by a per-platform rate limit (SetRateLimit).
//
// /_sandbox/ is the test-only control surface of the standalone server:
//
//	GET|DELETE /_sandbox/requests[?platform=P]  the request log
//	GET|POST|DELETE /_sandbox/faults            faults, e.g. {"platform":"xtrakit","method":"POST",
//	                                            "status":429,"retry_after":"1","percent":30,"times":0}
//	GET|PUT /_sandbox/rate-limit                {"platform":"xtrakit","requests_per_second":20}
//	                                            ("" or no platform = every one; 0 = off)
//	GET|PUT /_sandbox/normalize                 value normalisation switches
//	/_sandbox/{xtrakit,razorpay,axim,webcommander}/...  records, and WebCommander's tokens
//
// SetNormalize makes the platforms normalise stored values as real APIs may
// (off by default).
package sandbox

import (
	"context"
	"net"
	"net/http"
	"strings"
	"sync"
	"time"

	"golang.org/x/time/rate"

	"github.com/customerops/terraform-provider-crm/internal/sandbox/axim"
	"github.com/customerops/terraform-provider-crm/internal/sandbox/razorpay"
	"github.com/customerops/terraform-provider-crm/internal/sandbox/webcommander"
	"github.com/customerops/terraform-provider-crm/internal/sandbox/xtrakit"
)

// The credentials each platform accepts; anything else is that platform's 401.
const (
	XtrakitAPIKey     = "xtk_sandbox_key"
	RazorpayKeyID     = "rzp_test_sandbox"
	RazorpayKeySecret = "rzp_sandbox_secret"
	AximAccessToken   = "axim_sandbox_token"

	// WebCommander's OAuth client and admin user (the token endpoint's
	// client_id, client_secret, redirect_uri and auth_string).
	WebCommanderClientID     = "wc_client"
	WebCommanderClientSecret = "wc_client_secret"
	WebCommanderUsername     = "admin@example.com"
	WebCommanderPassword     = "wc_admin_password"
	WebCommanderRedirectURI  = "https://localhost/callback"
)

// Platform names as used in Request.Platform and Fault.Platform.
const (
	PlatformXtrakit  = "xtrakit"
	PlatformRazorpay = "razorpay"
	PlatformAxim     = "axim"

	PlatformWebCommander = "webcommander"
)

// Base paths of each platform on the sandbox server.
const (
	xtrakitBase  = "/xtrakit/api/v1"
	razorpayBase = "/razorpay/v1"
	aximBase     = "/axim/api"
	// WebCommander is mounted at its store URL: the API is under /api/v4
	// of it, the token endpoint included.
	webcommanderStore = "/webcommander"
	controlBase       = "/_sandbox/"
)

// platform is one emulated API mounted under prefix.
type platform struct {
	name, prefix string
	handler      http.Handler
	faultBody    func(status int) []byte
}

// Server is the sandbox: every platform plus the request log, faults and
// control surface. It is safe for concurrent use.
type Server struct {
	xtrakit   *xtrakit.Store
	razorpay  *razorpay.Store
	axim      *axim.Store
	wc        *webcommander.Store
	platforms []platform
	control   http.Handler

	logMu sync.Mutex
	log   []*Request

	faultMu sync.Mutex
	faults  []*activeFault

	rateMu sync.Mutex
	limits map[string]*rate.Limiter // by platform name; absent = no limit

	normMu sync.Mutex // serialises SetNormalize across the stores
	norm   Normalize

	srvMu sync.Mutex
	srv   *http.Server
	url   string
}

// New returns a sandbox with every platform and empty stores.
func New() *Server {
	s := &Server{xtrakit: xtrakit.NewStore(), razorpay: razorpay.NewStore(), axim: axim.NewStore(), wc: webcommander.NewStore()}
	wcCreds := webcommander.Credentials{
		ClientID: WebCommanderClientID, ClientSecret: WebCommanderClientSecret, RedirectURI: WebCommanderRedirectURI,
		Username: WebCommanderUsername, Password: WebCommanderPassword,
	}
	s.platforms = []platform{
		{PlatformXtrakit, xtrakitBase, xtrakit.NewHandler(s.xtrakit, XtrakitAPIKey), xtrakit.FaultBody},
		{PlatformRazorpay, razorpayBase, razorpay.NewHandler(s.razorpay, RazorpayKeyID, RazorpayKeySecret), razorpay.FaultBody},
		{PlatformAxim, aximBase, axim.NewHandler(s.axim, AximAccessToken), axim.FaultBody},
		{PlatformWebCommander, webcommanderStore, webcommander.NewHandler(s.wc, wcCreds), webcommander.FaultBody},
	}
	s.control = s.controlMux()
	return s
}

// Handler is the whole sandbox, platforms and /_sandbox/, for use with
// httptest or any other server.
func (s *Server) Handler() http.Handler { return http.HandlerFunc(s.route) }

func (s *Server) route(w http.ResponseWriter, r *http.Request) {
	path := r.URL.Path
	for i := range s.platforms {
		p := &s.platforms[i]
		if rel, ok := strings.CutPrefix(path, p.prefix); ok && (rel == "" || rel[0] == '/') {
			s.serve(p, rel, w, r)
			return
		}
	}
	if strings.HasPrefix(path, controlBase) {
		s.control.ServeHTTP(w, r)
		return
	}
	http.NotFound(w, r)
}

// Start listens on addr (e.g. "127.0.0.1:0") and serves in the background.
func (s *Server) Start(addr string) error { return s.start(context.Background(), addr) }

// start is Start with the context that bounds the listen call.
func (s *Server) start(ctx context.Context, addr string) error {
	var lc net.ListenConfig
	ln, err := lc.Listen(ctx, "tcp", addr)
	if err != nil {
		return err
	}
	srv := &http.Server{Handler: s.Handler(), ReadHeaderTimeout: 10 * time.Second}
	s.srvMu.Lock()
	s.srv, s.url = srv, "http://"+dialable(ln.Addr())
	s.srvMu.Unlock()
	go func() { _ = srv.Serve(ln) }()
	return nil
}

// dialable turns a wildcard listen address into one a client can dial.
func dialable(a net.Addr) string {
	host, port, err := net.SplitHostPort(a.String())
	if err != nil {
		return a.String()
	}
	if ip := net.ParseIP(host); ip == nil || ip.IsUnspecified() {
		host = "127.0.0.1"
	}
	return net.JoinHostPort(host, port)
}

// URL is "http://127.0.0.1:PORT" once Start has returned.
func (s *Server) URL() string {
	s.srvMu.Lock()
	defer s.srvMu.Unlock()
	return s.url
}

// Close stops the listener and drops open connections.
func (s *Server) Close() {
	s.srvMu.Lock()
	srv := s.srv
	s.srvMu.Unlock()
	if srv != nil {
		_ = srv.Close()
	}
}

// XtrakitURL is the Xtrakit base URL a client is configured with.
func (s *Server) XtrakitURL() string { return s.URL() + xtrakitBase }

// RazorpayURL is the Razorpay base URL a client is configured with.
func (s *Server) RazorpayURL() string { return s.URL() + razorpayBase }

// AximURL is the AximCommerce base URL a client is configured with.
func (s *Server) AximURL() string { return s.URL() + aximBase }

// Xtrakit is the Xtrakit store, for seeding and out-of-band changes.
func (s *Server) Xtrakit() *xtrakit.Store { return s.xtrakit }

// Razorpay is the Razorpay store, for seeding and out-of-band changes.
func (s *Server) Razorpay() *razorpay.Store { return s.razorpay }

// Axim is the AximCommerce store, for seeding and out-of-band changes.
func (s *Server) Axim() *axim.Store { return s.axim }

// WebCommanderURL is the WebCommander store URL a client is configured
// with; the API base is this plus "/api/v4".
func (s *Server) WebCommanderURL() string { return s.URL() + webcommanderStore }

// WebCommander is the WebCommander store, for seeding, out-of-band changes
// and its tokens.
func (s *Server) WebCommander() *webcommander.Store { return s.wc }
