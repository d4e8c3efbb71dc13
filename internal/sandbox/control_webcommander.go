package sandbox

import (
	"math"
	"net/http"
	"time"

	"github.com/customerops/terraform-provider-crm/internal/sandbox/httpjson"
)

// webcommanderControl adds /_sandbox/webcommander/...: the customers, like
// the other platforms', and the token controls an expiry test needs.
func (s *Server) webcommanderControl(m *http.ServeMux) {
	wc := s.wc
	const base = "/_sandbox/webcommander"
	m.HandleFunc("GET "+base+"/token-lifetime", func(w http.ResponseWriter, _ *http.Request) {
		httpjson.Reply(w, http.StatusOK, lifetimeJSON(wc.TokenLifetime()))
	})
	m.HandleFunc("PUT "+base+"/token-lifetime", func(w http.ResponseWriter, r *http.Request) {
		var body struct {
			Seconds      *float64 `json:"seconds"`
			Milliseconds *float64 `json:"milliseconds"`
		}
		if !httpjson.Decode(w, r, &body) {
			return
		}
		var d float64 // milliseconds
		switch {
		case body.Seconds != nil && body.Milliseconds == nil:
			d = *body.Seconds * 1000
		case body.Milliseconds != nil && body.Seconds == nil:
			d = *body.Milliseconds
		}
		// At least 1 ms; at most ~292 years, what a Duration holds.
		if d < 1 || d > math.MaxInt64/float64(time.Millisecond) {
			httpjson.Fail(w, http.StatusBadRequest, `send one of {"seconds": N} or {"milliseconds": N}, at least 1 ms`)
			return
		}
		wc.SetTokenLifetime(time.Duration(d * float64(time.Millisecond)))
		httpjson.Reply(w, http.StatusOK, lifetimeJSON(wc.TokenLifetime()))
	})
	m.HandleFunc("POST "+base+"/expire-tokens", func(w http.ResponseWriter, _ *http.Request) {
		wc.ExpireTokens()
		w.WriteHeader(http.StatusNoContent)
	})
	m.HandleFunc("GET "+base+"/token-calls", func(w http.ResponseWriter, _ *http.Request) {
		cc, rt := wc.TokenCalls()
		httpjson.Reply(w, http.StatusOK, map[string]int{"client_credentials": cc, "refresh_token": rt})
	})
}

// lifetimeJSON is a token lifetime on the control surface.
func lifetimeJSON(d time.Duration) map[string]float64 {
	return map[string]float64{"seconds": d.Seconds(), "milliseconds": float64(d.Milliseconds())}
}
