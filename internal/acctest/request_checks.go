package acctest

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"slices"
	"strings"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/querycheck"
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

// CheckLastBodyTo is CheckLastBody for the last platform request with
// method to exactly path: its body decodes to exactly want (compared as
// JSON values, so key order and number formatting do not matter).
func CheckLastBodyTo(s *sandbox.Server, platform, method, path string, want map[string]any) resource.TestCheckFunc {
	return func(*terraform.State) error {
		reqs := RequestsTo(s, platform, method, path)
		if len(reqs) == 0 {
			return fmt.Errorf("the sandbox received no %s %s %s request", platform, method, path)
		}
		return sameJSON(fmt.Sprintf("%s %s body", method, path), reqs[len(reqs)-1].Body, want)
	}
}

// sameJSON compares body with want as JSON values.
func sameJSON(what string, body []byte, want map[string]any) error {
	var got map[string]any
	if err := json.Unmarshal(body, &got); err != nil {
		return fmt.Errorf("%s is not a JSON object: %w: %s", what, err, body)
	}
	wantJSON, err := json.Marshal(want)
	if err != nil {
		return fmt.Errorf("%s: the wanted body does not encode: %w", what, err)
	}
	var wantNorm map[string]any
	if err := json.Unmarshal(wantJSON, &wantNorm); err != nil {
		return err
	}
	g, _ := json.Marshal(got)
	w, _ := json.Marshal(wantNorm)
	if string(g) != string(w) {
		return fmt.Errorf("%s:\n got  %s\n want %s%s", what, g, w, jsonDiff(got, wantNorm))
	}
	return nil
}

// jsonDiff names the top-level keys that differ, to read a long body's
// mismatch at a glance.
func jsonDiff(got, want map[string]any) string {
	var diffs []string
	for k, w := range want {
		g, ok := got[k]
		gj, _ := json.Marshal(g)
		wj, _ := json.Marshal(w)
		switch {
		case !ok:
			diffs = append(diffs, fmt.Sprintf("%s missing", k))
		case string(gj) != string(wj):
			diffs = append(diffs, fmt.Sprintf("%s = %s, want %s", k, gj, wj))
		}
	}
	for k := range got {
		if _, ok := want[k]; !ok {
			diffs = append(diffs, fmt.Sprintf("%s not wanted", k))
		}
	}
	if len(diffs) == 0 {
		return ""
	}
	slices.Sort(diffs)
	return "\n differ: " + strings.Join(diffs, "; ")
}

// QueryRequests is a query check on the requests to platform the sandbox
// received since mark (set in the step's PreConfig): what a `terraform
// query` step sent, and how. check says what is wrong with them, if
// anything. Step.Check does not run in query mode; this does, once the
// query has ended.
func QueryRequests(mark *Mark, platform string, check func(reqs []sandbox.Request) error) querycheck.QueryResultCheck {
	return queryRequests{mark: mark, platform: platform, check: check}
}

type queryRequests struct {
	mark     *Mark
	platform string
	check    func([]sandbox.Request) error
}

func (c queryRequests) CheckQuery(_ context.Context, _ querycheck.CheckQueryRequest, resp *querycheck.CheckQueryResponse) {
	var reqs []sandbox.Request
	for _, r := range c.mark.Since() {
		if r.Platform == c.platform {
			reqs = append(reqs, r)
		}
	}
	resp.Error = c.check(reqs)
}

// OnlyGETs is a QueryRequests check: listing sent nothing but GETs to
// path, apart from requests to the paths in also (an OAuth token grant).
func OnlyGETs(path string, also ...string) func([]sandbox.Request) error {
	return func(reqs []sandbox.Request) error {
		var gets int
		for _, r := range reqs {
			switch {
			case slices.Contains(also, r.Path):
			case r.Method == http.MethodGet && r.Path == path:
				gets++
			default:
				return fmt.Errorf("listing sent %s %s; want only GET %s: %s", r.Method, r.Path, path, Sent(reqs))
			}
		}
		if gets == 0 {
			return fmt.Errorf("listing sent no GET %s: %s", path, Sent(reqs))
		}
		return nil
	}
}

// Sent lists reqs as method, path and query, for a check's message.
func Sent(reqs []sandbox.Request) string {
	parts := make([]string, 0, len(reqs))
	for _, r := range reqs {
		line := r.Method + " " + r.Path
		if len(r.Query) > 0 {
			line += "?" + r.Query.Encode()
		}
		parts = append(parts, line)
	}
	return "[" + strings.Join(parts, ", ") + "]"
}
