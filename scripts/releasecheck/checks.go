package main

import (
	"encoding/json"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
)

// registryManifest is the file the Terraform Registry reads the protocol
// versions from; goreleaser must publish it (and list it in the checksums)
// as <project>_<version>_manifest.json.
const registryManifest = "terraform-registry-manifest.json"

// semver is a version the Terraform Registry takes (no leading v).
var semver = regexp.MustCompile(`^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$`)

// served is what the main package says about the provider it serves.
type served struct {
	Protocols []string // plugin protocol versions it serves ("6.0")
	Const     string   // its protocolVersion constant, if it has one
	Type      string   // the provider type of its registry address ("crm")
}

// staticChecks compares .goreleaser.yml (c), the registry manifest and
// the main package with each other and with the Terraform Registry's
// naming. ports is `go tool dist list` as a set. It returns every
// disagreement, each a sentence naming both sides.
func staticChecks(c *config, root, version string, ports map[string]bool) (problems []string, s served) {
	fail := func(format string, args ...any) { problems = append(problems, fmt.Sprintf(format, args...)) }
	if !semver.MatchString(version) {
		fail("version %q is not a semantic version without a leading v, which the Terraform Registry requires", version)
	}
	p := c.ProjectName
	if !regexp.MustCompile(`^terraform-provider-[a-z0-9-]+$`).MatchString(p) {
		fail("the project name %q (.goreleaser.yml project_name, or the module's last path element) is not terraform-provider-<name>, the Terraform Registry's repository and file name", p)
	}
	// want is a name the Registry requires; it names every mismatch.
	want := func(what, tmpl, wantName string, t target) {
		got, err := render(what, tmpl, p, version, t)
		switch {
		case err != nil:
			fail(".goreleaser.yml %s: %v", what, err)
		case got != wantName:
			fail(".goreleaser.yml %s %q makes %q, but the Terraform Registry requires %q", what, tmpl, got, wantName)
		}
	}

	// The builds: targets Go can build, flags the Registry's users need.
	if len(c.Builds) == 0 {
		fail(".goreleaser.yml builds lists no build")
	}
	for i, b := range c.Builds {
		name := fmt.Sprintf("builds[%d]", i)
		if b.ID != "" {
			name += " (" + b.ID + ")"
		}
		if !slices.Contains(b.Env, "CGO_ENABLED=0") {
			fail(".goreleaser.yml %s: env lacks CGO_ENABLED=0; the binaries must be static (HCP Terraform and CI runners cannot install C libraries)", name)
		}
		if !slices.Contains(b.Flags, "-trimpath") {
			fail(".goreleaser.yml %s: flags lack -trimpath (reproducible binaries without the builder's paths)", name)
		}
		ld, err := render(name+" ldflags", strings.Join(b.Ldflags, " "), p, version, target{})
		if err != nil {
			fail(".goreleaser.yml %v", err)
		} else if !slices.Contains(strings.Fields(ld), "main.version="+version) {
			fail(".goreleaser.yml %s: ldflags %q do not stamp the version (-X main.version={{.Version}}), so `version` would print dev", name, strings.Join(b.Ldflags, " "))
		}
		want(name+" binary", b.Binary, p+"_v"+version, target{})
		for _, t := range b.Targets {
			if !ports[t.GOOS+"/"+t.GOARCH] {
				fail(".goreleaser.yml %s builds %s/%s, which this Go (%s) cannot build (not in `go tool dist list`): add an ignore entry for it or drop it from goos/goarch", name, t.GOOS, t.GOARCH, goVersion())
			}
		}
		prot, err := mainPackage(filepath.Join(root, b.Main))
		if err != nil {
			fail("%v", err)
			continue
		}
		s = prot
	}

	// The archives: one zip per target, named as the Registry requires,
	// and no two alike (two GOARM values would share a name).
	if c.Archives != 1 {
		fail(".goreleaser.yml archives has %d entries, want one: the Terraform Registry's zip per target", c.Archives)
	}
	if !slices.Equal(c.ArchiveFormats, []string{"zip"}) {
		fail(".goreleaser.yml archives[0].formats is %q, but the Terraform Registry takes zip archives only: want [zip]", c.ArchiveFormats)
	}
	seen := map[string]target{}
	named := len(problems)
	for _, b := range c.Builds {
		for _, t := range b.Targets {
			if len(problems) == named { // the first target that mismatches says it for all
				want("archives[0].name_template (for "+t.String()+")", c.ArchiveName, fmt.Sprintf("%s_%s_%s_%s", p, version, t.GOOS, t.GOARCH), t)
			}
			name, _ := render("", c.ArchiveName, p, version, t)
			if o, dup := seen[name]; dup && o != t {
				fail("%s and %s would both be archived as %s.zip", o, t, name)
			}
			seen[name] = t
		}
	}

	// The checksums, their signature and the manifest beside them.
	want("checksum.name_template", c.ChecksumName, p+"_"+version+"_SHA256SUMS", target{})
	if c.ChecksumAlgo != "" && c.ChecksumAlgo != "sha256" {
		fail(".goreleaser.yml checksum.algorithm is %q; the Terraform Registry reads SHA256SUMS: want sha256", c.ChecksumAlgo)
	}
	if !c.SignsChecksum {
		fail(".goreleaser.yml signs nothing with artifacts: checksum; the Terraform Registry requires the SHA256SUMS file's detached signature")
	}
	for _, list := range []struct {
		key   string
		files []extraFile
	}{{"checksum.extra_files", c.ChecksumExtra}, {"release.extra_files", c.ReleaseExtra}} {
		i := slices.IndexFunc(list.files, func(f extraFile) bool { return strings.TrimPrefix(f.Glob, "./") == registryManifest })
		if i < 0 {
			fail(".goreleaser.yml %s has no entry with glob %s; the Terraform Registry needs the manifest in the release and in SHA256SUMS", list.key, registryManifest)
			continue
		}
		want(fmt.Sprintf("%s[%d].name_template", list.key, i), list.files[i].NameTemplate, p+"_"+version+"_manifest.json", target{})
	}

	// The manifest against the protocol the provider serves.
	problems = append(problems, checkManifest(filepath.Join(root, registryManifest), s)...)
	if s.Type != "" && p != "terraform-provider-"+s.Type {
		fail("the provider's registry address names type %q (main package), but the project is %q: want terraform-provider-%s", s.Type, p, s.Type)
	}
	if s.Const != "" && len(s.Protocols) == 1 && s.Const != s.Protocols[0] {
		fail("main.go's protocolVersion is %q (what `version` prints), but the provider serves protocol %s", s.Const, s.Protocols[0])
	}
	return problems, s
}

// checkManifest: version 1, and protocol_versions exactly the protocol
// the provider serves.
func checkManifest(path string, s served) []string {
	src, err := os.ReadFile(path)
	if err != nil {
		return []string{err.Error()}
	}
	var m struct {
		Version  *int `json:"version"`
		Metadata struct {
			ProtocolVersions []string `json:"protocol_versions"`
		} `json:"metadata"`
	}
	if err := json.Unmarshal(src, &m); err != nil {
		return []string{fmt.Sprintf("%s: %v", registryManifest, err)}
	}
	var problems []string
	if m.Version == nil || *m.Version != 1 {
		problems = append(problems, fmt.Sprintf("%s: version must be 1", registryManifest))
	}
	if len(s.Protocols) == 1 && !slices.Equal(m.Metadata.ProtocolVersions, s.Protocols) {
		problems = append(problems, fmt.Sprintf("%s lists protocol_versions %q, but the provider serves protocol %s (main package): want [%q]",
			registryManifest, m.Metadata.ProtocolVersions, s.Protocols[0], s.Protocols[0]))
	}
	return problems
}

// protocolOf maps what a main package uses to the protocol it serves.
var protocolOf = map[string]string{
	"github.com/hashicorp/terraform-plugin-go/tfprotov6/tf6server":   "6.0",
	"github.com/hashicorp/terraform-plugin-go/tfprotov5/tf5server":   "5.0",
	"github.com/hashicorp/terraform-plugin-mux/tf6muxserver":         "6.0",
	"github.com/hashicorp/terraform-plugin-mux/tf5muxserver":         "5.0",
	"providerserver.NewProtocol6":                                    "6.0",
	"providerserver.NewProtocol6WithError":                           "6.0",
	"providerserver.NewProtocol5":                                    "5.0",
	"providerserver.NewProtocol5WithError":                           "5.0",
	"github.com/hashicorp/terraform-plugin-sdk/v2/plugin":            "5.0",
	"github.com/hashicorp/terraform-plugin-framework/providerserver": "",
}

var registryAddress = regexp.MustCompile(`^registry\.terraform\.io/[a-z0-9-]+/([a-z0-9-]+)$`)

// mainPackage reads the main package in dir (its non-test files): the
// protocol it serves (from the server packages it imports or the
// providerserver constructor it calls), its protocolVersion constant and
// its registry address.
func mainPackage(dir string) (served, error) {
	var s served
	files, err := filepath.Glob(filepath.Join(dir, "*.go"))
	if err != nil {
		return s, err
	}
	fset := token.NewFileSet()
	found := map[string]bool{}
	for _, path := range files {
		if strings.HasSuffix(path, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, path, nil, 0)
		if err != nil {
			return s, err
		}
		if f.Name.Name != "main" {
			continue
		}
		for _, imp := range f.Imports {
			if p := protocolOf[strings.Trim(imp.Path.Value, `"`)]; p != "" {
				found[p] = true
			}
		}
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.SelectorExpr:
				if id, ok := n.X.(*ast.Ident); ok {
					if p := protocolOf[id.Name+"."+n.Sel.Name]; p != "" {
						found[p] = true
					}
				}
			case *ast.ValueSpec:
				for i, name := range n.Names {
					if name.Name == "protocolVersion" && i < len(n.Values) {
						if lit, ok := n.Values[i].(*ast.BasicLit); ok && lit.Kind == token.STRING {
							s.Const, _ = strconv.Unquote(lit.Value)
						}
					}
				}
			case *ast.BasicLit:
				if n.Kind == token.STRING {
					v, _ := strconv.Unquote(n.Value)
					if m := registryAddress.FindStringSubmatch(v); m != nil {
						s.Type = m[1]
					}
				}
			}
			return true
		})
	}
	s.Protocols = slices.Sorted(maps.Keys(found))
	switch len(s.Protocols) {
	case 0:
		return s, fmt.Errorf("the main package in %s serves no plugin protocol release-check recognises (tf6server, tf5server, providerserver.NewProtocol6/5)", dir)
	case 1:
		return s, nil
	}
	return s, fmt.Errorf("the main package in %s uses both protocols %q; the manifest lists one", dir, s.Protocols)
}
