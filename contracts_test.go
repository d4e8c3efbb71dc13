package main

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// citation is how code cites a platform's contract: "CONTRACT.md §4".
var citation = regexp.MustCompile(`CONTRACT\.md\s+(?://\s*)?§\s*(\d+)`)

// looseCitation is any other "§N" in a comment: a section of a document
// the reader cannot tell, or one that is not in the repository.
var looseCitation = regexp.MustCompile(`(?i)(contract|design|seed)[^.\n]{0,3}§|seed 0\d\d|design\.md|\.\./shared/|the seed('s|\s+(says|marks))`)

// TestContractCitationsResolve: every "CONTRACT.md §N" in the Go code names a
// section that exists in the contract of the platform the file belongs to
// (internal/<platform>/ and internal/sandbox/<platform>/ both cite
// internal/<platform>/CONTRACT.md), and no comment cites a document that is
// not in the repository (the vendors' contracts, a design note, a seed).
func TestContractCitationsResolve(t *testing.T) {
	sections := map[string]map[string]bool{} // platform -> section numbers
	contracts, err := filepath.Glob("internal/*/CONTRACT.md")
	if err != nil || len(contracts) == 0 {
		t.Fatalf("no internal/*/CONTRACT.md found (err %v)", err)
	}
	heading := regexp.MustCompile(`(?m)^## (\d+)\. `)
	for _, c := range contracts {
		b, err := os.ReadFile(c)
		if err != nil {
			t.Fatal(err)
		}
		platform := filepath.Base(filepath.Dir(c))
		sections[platform] = map[string]bool{}
		for _, m := range heading.FindAllStringSubmatch(string(b), -1) {
			sections[platform][m[1]] = true
		}
	}

	cited := 0
	eachFile(t, []string{"internal"}, regexp.MustCompile(`\.go$`), func(path, text string) {
		platform := platformOf(path)
		for _, m := range citation.FindAllStringSubmatch(text, -1) {
			cited++
			secs, ok := sections[platform]
			switch {
			case !ok:
				t.Errorf("%s cites CONTRACT.md §%s, but internal/%s/CONTRACT.md does not exist", path, m[1], platform)
			case !secs[m[1]]:
				t.Errorf("%s cites CONTRACT.md §%s, which internal/%s/CONTRACT.md does not have", path, m[1], platform)
			}
		}
		for _, line := range strings.Split(text, "\n") {
			if looseCitation.MatchString(line) && !citation.MatchString(line) {
				t.Errorf("%s: %q cites a document outside the repository; cite CONTRACT.md §N or CONTRIBUTING.md", path, strings.TrimSpace(line))
			}
		}
	})
	if cited == 0 {
		t.Fatal("no CONTRACT.md citation found: the pattern no longer matches the code")
	}

	// The scripts and the contributors' pages cite only what a clone holds.
	roots := []string{"scripts", "bench", "CONTRIBUTING.md", "README.md", "GNUmakefile"}
	eachFile(t, roots, regexp.MustCompile(`\.(sh|go|md)$|GNUmakefile$`), func(path, text string) {
		for i, line := range strings.Split(text, "\n") {
			if looseCitation.MatchString(line) {
				t.Errorf("%s:%d cites a document outside the repository: %s", path, i+1, strings.TrimSpace(line))
			}
		}
	})
}

// eachFile calls fn with the path and text of every file under roots (files
// or folders) whose path name matches, and returns how many it read.
func eachFile(t *testing.T, roots []string, name *regexp.Regexp, fn func(path, text string)) int {
	t.Helper()
	read := 0
	for _, root := range roots {
		err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || !name.MatchString(path) {
				return err
			}
			b, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			read++
			fn(path, string(b))
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	return read
}

// platformOf is the platform whose contract a file under internal/ follows.
func platformOf(path string) string {
	parts := strings.Split(filepath.ToSlash(path), "/")
	if len(parts) > 2 && parts[1] == "sandbox" {
		return parts[2]
	}
	if len(parts) > 1 {
		return parts[1]
	}
	return ""
}
