package sandbox

import (
	"net/http"

	"github.com/customerops/terraform-provider-crm/internal/sandbox/normalize"

	"github.com/customerops/terraform-provider-crm/internal/sandbox/httpjson"
)

// Normalize is which values the platforms normalise when their API stores a
// record: e-mails lower-cased, GSTINs upper-cased, surrounding white space
// trimmed; each platform's doc says which of its fields. The zero value,
// the default, stores values as accepted. Validation still sees the value
// as received; seed and mutate store verbatim.
type Normalize = normalize.Options

// SetNormalize switches normalisation on every platform for the records the
// APIs store from now on; stored records keep their values.
func (s *Server) SetNormalize(n Normalize) {
	s.normMu.Lock()
	defer s.normMu.Unlock()
	s.norm = n
	for _, m := range s.mounts {
		m.store.SetNormalize(n)
	}
}

// Normalize returns the switches last set by SetNormalize.
func (s *Server) Normalize() Normalize {
	s.normMu.Lock()
	defer s.normMu.Unlock()
	return s.norm
}

// putNormalize replaces every switch: one left out of the body is off.
func (s *Server) putNormalize(w http.ResponseWriter, r *http.Request) {
	var n Normalize
	if !httpjson.Decode(w, r, &n) {
		return
	}
	s.SetNormalize(n)
	httpjson.Reply(w, http.StatusOK, s.Normalize())
}
