package provider

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

// TestEveryPlatformPackageIsRegistered: a platform package is a folder
// under internal/ named like its provider block that declares a package-level
// Platform value. Each must be on the Platforms list, and each entry of the
// list must be such a package, so a new platform cannot be left out
// silently (its resources would never be served) nor named apart from its
// folder.
func TestEveryPlatformPackageIsRegistered(t *testing.T) {
	declared := packagesDeclaring(t, "..", "Platform")
	var registered []string
	for _, p := range Platforms {
		registered = append(registered, p.Block)
	}
	slices.Sort(registered)
	if !slices.Equal(declared, registered) {
		t.Errorf("packages under internal/ that declare a Platform: %v; provider.Platforms registers: %v. "+
			"Add the missing one to internal/provider/platforms.go (see CONTRIBUTING.md), and name the block as its folder",
			declared, registered)
	}
	if len(registered) == 0 {
		t.Fatal("no platform registered")
	}
}

// packagesDeclaring lists the folders directly under root whose non-test Go
// files declare a package-level variable named name.
func packagesDeclaring(t *testing.T, root, name string) []string {
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
