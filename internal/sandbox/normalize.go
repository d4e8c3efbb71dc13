package sandbox

import (
	"net/http"
	"strings"

	"github.com/customerops/terraform-provider-crm/internal/sandbox/normalize"

	"github.com/customerops/terraform-provider-crm/internal/sandbox/httpjson"
)

// Normalize is which values the platforms normalise when their API stores a
// record: e-mails lower-cased, codes upper-cased (each emulator's Codes),
// surrounding white space trimmed; each platform's doc says which of its
// fields. The zero value,
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

// normalizeText is the switches of n that are on as people read them ("off"
// when none is), naming the codes the emulators upper-case: the console's
// line, and with normalize.All the banner's and the -normalize flag's.
func normalizeText(n Normalize, emulators []Emulator) string {
	var on []string
	if n.LowerEmails {
		on = append(on, "lower-case e-mails")
	}
	if n.UpperCodes {
		var codes []string
		for _, e := range emulators {
			if e.Codes != "" {
				codes = append(codes, e.Codes)
			}
		}
		if len(codes) == 0 {
			codes = []string{"codes"}
		}
		on = append(on, "upper-case "+strings.Join(codes, ", "))
	}
	if n.TrimSpace {
		on = append(on, "trimmed strings")
	}
	if len(on) == 0 {
		return "off"
	}
	return strings.Join(on, ", ")
}
