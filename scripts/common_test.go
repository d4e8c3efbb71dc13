// Package scripts holds the tests of the shell helpers in scripts/common.sh.
package scripts

import (
	"os/exec"
	"testing"
)

// TestLoadNote: the benchmark report warns about a skewed run only when a
// 1-minute load reading was above the CPU count, and says nothing for a
// quiet machine or a reading it cannot parse.
func TestLoadNote(t *testing.T) {
	const warning = " (above the CPU count: other work skewed the timings)"
	for _, c := range []struct {
		cpus, start, end string
		want             string
	}{
		{"2", "0.50 0.40 0.30 1/200 99", "1.90 1.00 1.00 1/200 99", ""},
		{"2", "0.50 0.40 0.30", "2.00 1.00 1.00", ""},
		{"2", "0.50 0.40 0.30", "2.83 1.00 1.00", warning},
		{"2", "3.10 0.40 0.30", "0.20 1.00 1.00", warning},
		{"8", "7.99 9.00 9.00", "4.00", ""},
		{"2", "", "unknown", ""},
	} {
		out, err := exec.Command("bash", "-c", `source ./common.sh && load_note "$@"`, "load_note", c.cpus, c.start, c.end).CombinedOutput()
		if err != nil {
			t.Fatalf("load_note %s %q %q: %v\n%s", c.cpus, c.start, c.end, err, out)
		}
		if string(out) != c.want {
			t.Errorf("load_note %s %q %q = %q, want %q", c.cpus, c.start, c.end, out, c.want)
		}
	}
}
