package main

import (
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestEveryPackageSaysWhatItHolds: every package under internal/ has a
// package comment, and it names that package ("Package crud ..."), so
// `go doc` and a reader opening the folder learn what it is for.
func TestEveryPackageSaysWhatItHolds(t *testing.T) {
	dirs := map[string]bool{}
	err := filepath.WalkDir("internal", func(path string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(path, ".go") && !strings.HasSuffix(path, "_test.go") {
			dirs[filepath.Dir(path)] = true
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(dirs) < 10 {
		t.Fatalf("found only %d packages under internal/", len(dirs))
	}
	for dir := range dirs {
		pkgs, err := parser.ParseDir(token.NewFileSet(), dir, func(fi fs.FileInfo) bool {
			return !strings.HasSuffix(fi.Name(), "_test.go")
		}, parser.PackageClauseOnly|parser.ParseComments)
		if err != nil {
			t.Fatal(err)
		}
		for name, pkg := range pkgs {
			var docs []string
			for _, f := range pkg.Files {
				if f.Doc != nil {
					docs = append(docs, f.Doc.Text())
				}
			}
			switch {
			case len(docs) == 0:
				t.Errorf("%s: package %s has no package comment", dir, name)
			case len(docs) > 1:
				t.Errorf("%s: package %s has %d package comments; keep one", dir, name, len(docs))
			case !strings.HasPrefix(docs[0], "Package "+name+" ") && !strings.HasPrefix(docs[0], "Package "+name+"\n"):
				t.Errorf("%s: the package comment of %s begins %q", dir, name, firstLine(docs[0]))
			}
		}
	}
}

// TestDocsNeverAskToRespellValues: the provider takes every value as its
// platform takes it (CONTRIBUTING.md, "Behaviour every resource has"), so
// no page, example or changelog entry tells a user to wrap a value in
// lower(), upper() or trimspace() to get past validation or a diff.
func TestDocsNeverAskToRespellValues(t *testing.T) {
	respell := regexp.MustCompile(`\b(lower|upper|trimspace)\(`)
	read := eachFile(t, []string{"docs", "templates", "examples", "CHANGELOG.md", "README.md"}, regexp.MustCompile(``), func(path, text string) {
		for i, line := range strings.Split(text, "\n") {
			if respell.MatchString(line) {
				t.Errorf("%s:%d asks for a respelled value: %s", path, i+1, strings.TrimSpace(line))
			}
		}
	})
	if read < 20 {
		t.Fatalf("read only %d files", read)
	}
}

func firstLine(s string) string {
	line, _, _ := strings.Cut(s, "\n")
	return line
}
