package acctest

import (
	"fmt"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/customerops/terraform-provider-crm/internal/sandbox"
)

// Dropped is the status the sandbox's request log holds for a request it
// never answered: its connection dropped (Fault.DropAfterCommit) or the
// client gave up waiting (a Fault.Latency longer than its timeout).
const Dropped = 0

// RequestsTo returns what the sandbox received for platform with method at
// exactly path (platform-relative, e.g. "/customers/add"), in arrival order.
func RequestsTo(s *sandbox.Server, platform, method, path string) []sandbox.Request {
	var out []sandbox.Request
	for _, r := range Requests(s, platform, method) {
		if r.Path == path {
			out = append(out, r)
		}
	}
	return out
}

// CheckAnswered is a TestCheckFunc (usable as a CheckDestroy too) asserting
// how the sandbox answered every platform request with method to path, in
// arrival order: want holds one status per request (Dropped for none). A
// test of a fault uses it to prove the fault fired: a check that passes
// whether or not the fault was served proves nothing about the fault.
func CheckAnswered(s *sandbox.Server, platform, method, path string, want ...int) resource.TestCheckFunc {
	return func(*terraform.State) error {
		reqs := RequestsTo(s, platform, method, path)
		got := make([]int, len(reqs))
		for i, r := range reqs {
			got[i] = r.Status
		}
		if fmt.Sprint(got) != fmt.Sprint(want) {
			return fmt.Errorf("the sandbox answered the %s %s %s requests %v, want %v (%d = dropped or abandoned, no answer)",
				platform, method, path, got, want, Dropped)
		}
		return nil
	}
}
