package sandbox

import (
	"net/http"

	"github.com/customerops/terraform-provider-crm/internal/sandbox/normalize"

	"github.com/customerops/terraform-provider-crm/internal/sandbox/httpjson"
)

// Normalize is which values the platforms normalise when their API stores a
// record: e-mails lower-cased (Xtrakit customer_email, Razorpay email, Axim
// and WebCommander email), GSTINs upper-cased (Razorpay gstin), surrounding white space
// trimmed (every Xtrakit customer and group string; Razorpay name, contact,
// email, gstin and note values; every Axim string field, address fields and
// metaField codes included, not metaField values; every WebCommander
// customer string but the password). The zero value, the
// default, stores values as accepted. Validation still sees the value as
// received; seed and mutate store verbatim.
type Normalize = normalize.Options

// SetNormalize switches normalisation on every platform for the records the
// APIs store from now on; stored records keep their values.
func (s *Server) SetNormalize(n Normalize) {
	s.normMu.Lock()
	defer s.normMu.Unlock()
	s.norm = n
	s.xtrakit.SetNormalize(n)
	s.razorpay.SetNormalize(n)
	s.axim.SetNormalize(n)
	s.wc.SetNormalize(n)
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
