// Package sandbox is an in-memory emulator of the customer APIs the provider
// manages, built from internal/<platform>/CONTRACT.md (not from the provider's clients), for
// acceptance tests (in-process on 127.0.0.1:0) and for `make demo`.
//
// The core here knows no platform. Each platform package (internal/sandbox/
// xtrakit, ...) exports an Emulator value: its name, where it is mounted,
// its API handler and store, its control routes, its error body for
// injected faults and how a client connects to it. A Server serves a list
// of them (internal/sandbox/emulators has the list), each under its own
// prefix with the same paths, envelopes, status codes, error bodies and
// quirks as the real API. Every platform request is logged and may be
// delayed or failed by an injected Fault (to every matching request, or to
// a Percent share of them) or refused with 429 by a per-platform rate limit
// (SetRateLimit), which may advertise itself in RateLimit-* headers
// (SetRateLimitHeaders).
//
// / is a read-only console page for people (console.go): each platform's
// records, the last requests, the live faults and rate limits.
//
// /_sandbox/ is the test-only control surface of the standalone server:
//
//	GET|DELETE /_sandbox/requests[?platform=P]  the request log
//	GET|POST|DELETE /_sandbox/faults            faults, e.g. {"platform":"xtrakit","method":"POST",
//	                                            "status":429,"retry_after":"1","percent":30,"times":0}
//	GET|PUT /_sandbox/rate-limit                {"platform":"xtrakit","requests_per_second":20}
//	                                            ("" or no platform = every one; 0 = off;
//	                                            "headers":true advertises it: RateLimit-*)
//	GET|PUT /_sandbox/normalize                 value normalisation switches
//	/_sandbox/<platform>/...                    each platform's records, and its extras
//	                                            (WebCommander's tokens)
//
// SetNormalize makes the platforms normalise stored values as real APIs may
// (off by default).
package sandbox

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"strings"
	"sync"
	"time"

	"golang.org/x/time/rate"
)

// Emulator is one platform's API as the sandbox serves it. Each platform
// package exports one (xtrakit.Emulator); New serves a list of them.
type Emulator struct {
	// Name names the platform throughout the sandbox: the request log,
	// faults and rate limits, the control surface (/_sandbox/<Name>/), and
	// the provider block the acceptance tests write.
	Name string
	// Prefix is where the API is mounted ("/xtrakit/api/v1"): a client's
	// base URL is the server's URL plus Prefix.
	Prefix string
	// Title heads the platform's lines in the standalone banner.
	Title string
	// Settings are what a client connects with, given the platform's base
	// URL: provider attributes, the environment variables the provider
	// also reads them from, and their values, in the banner's order.
	Settings func(url string) []Setting
	// FaultBody is the platform's own error body for a status the sandbox
	// answers itself (an injected fault, the rate limit).
	FaultBody func(status int) []byte
	// Codes names, for people, the codes and identifiers the platform's
	// API upper-cases when the UpperCodes switch is on ("GSTINs"); "" when
	// it has none. Its normalize.go maps those fields to Normalize.Code.
	Codes string
	// FaultHeader, if set, adds the platform's own headers to those
	// answers (Stripe's Stripe-Should-Retry); a broken answer (Fault.Body)
	// stands for a proxy's and gets none.
	FaultHeader func(status int, h http.Header)
	// Open makes the platform's state for one server: an empty store and
	// the API handler serving it, with paths relative to Prefix.
	Open func() (Store, http.Handler)
}

// Setting is one connection setting of a platform: the attribute of its
// provider block, the environment variable the provider reads it from, and
// the sandbox's value.
type Setting struct {
	Attr, Env, Value string
}

// Store is one server's records of a platform.
type Store interface {
	// SetNormalize sets how the API normalises what it stores from now on.
	SetNormalize(Normalize)
	// Control adds the platform's control routes under base
	// ("/_sandbox/<Name>"): its records, and any extras.
	Control(m *http.ServeMux, base string)
	// Console is what the console page (/) shows of the records: a table
	// per kind, customers first, whose columns start with ColName,
	// ColEmail and ColID (RecordTable lays records out).
	Console() []ConsoleTable
}

const controlBase = "/_sandbox/"

// mount is one emulator on a server.
type mount struct {
	Emulator
	store   Store
	handler http.Handler
}

// Server is the sandbox: its platforms plus the request log, faults and
// control surface. It is safe for concurrent use.
type Server struct {
	mounts  []*mount
	control http.Handler
	console http.Handler

	logMu sync.Mutex
	log   []*Request

	faultMu sync.Mutex
	faults  []*activeFault

	rateMu sync.Mutex
	limits map[string]*rate.Limiter // by platform name; absent = no limit
	// rateHeaders: platforms that advertise their limit (RateLimit-*).
	rateHeaders map[string]bool

	normMu sync.Mutex // serialises SetNormalize across the stores
	norm   Normalize

	srvMu sync.Mutex
	srv   *http.Server
	url   string
}

// New returns a sandbox serving emulators, with empty stores. Names and
// prefixes must be unique, and a prefix must leave the console (/ and
// /_console/) and the control surface (/_sandbox/) alone.
func New(emulators ...Emulator) *Server {
	s := &Server{}
	for _, e := range emulators {
		if !strings.HasPrefix(e.Prefix, "/") || strings.HasSuffix(e.Prefix, "/") ||
			strings.HasPrefix(e.Prefix+"/", controlBase) || strings.HasPrefix(e.Prefix+"/", consoleBase) {
			panic(fmt.Sprintf("sandbox: %q cannot be mounted at %q", e.Name, e.Prefix))
		}
		for _, m := range s.mounts {
			if m.Name == e.Name || m.Prefix == e.Prefix {
				panic(fmt.Sprintf("sandbox: %q and %q share a name or prefix", m.Name, e.Name))
			}
		}
		store, h := e.Open()
		s.mounts = append(s.mounts, &mount{Emulator: e, store: store, handler: h})
	}
	s.control = s.controlMux()
	s.console = s.consoleMux()
	return s
}

// Handler is the whole sandbox, platforms, /_sandbox/ and the console, for
// use with httptest or any other server.
func (s *Server) Handler() http.Handler { return http.HandlerFunc(s.route) }

func (s *Server) route(w http.ResponseWriter, r *http.Request) {
	path := r.URL.Path
	for _, m := range s.mounts {
		if rel, ok := strings.CutPrefix(path, m.Prefix); ok && (rel == "" || rel[0] == '/') {
			s.serve(m, rel, w, r)
			return
		}
	}
	if strings.HasPrefix(path, controlBase) {
		s.control.ServeHTTP(w, r)
		return
	}
	// The console serves / and /_console/ only; anything else is not found.
	s.console.ServeHTTP(w, r)
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

// Emulators are the platforms the server serves, in order.
func (s *Server) Emulators() []Emulator {
	out := make([]Emulator, len(s.mounts))
	for i, m := range s.mounts {
		out[i] = m.Emulator
	}
	return out
}

// BaseURL is the base URL a client of the named platform is configured
// with: URL plus the platform's prefix.
func (s *Server) BaseURL(name string) string { return s.URL() + s.mount(name).Prefix }

// StoreOf is the store of the named platform, for seeding and out-of-band
// changes; each platform package wraps it (xtrakit.StoreOf).
func StoreOf[T Store](s *Server, name string) T {
	st, ok := s.mount(name).store.(T)
	if !ok {
		panic(fmt.Sprintf("sandbox: the %s store is a %T", name, s.mount(name).store))
	}
	return st
}

// mount is the named platform; asking for one the server lacks is a bug.
func (s *Server) mount(name string) *mount {
	for _, m := range s.mounts {
		if m.Name == name {
			return m
		}
	}
	panic(fmt.Sprintf("sandbox: no platform %q", name))
}
