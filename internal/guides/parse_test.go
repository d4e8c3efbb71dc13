// Package guides runs the user guides: every fenced block of
// templates/guides/*.md.tmpl is either run against a sandbox, in order, with
// the real CLI and a freshly built provider (guides_acc_test.go), or marked in
// the template as not run, with the reason. The blocks are read from the
// templates themselves, so what a reader copies is what the test runs.
//
// How a block is classified (markers are HTML comments on the lines just
// before the block, hidden when the guide is rendered):
//
//	```shell ... ```              run by bash in the working directory, after
//	                              the blocks before it, as in one terminal:
//	                              variables, functions and the directory
//	                              carry over; it stops at the first command
//	                              that fails (-e), and must exit with 0
//	<!-- guide: exit 2 -->        ... and it must exit with 2, not 0
//	<!-- guide: sandbox -->       a shell block of one `terraform-provider-crm
//	                              sandbox ...` line: the test starts it in the
//	                              background (on a free port instead of the
//	                              -listen address), exports the `export` lines
//	                              it prints, and stops it at the end
//	```text ... ```               an excerpt of what the last shell block (or
//	                              the sandbox) printed: each line must appear,
//	                              in order, within a line of the output; `...`
//	                              lines stand for lines left out
//	```hcl (any language)         a file written into the working directory,
//	# main.tf                     named by its first line (a comment holding
//	                              only a file name) or by
//	<!-- guide: file main.tf -->  this marker
//	{{ tffile "examples/x/y.tf" }} the repository's file, written as y.tf
//	<!-- guide: excerpt of F -->  an excerpt of file F as the commands before
//	                              it left it (same rules as ```text); or
//	<!-- guide: excerpt -->       with F named by the block's first line
//	<!-- guide: not run: WHY -->  shown only; WHY is required
//
// Anything else fails the test: a block nobody can run must say why.
//
// A guide may have parts, each run on its own (its own sandbox and working
// directory) with the blocks outside any part:
//
//	<!-- guide: part NAME[, every CLI][, needs terraform query] -->
//	<!-- guide: end part -->
//
// Parts marked "every CLI" run on every CLI of the matrix (TestAccGuides);
// the rest only in the Terraform 1.16.4 pass (TestAccGuidesOnce). "needs
// terraform query" gates a part on acctest.QueryCLI.
package guides

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// Kind is what the test does with a block.
type Kind int

const (
	NotRun    Kind = iota // shown only
	Shell                 // run by bash
	Sandbox               // the sandbox, started in the background
	WriteFile             // written into the working directory
	Excerpt               // compared with a file the commands left
	Output                // compared with the last shell block's output
)

func (k Kind) String() string {
	return [...]string{"not run", "shell", "sandbox", "file", "excerpt", "output"}[k]
}

// Block is one fenced block of a guide.
type Block struct {
	Line   int // of the opening fence in the template (1-based)
	Lang   string
	Body   string
	Kind   Kind
	File   string // WriteFile, Excerpt: the file's path in the working directory
	Exit   int    // Shell: the expected exit status
	Reason string // NotRun: why
	Part   string // "" outside any part
}

// Part is a named part of a guide.
type Part struct {
	Name     string
	EveryCLI bool // run on every CLI of the matrix
	Query    bool // needs `terraform query` (acctest.QueryCLI)
}

// Guide is one template of templates/guides.
type Guide struct {
	Name   string // the file name without .md.tmpl
	Path   string
	Blocks []Block
	Parts  []Part
}

// Run is what one subtest executes: the blocks outside any part and those
// of one part, in the template's order.
type Run struct {
	Guide  *Guide
	Part   Part // zero for a guide without parts
	Blocks []Block
}

// Name is the subtest's name: the guide's, and its part's.
func (r Run) Name() string {
	if r.Part.Name == "" {
		return r.Guide.Name
	}
	return r.Guide.Name + "/" + r.Part.Name
}

// Runs are the guide's runs that execute anything.
func (g *Guide) Runs() []Run {
	parts := g.Parts
	if len(parts) == 0 {
		parts = []Part{{}}
	}
	var out []Run
	for _, p := range parts {
		r := Run{Guide: g, Part: p}
		runs := false
		for _, b := range g.Blocks {
			if b.Part == "" || b.Part == p.Name {
				r.Blocks = append(r.Blocks, b)
				runs = runs || b.Kind != NotRun
			}
		}
		if runs {
			out = append(out, r)
		}
	}
	return out
}

var (
	markerRE   = regexp.MustCompile(`^\s*<!--\s*guide:\s*(.*?)\s*-->\s*$`)
	fenceRE    = regexp.MustCompile("^(\\s*)(```+)\\s*([A-Za-z0-9_+-]*)\\s*$")
	tffileRE   = regexp.MustCompile(`^\s*\{\{-?\s*tffile\s+"([^"]+)"\s*-?\}\}\s*$`)
	fileLineRE = regexp.MustCompile(`^#\s*([A-Za-z0-9_.\-/]*[A-Za-z0-9_-]\.[A-Za-z0-9.]+)\s*$`)
	partRE     = regexp.MustCompile(`^part\s+([a-z0-9-]+)((?:\s*,\s*[A-Za-z ]+)*)$`)
)

var (
	shellLangs = []string{"shell", "sh", "bash"}
	textLangs  = []string{"text", "txt", "output"}
)

// repoRoot is the repository, two levels above this package.
func repoRoot() (string, error) {
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		return "", err
	}
	if _, err := os.Stat(filepath.Join(root, "go.mod")); err != nil {
		return "", fmt.Errorf("no go.mod in %s: %w", root, err)
	}
	return root, nil
}

// LoadGuides parses every template of templates/guides.
func LoadGuides() ([]*Guide, error) {
	root, err := repoRoot()
	if err != nil {
		return nil, err
	}
	paths, err := filepath.Glob(filepath.Join(root, "templates", "guides", "*.md.tmpl"))
	if err != nil {
		return nil, err
	}
	if len(paths) == 0 {
		return nil, fmt.Errorf("no guides in %s/templates/guides", root)
	}
	var out []*Guide
	for _, p := range paths {
		g, err := ParseGuide(root, p)
		if err != nil {
			return nil, err
		}
		out = append(out, g)
	}
	return out, nil
}

// ParseGuide reads and classifies the blocks of one template.
func ParseGuide(root, path string) (*Guide, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	g := &Guide{Name: strings.TrimSuffix(filepath.Base(path), ".md.tmpl"), Path: path}
	rel, _ := filepath.Rel(root, path)
	fail := func(line int, format string, args ...any) error {
		return fmt.Errorf("%s:%d: %s", rel, line, fmt.Sprintf(format, args...))
	}

	var (
		markers    []string // markers waiting for their block
		markerLine int
		part       string
		sc         = bufio.NewScanner(f)
		n          int
	)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	next := func() (string, bool) {
		if !sc.Scan() {
			return "", false
		}
		n++
		return sc.Text(), true
	}
	for {
		line, ok := next()
		if !ok {
			break
		}
		if m := markerRE.FindStringSubmatch(line); m != nil {
			switch {
			case strings.HasPrefix(m[1], "part ") || m[1] == "end part":
				if len(markers) > 0 {
					return nil, fail(markerLine, "marker %q is not followed by a block", markers[0])
				}
				if m[1] == "end part" {
					part = ""
					continue
				}
				p, err := parsePart(m[1])
				if err != nil {
					return nil, fail(n, "%v", err)
				}
				if slices.ContainsFunc(g.Parts, func(q Part) bool { return q.Name == p.Name }) {
					return nil, fail(n, "part %q declared twice", p.Name)
				}
				g.Parts = append(g.Parts, p)
				part = p.Name
			default:
				if len(markers) == 0 {
					markerLine = n
				}
				markers = append(markers, m[1])
			}
			continue
		}
		if tf := tffileRE.FindStringSubmatch(line); tf != nil {
			body, err := os.ReadFile(filepath.Join(root, tf[1]))
			if err != nil {
				return nil, fail(n, "tffile: %v", err)
			}
			b := Block{Line: n, Lang: "terraform", Body: string(body), Part: part}
			if err := classify(&b, append(markers, "file "+filepath.Base(tf[1]))); err != nil {
				return nil, fail(n, "%v", err)
			}
			g.Blocks = append(g.Blocks, b)
			markers = nil
			continue
		}
		fence := fenceRE.FindStringSubmatch(line)
		if fence == nil {
			if strings.TrimSpace(line) != "" && len(markers) > 0 {
				return nil, fail(markerLine, "marker %q is not followed by a block", markers[0])
			}
			continue
		}
		indent, ticks := fence[1], fence[2]
		b := Block{Line: n, Lang: fence[3], Part: part}
		var body []string
		closed := false
		for {
			l, ok := next()
			if !ok {
				break
			}
			if strings.TrimSpace(l) == ticks {
				closed = true
				break
			}
			body = append(body, strings.TrimPrefix(l, indent))
		}
		if !closed {
			return nil, fail(b.Line, "the block is not closed")
		}
		b.Body = strings.Join(body, "\n") + "\n"
		if err := classify(&b, markers); err != nil {
			return nil, fail(b.Line, "%v", err)
		}
		g.Blocks = append(g.Blocks, b)
		markers = nil
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	if len(markers) > 0 {
		return nil, fail(markerLine, "marker %q is not followed by a block", markers[0])
	}
	for _, r := range g.Runs() {
		if err := checkRun(r); err != nil {
			return nil, fmt.Errorf("%s: %s: %w", rel, r.Name(), err)
		}
	}
	return g, nil
}

func parsePart(s string) (Part, error) {
	m := partRE.FindStringSubmatch(s)
	if m == nil {
		return Part{}, fmt.Errorf("cannot read %q: want `part NAME[, every CLI][, needs terraform query]`", s)
	}
	p := Part{Name: m[1]}
	for opt := range strings.SplitSeq(m[2], ",") {
		switch strings.TrimSpace(opt) {
		case "":
		case "every CLI":
			p.EveryCLI = true
		case "needs terraform query":
			p.Query = true
		default:
			return Part{}, fmt.Errorf("part %s: unknown option %q", p.Name, strings.TrimSpace(opt))
		}
	}
	return p, nil
}

// classify sets b's kind from its markers, language and first line.
func classify(b *Block, markers []string) error {
	var sandbox, hasExit bool
	for _, m := range markers {
		switch {
		case strings.HasPrefix(m, "not run:"):
			b.Kind, b.Reason = NotRun, strings.TrimSpace(strings.TrimPrefix(m, "not run:"))
			if b.Reason == "" {
				return fmt.Errorf("`not run:` needs a reason")
			}
			return nil // shown only, whatever else it says
		case strings.HasPrefix(m, "exit "):
			code, err := strconv.Atoi(strings.TrimSpace(strings.TrimPrefix(m, "exit ")))
			if err != nil || code < 0 || code > 255 {
				return fmt.Errorf("cannot read the exit status in %q", m)
			}
			b.Exit, hasExit = code, true
		case m == "sandbox":
			sandbox = true
		case strings.HasPrefix(m, "file "):
			b.File = strings.TrimSpace(strings.TrimPrefix(m, "file "))
		case m == "excerpt":
			b.Kind = Excerpt
		case strings.HasPrefix(m, "excerpt of "):
			b.Kind, b.File = Excerpt, strings.TrimSpace(strings.TrimPrefix(m, "excerpt of "))
		default:
			return fmt.Errorf("unknown marker %q", m)
		}
	}
	if b.File == "" {
		if first, _, _ := strings.Cut(b.Body, "\n"); fileLineRE.MatchString(first) {
			b.File = fileLineRE.FindStringSubmatch(first)[1]
		}
	}
	if b.Kind == Excerpt {
		if b.File == "" || sandbox || hasExit {
			return fmt.Errorf("an excerpt names one file (`excerpt of FILE`, or `excerpt` and a first line `# FILE`) and takes no other marker")
		}
		return nil
	}
	if strings.Contains(b.Body, "{{") {
		return fmt.Errorf("a block that runs cannot hold a template action ({{ ... }}); mark it `not run:` or write it out")
	}
	switch {
	case b.File != "":
		if sandbox || hasExit {
			return fmt.Errorf("a file block (%s) takes no `sandbox` or `exit` marker", b.File)
		}
		if filepath.IsAbs(b.File) || slices.Contains(strings.Split(b.File, "/"), "..") {
			return fmt.Errorf("file %q must stay inside the working directory", b.File)
		}
		b.Kind = WriteFile
	case slices.Contains(shellLangs, b.Lang):
		b.Kind = Shell
		if sandbox {
			if hasExit {
				return fmt.Errorf("the sandbox block takes no `exit` marker")
			}
			if _, err := sandboxArgs(b.Body); err != nil {
				return err
			}
			b.Kind = Sandbox
		}
	case slices.Contains(textLangs, b.Lang):
		if sandbox || hasExit {
			return fmt.Errorf("an output block takes no `sandbox` or `exit` marker")
		}
		b.Kind = Output
	default:
		return fmt.Errorf("cannot classify a %q block: name the file it is (first line `# name.ext` or "+
			"<!-- guide: file NAME -->), or mark it <!-- guide: not run: WHY -->", b.Lang)
	}
	return nil
}

// sandboxArgs reads the one command of a sandbox block: its arguments after
// the program name, with -listen replaced by a free port.
func sandboxArgs(body string) ([]string, error) {
	var lines []string
	for l := range strings.SplitSeq(strings.TrimSpace(body), "\n") {
		if l = strings.TrimSpace(l); l != "" && !strings.HasPrefix(l, "#") {
			lines = append(lines, l)
		}
	}
	if len(lines) != 1 {
		return nil, fmt.Errorf("a sandbox block holds one command, not %d lines", len(lines))
	}
	cmd, _, _ := strings.Cut(lines[0], " #")
	words := strings.Fields(cmd)
	if len(words) < 2 || words[0] != "terraform-provider-crm" || words[1] != "sandbox" {
		return nil, fmt.Errorf("a sandbox block runs `terraform-provider-crm sandbox ...`, not %q", lines[0])
	}
	args := []string{"sandbox"}
	for i := 2; i < len(words); i++ {
		w := words[i]
		switch {
		case w == "-listen" || w == "--listen":
			i++ // its value
		case strings.HasPrefix(w, "-listen=") || strings.HasPrefix(w, "--listen="):
		case strings.ContainsAny(w, `"'$;&|<>()`+"`"):
			return nil, fmt.Errorf("the sandbox command is run without a shell: %q cannot be in it", w)
		default:
			args = append(args, w)
		}
	}
	return append(args, "-listen", "127.0.0.1:0"), nil
}

// checkRun checks what can be checked without running: output blocks follow
// a command, a run starts its sandbox once.
func checkRun(r Run) error {
	ran, sandboxes := false, 0
	for _, b := range r.Blocks {
		switch b.Kind {
		case Shell:
			ran = true
		case Sandbox:
			ran = true
			sandboxes++
		case Output:
			if !ran {
				return fmt.Errorf("line %d: an output block with no command before it", b.Line)
			}
		}
	}
	if sandboxes > 1 {
		return fmt.Errorf("%d sandbox blocks: a run starts one sandbox (put the others in parts)", sandboxes)
	}
	return nil
}

// MatchExcerpt checks that every line of want (blank and `...` lines
// aside) appears in got, in order, within one line of got, with the white
// space around each line removed; the next is looked for after it, further
// along the same line of got (one-line JSON) or in the lines after it.
func MatchExcerpt(want, got string) error {
	gotLines := strings.Split(got, "\n")
	for i := range gotLines {
		gotLines[i] = strings.TrimSpace(gotLines[i])
	}
	line, col := 0, 0
	for w := range strings.SplitSeq(want, "\n") {
		w = strings.TrimSpace(w)
		if w == "" || w == "..." || w == "…" {
			continue
		}
		found := false
		for ; line < len(gotLines); line, col = line+1, 0 {
			if i := strings.Index(gotLines[line][col:], w); i >= 0 {
				found, col = true, col+i+len(w)
				break
			}
		}
		if !found {
			return fmt.Errorf("line %q not found (in order)", w)
		}
	}
	return nil
}

// TestGuides_everyBlockClassified: every block of every guide runs or says
// why it does not, without TF_ACC, so an unmarked block fails `make unit`
// too.
func TestGuides_everyBlockClassified(t *testing.T) {
	guides, err := LoadGuides()
	if err != nil {
		t.Fatal(err)
	}
	for _, g := range guides {
		counts := map[Kind]int{}
		for _, b := range g.Blocks {
			counts[b.Kind]++
		}
		t.Logf("%s: %d blocks (%d shell, %d files, %d outputs, %d excerpts, %d sandboxes, %d not run); runs %d",
			g.Name, len(g.Blocks), counts[Shell], counts[WriteFile], counts[Output], counts[Excerpt], counts[Sandbox], counts[NotRun], len(g.Runs()))
	}
}

func TestMatchExcerpt(t *testing.T) {
	got := "first\n  Plan: 0 to add, 1 to change, 0 to destroy.\nsecond\nthird\n"
	for _, tc := range []struct {
		want string
		ok   bool
	}{
		{"Plan: 0 to add, 1 to change", true},
		{"first\n...\nthird", true},
		{"  second  \n\nthird", true},
		{"third\nsecond", false},
		{"fourth", false},
		{"0 to add\n1 to change", true},
		{"1 to change\n0 to add", false},
	} {
		if err := MatchExcerpt(tc.want, got); (err == nil) != tc.ok {
			t.Errorf("MatchExcerpt(%q): %v, want ok=%v", tc.want, err, tc.ok)
		}
	}
}

func TestClassify(t *testing.T) {
	for _, tc := range []struct {
		lang, body string
		markers    []string
		kind       Kind
		file       string
		err        bool
	}{
		{"shell", "terraform plan\n", nil, Shell, "", false},
		{"hcl", "# main.tf\nresource \"x\" \"y\" {}\n", nil, WriteFile, "main.tf", false},
		{"hcl", "resource \"x\" \"y\" {}\n", nil, 0, "", true},
		{"hcl", "resource \"x\" \"y\" {}\n", []string{"not run: an excerpt"}, NotRun, "", false},
		{"hcl", "resource \"x\" \"y\" {}\n", []string{"not run:"}, 0, "", true},
		{"yaml", "# .github/workflows/drift.yml\non: push\n", nil, WriteFile, ".github/workflows/drift.yml", false},
		{"hcl", "# ../main.tf\n", nil, 0, "", true},
		{"", "something\n", nil, 0, "", true},
		{"text", "No changes.\n", nil, Output, "", false},
		{"shell", "terraform-provider-crm sandbox -listen 127.0.0.1:8080\n", []string{"sandbox"}, Sandbox, "", false},
		{"shell", "terraform-provider-crm sandbox > out &\n", []string{"sandbox"}, 0, "", true},
		{"shell", "terraform plan -detailed-exitcode\n", []string{"exit 2"}, Shell, "", false},
		{"shell", "echo ${{ secrets.X }}\n", nil, 0, "", true},
		{"hcl", "name = 1\n", []string{"excerpt of generated.tf"}, Excerpt, "generated.tf", false},
		{"hcl", "# generated.tf\nname = 1\n", []string{"excerpt"}, Excerpt, "generated.tf", false},
		{"hcl", "name = 1\n", []string{"excerpt"}, 0, "", true},
		{"shell", "true\n", []string{"typo"}, 0, "", true},
	} {
		b := Block{Lang: tc.lang, Body: tc.body}
		err := classify(&b, tc.markers)
		if (err != nil) != tc.err || (err == nil && (b.Kind != tc.kind || b.File != tc.file)) {
			t.Errorf("classify(%s %q, %q) = %v %q, %v; want %v %q, error %v", tc.lang, tc.body, tc.markers, b.Kind, b.File, err, tc.kind, tc.file, tc.err)
		}
	}
	if args, err := sandboxArgs("terraform-provider-crm sandbox -normalize -listen 127.0.0.1:8080 # the default address\n"); err != nil ||
		strings.Join(args, " ") != "sandbox -normalize -listen 127.0.0.1:0" {
		t.Errorf("sandboxArgs = %q, %v", args, err)
	}
}
