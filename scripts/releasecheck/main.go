// Command releasecheck is `make release-check`: it builds the provider for
// every OS/architecture pair .goreleaser.yml lists, as goreleaser would
// (its env, flags and ldflags, the version stamped), checks each binary,
// and checks .goreleaser.yml, terraform-registry-manifest.json and the
// main package against each other and the Terraform Registry's naming.
// goreleaser itself is not needed: the YAML is read by a small parser of
// the subset goreleaser files use (yaml.go).
//
//	go run ./scripts/releasecheck -version 0.0.0-releasecheck -out .tools/release-check
package main

import (
	"bufio"
	"context"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
)

func main() {
	config := flag.String("config", ".goreleaser.yml", "goreleaser configuration")
	version := flag.String("version", "0.0.0-releasecheck", "version to stamp, as goreleaser's .Version (no leading v)")
	out := flag.String("out", "", "folder for the binaries (emptied first)")
	jobs := flag.Int("j", runtime.NumCPU(), "builds at once")
	flag.Parse()
	if *out == "" || flag.NArg() > 0 {
		flag.Usage()
		os.Exit(2)
	}
	start := time.Now()
	err := run(*config, *version, *out, *jobs)
	took := time.Since(start).Round(100 * time.Millisecond)
	if err != nil {
		fmt.Fprintf(os.Stderr, "release-check FAILED after %s: %v\n", took, err)
		os.Exit(1)
	}
	fmt.Printf("release-check: passed in %s\n", took)
}

func run(configPath, version, out string, jobs int) error {
	root := filepath.Dir(configPath)
	module, err := modulePath(filepath.Join(root, "go.mod"))
	if err != nil {
		return err
	}
	c, err := readConfig(configPath, module)
	if err != nil {
		return err
	}
	ports, err := distList()
	if err != nil {
		return err
	}
	problems, served := staticChecks(c, root, version, ports)
	if len(problems) > 0 {
		return fmt.Errorf("%d disagreement(s), nothing built:\n  - %s", len(problems), strings.Join(problems, "\n  - "))
	}
	var n int
	for _, b := range c.Builds {
		n += len(b.Targets)
	}
	fmt.Printf("release-check: %s, version %s, protocol %s: %d targets from %s, %d builds at once, into %s\n",
		c.ProjectName, version, served.Protocols[0], n, configPath, jobs, out)
	if err := os.RemoveAll(out); err != nil {
		return err
	}
	var failed []string
	for _, b := range c.Builds {
		failed = append(failed, buildAll(b, c.ProjectName, module, version, served.Protocols[0], out, jobs)...)
	}
	if len(failed) > 0 {
		return fmt.Errorf("%d of %d targets:\n  - %s", len(failed), n, strings.Join(failed, "\n  - "))
	}
	fmt.Printf("release-check: ok, %d binaries agree with .goreleaser.yml, %s and the Terraform Registry's naming\n", n, registryManifest)
	return nil
}

// buildAll builds and checks b's targets, jobs at a time, and returns
// what failed.
func buildAll(b build, project, module, version, protocol, out string, jobs int) []string {
	ld, _ := render("ldflags", strings.Join(b.Ldflags, " "), project, version, target{})
	var env []string
	for _, kv := range b.Env {
		s, err := render("env", kv, project, version, target{})
		if err != nil {
			return []string{err.Error()}
		}
		env = append(env, s)
	}
	bin, _ := render("binary", b.Binary, project, version, target{})
	e := expect{
		Module:   module,
		Version:  version,
		Static:   slices.Contains(env, "CGO_ENABLED=0"),
		Stripped: slices.Contains(strings.Fields(ld), "-s"),
		NoDWARF:  slices.Contains(strings.Fields(ld), "-s") || slices.Contains(strings.Fields(ld), "-w"),
		Trimpath: slices.Contains(b.Flags, "-trimpath"),
	}

	var mu sync.Mutex
	var failed []string
	sem := make(chan struct{}, max(jobs, 1))
	var wg sync.WaitGroup
	for _, t := range b.Targets {
		wg.Go(func() {
			sem <- struct{}{}
			defer func() { <-sem }()
			begin := time.Now()
			path := filepath.Join(out, t.dir(), bin)
			if t.GOOS == "windows" {
				path += ".exe" // goreleaser adds it too
			}
			desc, err := buildOne(b, t, env, ld, path, e, project, protocol)
			mu.Lock()
			defer mu.Unlock()
			took := time.Since(begin).Round(100 * time.Millisecond)
			if err != nil {
				fmt.Printf("  FAIL %-28s %s\n", t, took)
				failed = append(failed, fmt.Sprintf("%s: %v", t, err))
				return
			}
			fmt.Printf("  ok   %-28s %6s  %s\n", t, took, desc)
		})
	}
	wg.Wait()
	slices.Sort(failed)
	return failed
}

// buildOne builds t as goreleaser would and checks the binary.
func buildOne(b build, t target, env []string, ld, path string, e expect, project, protocol string) (string, error) {
	args := append([]string{"build"}, b.Flags...)
	args = append(args, "-ldflags", ld, "-o", path, b.Main)
	cmd := exec.CommandContext(context.Background(), "go", args...)
	cmd.Env = append(os.Environ(), env...)
	cmd.Env = append(cmd.Env, "GOOS="+t.GOOS, "GOARCH="+t.GOARCH)
	if t.VariantVar != "" {
		cmd.Env = append(cmd.Env, t.VariantVar+"="+t.Variant)
	}
	if outb, err := cmd.CombinedOutput(); err != nil {
		shown := slices.Clone(args)
		for i, a := range shown {
			if strings.ContainsAny(a, " \t") {
				shown[i] = strconv.Quote(a)
			}
		}
		return "", fmt.Errorf("go %s: %w\n%s", strings.Join(shown, " "), err, indent(string(outb)))
	}
	e.Target = t
	desc, err := checkBinary(path, e)
	if err != nil {
		return "", fmt.Errorf("%s: %w", path, err)
	}
	desc += ", version " + e.Version + " stamped"
	if t.GOOS == runtime.GOOS && t.GOARCH == runtime.GOARCH {
		want := fmt.Sprintf("%s %s (protocol %s, %s, %s/%s)", project, e.Version, protocol, goVersion(), t.GOOS, t.GOARCH)
		if err := runVersion(path, want); err != nil {
			return "", err
		}
		desc += ", `version` runs"
	}
	return desc, nil
}

func indent(s string) string {
	return "      " + strings.ReplaceAll(strings.TrimRight(s, "\n"), "\n", "\n      ")
}

// modulePath is the module line of go.mod.
func modulePath(gomod string) (string, error) {
	f, err := os.Open(gomod)
	if err != nil {
		return "", err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if rest, ok := strings.CutPrefix(strings.TrimSpace(sc.Text()), "module "); ok {
			return strings.Trim(strings.TrimSpace(rest), `"`), nil
		}
	}
	return "", fmt.Errorf("%s: no module line", gomod)
}

// distList is `go tool dist list`: the GOOS/GOARCH pairs this Go builds.
func distList() (map[string]bool, error) {
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	out, err := exec.CommandContext(ctx, "go", "tool", "dist", "list").Output()
	if err != nil {
		return nil, fmt.Errorf("go tool dist list: %w", err)
	}
	ports := map[string]bool{}
	for _, l := range strings.Fields(string(out)) {
		ports[l] = true
	}
	return ports, nil
}
