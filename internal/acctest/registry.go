package acctest

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// ExpectRegistered fails t unless the folders directly under root that
// declare a package-level variable named decl are exactly those named by
// registered (a list's entries, each named as its folder). list says
// where that list is, for the message.
func ExpectRegistered(t *testing.T, root, decl string, registered []string, list string) {
	t.Helper()
	declared := PackagesDeclaring(t, root, decl)
	registered = slices.Sorted(slices.Values(registered))
	if len(registered) == 0 {
		t.Fatalf("%s registers nothing", list)
	}
	if !slices.Equal(declared, registered) {
		t.Errorf("packages under %s that declare %s: %v; %s registers: %v. Register each package in %s "+
			"(see CONTRIBUTING.md), named as its folder", root, decl, declared, list, registered, list)
	}
}

// PackagesDeclaring lists the folders directly under root whose non-test Go
// files declare a package-level variable named name: the registry tests use
// it to find platform packages (Platform) and emulators (Emulator) that a
// list forgot.
func PackagesDeclaring(t *testing.T, root, name string) []string {
	t.Helper()
	dirs, err := os.ReadDir(root)
	if err != nil {
		t.Fatal(err)
	}
	var found []string
	for _, d := range dirs {
		if !d.IsDir() {
			continue
		}
		files, _ := filepath.Glob(filepath.Join(root, d.Name(), "*.go"))
		for _, f := range files {
			if strings.HasSuffix(f, "_test.go") {
				continue
			}
			if declaresVar(t, f, name) {
				found = append(found, d.Name())
				break
			}
		}
	}
	slices.Sort(found)
	return found
}

func declaresVar(t *testing.T, file, name string) bool {
	t.Helper()
	f, err := parser.ParseFile(token.NewFileSet(), file, nil, parser.SkipObjectResolution)
	if err != nil {
		t.Fatal(err)
	}
	for _, decl := range f.Decls {
		g, ok := decl.(*ast.GenDecl)
		if !ok || g.Tok != token.VAR {
			continue
		}
		for _, spec := range g.Specs {
			for _, id := range spec.(*ast.ValueSpec).Names {
				if id.Name == name {
					return true
				}
			}
		}
	}
	return false
}
