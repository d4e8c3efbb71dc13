package main

import (
	"bufio"
	"os"
	"os/exec"
	"regexp"
	"runtime"
	"strings"
	"testing"
	"time"
)

// TestMain runs main itself, instead of the tests, when a test starts this
// binary again with runMainVar set: the subcommand tests run the real entry
// point, arguments and all.
func TestMain(m *testing.M) {
	if os.Getenv(runMainVar) == "1" {
		main()
		os.Exit(0)
	}
	os.Exit(m.Run())
}

const runMainVar = "CRM_TEST_RUN_MAIN"

// command is this test binary started as the provider with args.
func command(t *testing.T, args ...string) *exec.Cmd {
	t.Helper()
	cmd := exec.Command(os.Args[0], args...)
	cmd.Env = append(os.Environ(), runMainVar+"=1")
	return cmd
}

func TestVersionLine(t *testing.T) {
	defer func(v string) { version = v }(version)
	version = "1.2.3"
	want := "terraform-provider-crm 1.2.3 (protocol 6.0, " + runtime.Version() + ", " + runtime.GOOS + "/" + runtime.GOARCH + ")"
	if got := versionLine(); got != want {
		t.Errorf("versionLine() = %q, want %q", got, want)
	}
}

// TestVersionSubcommand: `version`, `-version` and `--version` print the
// version line and exit 0 (unstamped, as tests build it: dev).
func TestVersionSubcommand(t *testing.T) {
	want := regexp.MustCompile(`^terraform-provider-crm dev \(protocol 6\.0, go[^ ,]+, [a-z0-9]+/[a-z0-9]+\)\n$`)
	for _, arg := range []string{"version", "-version", "--version"} {
		out, err := command(t, arg).Output()
		if err != nil {
			t.Errorf("%s: %v", arg, err)
		}
		if !want.Match(out) || string(out) != versionLine()+"\n" {
			t.Errorf("%s printed %q, want %q", arg, out, versionLine()+"\n")
		}
	}
}

// TestSandboxBannerShowsVersion: `sandbox` passes the stamped version to
// the sandbox's banner.
func TestSandboxBannerShowsVersion(t *testing.T) {
	cmd := command(t, "sandbox", "-listen", "127.0.0.1:0")
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan error, 1)
	lines := make(chan string, 1)
	go func() {
		line, _ := bufio.NewReader(stdout).ReadString('\n')
		lines <- line
		exited <- cmd.Wait()
	}()
	defer func() {
		_ = cmd.Process.Signal(os.Interrupt)
		select {
		case err := <-exited:
			if err != nil {
				t.Errorf("sandbox after SIGINT: %v", err)
			}
		case <-time.After(5 * time.Second):
			_ = cmd.Process.Kill()
			t.Error("sandbox did not stop on SIGINT")
		}
	}()
	select {
	case line := <-lines:
		if !strings.HasPrefix(line, "CRM API sandbox listening on http://127.0.0.1:") || !strings.HasSuffix(strings.TrimSpace(line), " (terraform-provider-crm "+version+")") {
			t.Errorf("banner begins %q, want the version %q in it", line, version)
		}
	case <-time.After(10 * time.Second):
		t.Error("no banner within 10s")
	}
}

func TestQuietUnlessLogging(t *testing.T) {
	quieted := []string{"TF_LOG_SDK", "TF_LOG_SDK_PROTO", "TF_LOG_SDK_FRAMEWORK", "TF_LOG_PROVIDER"}
	cases := []struct {
		name  string
		env   map[string]string
		quiet bool
	}{
		{"no logging asked for", nil, true},
		{"only a log path", map[string]string{"TF_LOG_PATH": "/tmp/tf.log"}, true},
		{"TF_LOG off", map[string]string{"TF_LOG": "off"}, true},
		{"TF_LOG empty", map[string]string{"TF_LOG": ""}, true},
		{"TF_LOG", map[string]string{"TF_LOG": "trace"}, false},
		{"provider logs", map[string]string{"TF_LOG_PROVIDER": "debug"}, false},
		{"this provider's logs", map[string]string{"TF_LOG_PROVIDER_CRM": "debug"}, false},
		{"framework logs", map[string]string{"TF_LOG_SDK_FRAMEWORK": "trace"}, false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			for _, v := range append(quieted, "TF_LOG", "TF_LOG_PATH", "TF_LOG_PROVIDER_CRM") {
				t.Setenv(v, "")
				os.Unsetenv(v)
			}
			for k, v := range tc.env {
				t.Setenv(k, v)
			}
			quietUnlessLogging()
			for _, v := range quieted {
				got, set := os.LookupEnv(v)
				if tc.quiet && got != "off" {
					t.Errorf("%s = %q, want off", v, got)
				}
				if !tc.quiet && set && got == "off" {
					t.Errorf("%s turned off although the user asked for logs", v)
				}
			}
		})
	}
}
