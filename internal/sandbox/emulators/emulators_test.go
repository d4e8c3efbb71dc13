package emulators_test

import (
	"slices"
	"testing"

	"github.com/customerops/terraform-provider-crm/internal/acctest"
	"github.com/customerops/terraform-provider-crm/internal/provider"
	"github.com/customerops/terraform-provider-crm/internal/sandbox"
	"github.com/customerops/terraform-provider-crm/internal/sandbox/emulators"
)

// TestEveryEmulatorIsRegistered: an emulator is a folder under
// internal/sandbox named like its platform that declares a package-level
// Emulator value. Each must be on All, named as its folder, so that no
// emulator is left out of the sandbox silently.
func TestEveryEmulatorIsRegistered(t *testing.T) {
	var registered []string
	for _, e := range emulators.All {
		registered = append(registered, e.Name)
	}
	acctest.ExpectRegistered(t, "..", "Emulator", registered, "internal/sandbox/emulators")
}

// TestEveryPlatformHasAnEmulator: the acceptance tests configure every
// platform from its emulator, so the provider's list and the sandbox's
// must name the same platforms.
func TestEveryPlatformHasAnEmulator(t *testing.T) {
	var platforms, served []string
	for _, p := range provider.Platforms {
		platforms = append(platforms, p.Block)
	}
	for _, e := range emulators.All {
		served = append(served, e.Name)
	}
	slices.Sort(platforms)
	slices.Sort(served)
	if !slices.Equal(platforms, served) {
		t.Errorf("the provider serves %v, the sandbox emulates %v: each platform needs both", platforms, served)
	}
}

// TestEveryEmulatorHasAConsole: the console page shows each platform's
// records as the emulator lays them out, customers first, starting with
// the columns a person looks at first.
func TestEveryEmulatorHasAConsole(t *testing.T) {
	for _, e := range emulators.All {
		store, _ := e.Open()
		tables := store.Console()
		if len(tables) == 0 {
			t.Errorf("%s: no console table", e.Name)
			continue
		}
		if c := tables[0].Columns; len(c) < 3 || c[0] != sandbox.ColName || c[1] != sandbox.ColEmail || c[2] != sandbox.ColID {
			t.Errorf("%s: the %s table's columns are %q, want name, e-mail, id first", e.Name, tables[0].Title, c)
		}
		for _, tb := range tables {
			if tb.Title == "" || len(tb.Columns) == 0 || tb.Total != 0 || len(tb.Rows) != 0 {
				t.Errorf("%s: table %+v of an empty store", e.Name, tb)
			}
		}
	}
}
