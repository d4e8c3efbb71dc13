package main

import (
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
)

const module = "github.com/customerops/terraform-provider-crm"

// repo is the repository's root, two folders up.
var repo = filepath.Join("..", "..")

func TestTargetsAreGoosByGoarchLessIgnore(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "g.yml")
	src := `version: 2
builds:
  - goos: [linux, darwin, windows]
    goarch: [amd64, arm, arm64]
    goarm: ["6", "7"]
    ignore:
      - goos: darwin
        goarch: arm
      - goos: windows
        goarch: arm
      - goos: linux
        goarch: arm
        goarm: "7"
`
	if err := os.WriteFile(path, []byte(src), 0o600); err != nil {
		t.Fatal(err)
	}
	c, err := readConfig(path, module)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, tg := range c.Builds[0].Targets {
		got = append(got, tg.String())
	}
	want := []string{"linux/amd64", "linux/arm (GOARM=6)", "linux/arm64", "darwin/amd64", "darwin/arm64", "windows/amd64", "windows/arm64"}
	if !slices.Equal(got, want) {
		t.Errorf("targets %q, want %q", got, want)
	}
	if c.ProjectName != "terraform-provider-crm" {
		t.Errorf("project name %q, want the module's last element", c.ProjectName)
	}
}

// TestRepositoryAgrees is the static half of `make release-check` on the
// repository's own files: it runs in the unit tests, where it costs
// nothing, so a disagreement shows before anything is built.
func TestRepositoryAgrees(t *testing.T) {
	c, err := readConfig(filepath.Join(repo, ".goreleaser.yml"), module)
	if err != nil {
		t.Fatal(err)
	}
	problems, s := staticChecks(c, repo, "1.2.3", ports(t))
	for _, p := range problems {
		t.Error(p)
	}
	if !slices.Equal(s.Protocols, []string{"6.0"}) || s.Type != "crm" || s.Const != "6.0" {
		t.Errorf("main package: %+v, want protocol 6.0, type crm, protocolVersion 6.0", s)
	}
	if len(c.Builds) != 1 || len(c.Builds[0].Targets) < 10 {
		t.Errorf("builds %+v: want one with the release's targets", c.Builds)
	}
}

// TestDisagreementsAreNamed breaks the repository's files one way at a
// time, in a copy, and checks the message names what disagrees.
func TestDisagreementsAreNamed(t *testing.T) {
	cases := []struct {
		name, file, old, new, msg string
	}{
		{"a port Go dropped", ".goreleaser.yml", "      - goos: windows\n        goarch: arm\n", "",
			"builds windows/arm, which this Go"},
		{"manifest protocol", registryManifest, `["6.0"]`, `["5.0"]`,
			`lists protocol_versions ["5.0"], but the provider serves protocol 6.0`},
		{"manifest version", registryManifest, `"version": 1`, `"version": 2`, "version must be 1"},
		{"archive name", ".goreleaser.yml", `{{ .Os }}_{{ .Arch }}`, `{{ .Arch }}_{{ .Os }}`,
			`makes "terraform-provider-crm_1.2.3_amd64_freebsd", but the Terraform Registry requires "terraform-provider-crm_1.2.3_freebsd_amd64"`},
		{"archive format", ".goreleaser.yml", "formats: [zip]", "formats: [tar.gz]", "zip archives only"},
		{"binary name", ".goreleaser.yml", `binary: "{{ .ProjectName }}_v{{ .Version }}"`, `binary: "{{ .ProjectName }}"`,
			`binary "{{ .ProjectName }}" makes "terraform-provider-crm", but the Terraform Registry requires "terraform-provider-crm_v1.2.3"`},
		{"checksum name", ".goreleaser.yml", "_SHA256SUMS", "_checksums.txt", `requires "terraform-provider-crm_1.2.3_SHA256SUMS"`},
		{"manifest name", ".goreleaser.yml", "{{ .Version }}_manifest.json\"\n  name_template", "{{ .Version }}.json\"\n  name_template",
			`checksum.extra_files[0].name_template "{{ .ProjectName }}_{{ .Version }}.json" makes`},
		{"unknown template field", ".goreleaser.yml", "_SHA256SUMS", "_{{ .Commit }}_SHA256SUMS", `map has no entry for key "Commit"`},
		{"version not stamped", ".goreleaser.yml", "-X main.version={{.Version}}", "-X main.Version={{.Version}}", "do not stamp the version"},
		{"two arm variants", ".goreleaser.yml", "    ignore:\n", "    goarm: [\"6\", \"7\"]\n    ignore:\n",
			"would both be archived as terraform-provider-crm_1.2.3_linux_arm.zip"},
		{"cgo", ".goreleaser.yml", "- CGO_ENABLED=0", "- CGO_ENABLED=1", "env lacks CGO_ENABLED=0"},
		{"protocol constant", "main.go", `const protocolVersion = "6.0"`, `const protocolVersion = "5.0"`,
			`protocolVersion is "5.0" (what ` + "`version`" + ` prints), but the provider serves protocol 6.0`},
	}
	ports := ports(t)
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			for _, f := range []string{".goreleaser.yml", registryManifest, "main.go"} {
				src, err := os.ReadFile(filepath.Join(repo, f))
				if err != nil {
					t.Fatal(err)
				}
				if f == tc.file {
					if !strings.Contains(string(src), tc.old) {
						t.Fatalf("%s lacks %q: the test needs updating", f, tc.old)
					}
					src = []byte(strings.Replace(string(src), tc.old, tc.new, 1))
				}
				if err := os.WriteFile(filepath.Join(dir, f), src, 0o600); err != nil {
					t.Fatal(err)
				}
			}
			c, err := readConfig(filepath.Join(dir, ".goreleaser.yml"), module)
			if err != nil {
				t.Fatal(err)
			}
			problems, _ := staticChecks(c, dir, "1.2.3", ports)
			// One problem, or one per target where the break touches several.
			if !slices.ContainsFunc(problems, func(p string) bool { return strings.Contains(p, tc.msg) }) || len(problems) > 2 {
				t.Errorf("problems %q, want one containing %q", problems, tc.msg)
			}
		})
	}
}

func ports(t *testing.T) map[string]bool {
	t.Helper()
	p, err := distList()
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// TestCheckELF reads this test binary: the host's format and machine
// pass, another architecture's do not.
func TestCheckELF(t *testing.T) {
	if runtime.GOOS != "linux" || (runtime.GOARCH != "amd64" && runtime.GOARCH != "arm64") {
		t.Skip("reads the test binary as a linux/amd64 or linux/arm64 ELF file")
	}
	self := os.Args[0]
	if _, err := checkELF(self, expect{Target: target{GOOS: "linux", GOARCH: runtime.GOARCH}}); err != nil {
		t.Errorf("host: %v", err)
	}
	other := map[string]string{"amd64": "arm64", "arm64": "amd64"}[runtime.GOARCH]
	if _, err := checkELF(self, expect{Target: target{GOOS: "linux", GOARCH: other}}); err == nil || !strings.Contains(err.Error(), "want ELFCLASS64") {
		t.Errorf("as %s: %v, want a machine mismatch", other, err)
	}
	if _, err := checkELF(self, expect{Target: target{GOOS: "freebsd", GOARCH: runtime.GOARCH}}); err == nil || !strings.Contains(err.Error(), "OS/ABI") {
		t.Errorf("as freebsd: %v, want an OS/ABI mismatch", err)
	}
	if _, err := checkPE(self, expect{Target: target{GOOS: "windows", GOARCH: runtime.GOARCH}}); err == nil || !strings.Contains(err.Error(), "not a PE file") {
		t.Errorf("as windows: %v, want not a PE file", err)
	}
}
