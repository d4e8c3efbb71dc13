package main

import (
	"fmt"
	"os"
	"slices"
	"strings"
	"text/template"
)

// config is what the check reads from .goreleaser.yml.
type config struct {
	ProjectName    string // project_name, or the module's last path element
	Builds         []build
	Archives       int      // entries in archives
	ArchiveFormats []string // archives[0].formats (or the older format)
	ArchiveName    string   // archives[0].name_template
	ChecksumName   string   // checksum.name_template
	ChecksumAlgo   string   // checksum.algorithm
	ChecksumExtra  []extraFile
	ReleaseExtra   []extraFile
	SignsChecksum  bool // a signs entry signs the checksum file
}

// build is one entry of builds:.
type build struct {
	ID      string
	Main    string   // main, default "."
	Binary  string   // binary name template
	Env     []string // env, as KEY=VALUE templates
	Flags   []string
	Ldflags []string // templates
	Targets []target // goos x goarch (x variant) less ignore
}

// target is one GOOS/GOARCH pair, with the variant goreleaser sets for
// the architecture (GOARM=6 for arm, GOAMD64=v1 for amd64, ...).
type target struct {
	GOOS, GOARCH string
	VariantVar   string // GOARM, GOAMD64, GO386, GOARM64 or ""
	Variant      string
}

// goDefaults are Go's own defaults of the variant variables (GOARM's when
// cross-compiling); a target names its variant only where it differs.
var goDefaults = map[string]string{"GOARM": "7", "GOAMD64": "v1", "GO386": "sse2", "GOARM64": "v8.0"}

func (t target) String() string {
	if t.VariantVar == "" || goDefaults[t.VariantVar] == t.Variant {
		return t.GOOS + "/" + t.GOARCH
	}
	return fmt.Sprintf("%s/%s (%s=%s)", t.GOOS, t.GOARCH, t.VariantVar, t.Variant)
}

// dir is the target's output folder name.
func (t target) dir() string {
	s := t.GOOS + "_" + t.GOARCH
	if t.Variant != "" {
		s += "_" + t.Variant
	}
	return s
}

type extraFile struct{ Glob, NameTemplate string }

// variants are the per-architecture settings goreleaser (v2) expands a
// build by, with its defaults; each becomes the environment variable.
var variants = map[string]struct{ key, env, def string }{
	"arm":   {"goarm", "GOARM", "6"},
	"amd64": {"goamd64", "GOAMD64", "v1"},
	"386":   {"go386", "GO386", "sse2"},
	"arm64": {"goarm64", "GOARM64", "v8.0"},
}

// readConfig reads path (goreleaser v2 YAML). module is the Go module
// path, the project name's default.
func readConfig(path, module string) (*config, error) {
	src, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	doc, err := parseYAML(string(src))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	r := &reader{}
	c := r.config(doc, module)
	if len(r.errs) > 0 {
		return nil, fmt.Errorf("%s: %s", path, strings.Join(r.errs, "; "))
	}
	return c, nil
}

// reader turns the parsed YAML into a config, collecting every problem.
type reader struct{ errs []string }

func (r *reader) fail(format string, args ...any) {
	r.errs = append(r.errs, fmt.Sprintf(format, args...))
}

func (r *reader) mapping(v any, path string) map[string]any {
	if v == nil {
		return nil
	}
	m, ok := v.(map[string]any)
	if !ok {
		r.fail("%s is not a mapping", path)
	}
	return m
}

func (r *reader) list(v any, path string) []any {
	if v == nil {
		return nil
	}
	l, ok := v.([]any)
	if !ok {
		r.fail("%s is not a list", path)
	}
	return l
}

func (r *reader) str(v any, path string) string {
	if v == nil {
		return ""
	}
	s, ok := v.(string)
	if !ok {
		r.fail("%s is not a string", path)
	}
	return s
}

// strs reads a list of strings, or one string as a list of one.
func (r *reader) strs(v any, path string) []string {
	if s, ok := v.(string); ok {
		return []string{s}
	}
	var out []string
	for i, e := range r.list(v, path) {
		out = append(out, r.str(e, fmt.Sprintf("%s[%d]", path, i)))
	}
	return out
}

func (r *reader) config(doc any, module string) *config {
	top := r.mapping(doc, "the file")
	c := &config{ProjectName: r.str(top["project_name"], "project_name")}
	if c.ProjectName == "" {
		c.ProjectName = module[strings.LastIndex(module, "/")+1:]
	}
	if v := r.str(top["version"], "version"); v != "2" {
		r.fail("version is %q, want 2 (goreleaser v2 configuration)", v)
	}
	builds := r.list(top["builds"], "builds")
	for i, b := range builds {
		c.Builds = append(c.Builds, r.build(b, fmt.Sprintf("builds[%d]", i)))
	}
	archives := r.list(top["archives"], "archives")
	c.Archives = len(archives)
	if len(archives) > 0 {
		a := r.mapping(archives[0], "archives[0]")
		c.ArchiveFormats = r.strs(a["formats"], "archives[0].formats")
		if f := r.str(a["format"], "archives[0].format"); f != "" {
			c.ArchiveFormats = append(c.ArchiveFormats, f)
		}
		c.ArchiveName = r.str(a["name_template"], "archives[0].name_template")
	}
	sum := r.mapping(top["checksum"], "checksum")
	c.ChecksumName = r.str(sum["name_template"], "checksum.name_template")
	c.ChecksumAlgo = r.str(sum["algorithm"], "checksum.algorithm")
	c.ChecksumExtra = r.extraFiles(sum["extra_files"], "checksum.extra_files")
	c.ReleaseExtra = r.extraFiles(r.mapping(top["release"], "release")["extra_files"], "release.extra_files")
	for i, s := range r.list(top["signs"], "signs") {
		if r.str(r.mapping(s, fmt.Sprintf("signs[%d]", i))["artifacts"], fmt.Sprintf("signs[%d].artifacts", i)) == "checksum" {
			c.SignsChecksum = true
		}
	}
	return c
}

func (r *reader) extraFiles(v any, path string) []extraFile {
	var out []extraFile
	for i, e := range r.list(v, path) {
		m := r.mapping(e, fmt.Sprintf("%s[%d]", path, i))
		out = append(out, extraFile{
			Glob:         r.str(m["glob"], fmt.Sprintf("%s[%d].glob", path, i)),
			NameTemplate: r.str(m["name_template"], fmt.Sprintf("%s[%d].name_template", path, i)),
		})
	}
	return out
}

func (r *reader) build(v any, path string) build {
	m := r.mapping(v, path)
	b := build{
		ID:      r.str(m["id"], path+".id"),
		Main:    r.str(m["main"], path+".main"),
		Binary:  r.str(m["binary"], path+".binary"),
		Env:     r.strs(m["env"], path+".env"),
		Flags:   r.strs(m["flags"], path+".flags"),
		Ldflags: r.strs(m["ldflags"], path+".ldflags"),
	}
	if b.Main == "" {
		b.Main = "."
	}
	for _, k := range []string{"targets", "builder", "dir", "gobinary", "command", "skip"} {
		if _, ok := m[k]; ok {
			r.fail("%s.%s is set; release-check does not read it, so it would not build what goreleaser builds", path, k)
		}
	}
	goos := r.strs(m["goos"], path+".goos")
	goarch := r.strs(m["goarch"], path+".goarch")
	if len(goos) == 0 || len(goarch) == 0 {
		r.fail("%s lists no goos or no goarch (release-check reads the targets from the file, not goreleaser's defaults)", path)
	}
	vals := map[string][]string{}
	for arch, v := range variants {
		vals[arch] = r.strs(m[v.key], path+"."+v.key)
		if len(vals[arch]) == 0 {
			vals[arch] = []string{v.def}
		}
	}
	var ignore []map[string]string
	for i, e := range r.list(m["ignore"], path+".ignore") {
		p := fmt.Sprintf("%s.ignore[%d]", path, i)
		ig := map[string]string{}
		for k, v := range r.mapping(e, p) {
			ig[k] = r.str(v, p+"."+k)
		}
		ignore = append(ignore, ig)
	}
	for _, gos := range goos {
		for _, arch := range goarch {
			v, has := variants[arch]
			list := []string{""}
			if has {
				list = vals[arch]
			}
			for _, val := range list {
				t := target{GOOS: gos, GOARCH: arch}
				fields := map[string]string{"goos": gos, "goarch": arch}
				if has {
					t.VariantVar, t.Variant = v.env, val
					fields[v.key] = val
				}
				if !ignored(ignore, fields) && !slices.Contains(b.Targets, t) {
					b.Targets = append(b.Targets, t)
				}
			}
		}
	}
	return b
}

// ignored: an ignore entry matches when every field it names matches.
func ignored(ignore []map[string]string, fields map[string]string) bool {
	for _, ig := range ignore {
		match := len(ig) > 0
		for k, v := range ig {
			if fields[k] != v {
				match = false
			}
		}
		if match {
			return true
		}
	}
	return false
}

// render executes a goreleaser name template for target t (t may be the
// zero target for names that are the same for every target). It knows
// the fields goreleaser gives that these names use; a template that uses
// any other fails with its name.
func render(name, tmpl, project, version string, t target) (string, error) {
	tp, err := template.New(name).Option("missingkey=error").Parse(tmpl)
	if err != nil {
		return "", fmt.Errorf("%s %q: %w", name, tmpl, err)
	}
	env := map[string]string{}
	for _, kv := range os.Environ() {
		if k, v, ok := strings.Cut(kv, "="); ok {
			env[k] = v
		}
	}
	data := map[string]any{
		"ProjectName": project,
		"Version":     version,
		"RawVersion":  version,
		"Tag":         "v" + version,
		"Os":          t.GOOS,
		"Arch":        t.GOARCH,
		"Arm":         "",
		"Amd64":       "",
		"Target":      t.dir(),
		"Env":         env,
	}
	switch t.VariantVar {
	case "GOARM":
		data["Arm"] = t.Variant
	case "GOAMD64":
		data["Amd64"] = t.Variant
	}
	var b strings.Builder
	if err := tp.Execute(&b, data); err != nil {
		return "", fmt.Errorf("%s %q: %w", name, tmpl, err)
	}
	return b.String(), nil
}
