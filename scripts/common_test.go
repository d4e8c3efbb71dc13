// Package scripts holds the tests of the shell helpers in scripts/common.sh.
package scripts

import (
	"fmt"
	"os/exec"
	"testing"
)

// TestOtherWorkNote: what the machine did beside a run of the bench is its
// busy CPU time less the bench's own, and more than a quarter of one CPU
// on average is said to have skewed the timings.
func TestOtherWorkNote(t *testing.T) {
	for _, c := range []struct{ wall, busy, own, want string }{
		{"100", "80", "50", "30 CPU-seconds, 30 % of one CPU (it skewed the timings)\n"},
		{"100", "60", "35", "25 CPU-seconds, 25 % of one CPU\n"},
		{"100", "40", "45", "0 CPU-seconds, 0 % of one CPU\n"}, // kernel rounding: never below 0
		{"0", "1", "1", "unknown\n"},
		{"100", "", "1", "unknown\n"},
	} {
		if got := common(t, "other_work_note", c.wall, c.busy, c.own); got != c.want {
			t.Errorf("other_work_note %s %s %s = %q, want %q", c.wall, c.busy, c.own, got, c.want)
		}
	}
}

// TestOwnCPU: the bench's own CPU time counts this shell, the children it
// waited for, and a child still running when named; cpu_busy reads the
// machine's counter.
func TestOwnCPU(t *testing.T) {
	const burn = `i=0; while ((i < 300000)); do ((i++)); done` // about 0.5 CPU-seconds
	out := common(t, "", `own_cpu a
(`+burn+`)
own_cpu b
bash -c '`+burn+`; sleep 30' & pid=$!
while [[ "$(awk '{ sub(/^.*\) /, ""); print $1 }' /proc/$pid/stat)" == R ]]; do sleep 0.05; done
own_cpu c
own_cpu d $pid
kill $pid
echo "$a $b $c $d $(cpu_busy)"`)
	var a, b, c, d, busy float64
	if _, err := fmt.Sscan(out, &a, &b, &c, &d, &busy); err != nil {
		t.Fatalf("own_cpu: %q: %v", out, err)
	}
	if b-a < 0.1 {
		t.Errorf("a child waited for added %.2f CPU-seconds, want its loop's (over 0.1)", b-a)
	}
	if d-c < 0.1 {
		t.Errorf("a running child named added %.2f CPU-seconds, want its loop's (over 0.1)", d-c)
	}
	if busy <= 0 {
		t.Errorf("cpu_busy = %v, want the machine's busy seconds since boot", busy)
	}
}

// common runs a function of common.sh with args, or a script when fn is
// empty, and returns what it printed.
func common(t *testing.T, fn string, args ...string) string {
	t.Helper()
	script := `source ./common.sh && ` + fn + ` "$@"`
	if fn == "" {
		script, args = `source ./common.sh`+"\n"+args[0], nil
	}
	out, err := exec.Command("bash", append([]string{"-c", script, "common"}, args...)...).CombinedOutput()
	if err != nil {
		t.Fatalf("%s %q: %v\n%s", fn, args, err, out)
	}
	return string(out)
}
