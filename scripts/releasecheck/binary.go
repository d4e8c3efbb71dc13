package main

import (
	"bytes"
	"context"
	"debug/buildinfo"
	"debug/elf"
	"debug/macho"
	"debug/pe"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"runtime"
	"strings"
	"time"
)

// expect is what one binary must be.
type expect struct {
	Target   target
	Module   string // the main module's path
	Version  string // stamped with -X main.version
	Static   bool   // CGO_ENABLED=0: no ELF interpreter, no shared library
	Stripped bool   // -s: no symbol table
	NoDWARF  bool   // -s or -w: no debug information
	Trimpath bool
}

// checkBinary checks the file at path against e: its format (ELF, PE or
// Mach-O) and machine, linkage and stripping, the build settings Go
// recorded in it, and the stamped version. It returns a description of
// what it found.
func checkBinary(path string, e expect) (string, error) {
	var desc string
	var err error
	switch e.Target.GOOS {
	case "linux", "freebsd", "netbsd", "openbsd":
		desc, err = checkELF(path, e)
	case "windows":
		desc, err = checkPE(path, e)
	case "darwin":
		desc, err = checkMachO(path, e)
	default:
		err = fmt.Errorf("release-check does not know which executable format GOOS=%s uses", e.Target.GOOS)
	}
	if err != nil {
		return "", err
	}
	if err := checkBuildInfo(path, e); err != nil {
		return "", err
	}
	return desc, nil
}

// elfMachines: GOARCH -> machine, class.
var elfMachines = map[string]struct {
	m elf.Machine
	c elf.Class
}{
	"386":   {elf.EM_386, elf.ELFCLASS32},
	"amd64": {elf.EM_X86_64, elf.ELFCLASS64},
	"arm":   {elf.EM_ARM, elf.ELFCLASS32},
	"arm64": {elf.EM_AARCH64, elf.ELFCLASS64},
}

// elfOSABI: GOOS -> the OS/ABI byte Go's linker writes.
var elfOSABI = map[string]elf.OSABI{
	"linux":   elf.ELFOSABI_NONE,
	"freebsd": elf.ELFOSABI_FREEBSD,
	"netbsd":  elf.ELFOSABI_NETBSD,
	"openbsd": elf.ELFOSABI_OPENBSD,
}

func checkELF(path string, e expect) (string, error) {
	f, err := elf.Open(path)
	if err != nil {
		return "", fmt.Errorf("not an ELF file, as %s needs: %w", e.Target.GOOS, err)
	}
	defer f.Close()
	want, ok := elfMachines[e.Target.GOARCH]
	if !ok {
		return "", fmt.Errorf("release-check does not know the ELF machine of GOARCH=%s", e.Target.GOARCH)
	}
	if f.Machine != want.m || f.Class != want.c {
		return "", fmt.Errorf("ELF %s %s, want %s %s", f.Class, f.Machine, want.c, want.m)
	}
	if f.OSABI != elfOSABI[e.Target.GOOS] && (e.Target.GOOS != "linux" || f.OSABI != elf.ELFOSABI_LINUX) {
		return "", fmt.Errorf("ELF OS/ABI %s, want %s for %s", f.OSABI, elfOSABI[e.Target.GOOS], e.Target.GOOS)
	}
	if f.Type != elf.ET_EXEC {
		return "", fmt.Errorf("ELF type %s, want %s", f.Type, elf.ET_EXEC)
	}
	if e.Static {
		for _, p := range f.Progs {
			if p.Type == elf.PT_INTERP {
				return "", errors.New("dynamically linked (it has an ELF interpreter), but CGO_ENABLED=0 makes a static binary")
			}
		}
		if libs, _ := f.ImportedLibraries(); len(libs) > 0 {
			return "", fmt.Errorf("needs shared libraries %q, but CGO_ENABLED=0 makes a static binary", libs)
		}
	}
	var names []string
	for _, s := range f.Sections {
		names = append(names, s.Name)
	}
	if err := checkSymbols(e, f.Section(".symtab") != nil, names); err != nil {
		return "", err
	}
	return fmt.Sprintf("ELF %s %s %s", f.Class, f.Machine, f.OSABI), nil
}

// peMachines: GOARCH -> PE machine.
var peMachines = map[string]uint16{
	"386":   pe.IMAGE_FILE_MACHINE_I386,
	"amd64": pe.IMAGE_FILE_MACHINE_AMD64,
	"arm":   pe.IMAGE_FILE_MACHINE_ARMNT,
	"arm64": pe.IMAGE_FILE_MACHINE_ARM64,
}

func checkPE(path string, e expect) (string, error) {
	f, err := pe.Open(path)
	if err != nil {
		return "", fmt.Errorf("not a PE file, as windows needs: %w", err)
	}
	defer f.Close()
	want, ok := peMachines[e.Target.GOARCH]
	if !ok {
		return "", fmt.Errorf("release-check does not know the PE machine of GOARCH=%s", e.Target.GOARCH)
	}
	if f.Machine != want {
		return "", fmt.Errorf("PE machine %#x, want %#x", f.Machine, want)
	}
	if f.Characteristics&pe.IMAGE_FILE_EXECUTABLE_IMAGE == 0 || f.Characteristics&pe.IMAGE_FILE_DLL != 0 {
		return "", fmt.Errorf("PE characteristics %#x: not an executable", f.Characteristics)
	}
	var names []string
	for _, s := range f.Sections {
		names = append(names, s.Name)
	}
	if err := checkSymbols(e, f.NumberOfSymbols > 0, names); err != nil {
		return "", err
	}
	return fmt.Sprintf("PE machine %#x", f.Machine), nil
}

// machoCPUs: GOARCH -> Mach-O CPU.
var machoCPUs = map[string]macho.Cpu{
	"amd64": macho.CpuAmd64,
	"arm64": macho.CpuArm64,
}

func checkMachO(path string, e expect) (string, error) {
	f, err := macho.Open(path)
	if err != nil {
		return "", fmt.Errorf("not a Mach-O file, as darwin needs: %w", err)
	}
	defer f.Close()
	want, ok := machoCPUs[e.Target.GOARCH]
	if !ok {
		return "", fmt.Errorf("release-check does not know the Mach-O CPU of GOARCH=%s", e.Target.GOARCH)
	}
	if f.Cpu != want {
		return "", fmt.Errorf("Mach-O CPU %s, want %s", f.Cpu, want)
	}
	if f.Type != macho.TypeExec {
		return "", fmt.Errorf("Mach-O type %s, want %s", f.Type, macho.TypeExec)
	}
	// Go keeps a symbol table on darwin (the dynamic imports need it), so
	// only the debug information says whether -s/-w took.
	var names []string
	for _, s := range f.Sections {
		names = append(names, s.Seg+"."+s.Name)
	}
	if err := checkSymbols(expect{NoDWARF: e.NoDWARF}, false, names); err != nil {
		return "", err
	}
	return fmt.Sprintf("Mach-O %s", f.Cpu), nil
}

// checkSymbols: no symbol table if stripped, no debug sections (.debug_*,
// .zdebug_*, __DWARF) if built without DWARF.
func checkSymbols(e expect, hasSymtab bool, sections []string) error {
	if e.Stripped && hasSymtab {
		return errors.New("has a symbol table, but the ldflags' -s strip it")
	}
	if e.NoDWARF {
		for _, s := range sections {
			if strings.Contains(s, "debug_") || strings.HasPrefix(s, "__DWARF") {
				return fmt.Errorf("has debug section %s, but the ldflags (-s/-w) leave DWARF out", s)
			}
		}
	}
	return nil
}

// checkBuildInfo compares the build settings Go recorded in the binary
// with the target and flags, and looks for the stamped version in the
// binary's data (not in the build info: with -trimpath Go does not
// record the ldflags, but subtract it anyway).
func checkBuildInfo(path string, e expect) error {
	bi, err := buildinfo.ReadFile(path)
	if err != nil {
		return fmt.Errorf("no Go build info: %w", err)
	}
	if bi.Path != e.Module {
		return fmt.Errorf("build info names main package %q, want %q", bi.Path, e.Module)
	}
	settings := map[string]string{}
	for _, s := range bi.Settings {
		settings[s.Key] = s.Value
	}
	want := map[string]string{"GOOS": e.Target.GOOS, "GOARCH": e.Target.GOARCH}
	if e.Target.VariantVar != "" {
		want[e.Target.VariantVar] = e.Target.Variant
	}
	if e.Static {
		want["CGO_ENABLED"] = "0"
	}
	if e.Trimpath {
		want["-trimpath"] = "true"
	}
	for k, v := range want {
		if settings[k] != v {
			return fmt.Errorf("build info says %s=%q, want %q", k, settings[k], v)
		}
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	v := []byte(e.Version)
	if bytes.Count(data, v)-strings.Count(bi.String(), e.Version) < 1 {
		return fmt.Errorf("the version %q is not in the binary: -X main.version did not stamp it", e.Version)
	}
	return nil
}

// runVersion runs the host's binary as `version`, `-version` and
// `--version` and checks the line each prints.
func runVersion(path, want string) error {
	for _, arg := range []string{"version", "-version", "--version"} {
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		out, err := exec.CommandContext(ctx, path, arg).Output()
		cancel()
		if err != nil {
			return fmt.Errorf("%s %s: %w", path, arg, err)
		}
		if got := strings.TrimSuffix(string(out), "\n"); got != want {
			return fmt.Errorf("`%s` printed %q, want %q", arg, got, want)
		}
	}
	return nil
}

func goVersion() string { return runtime.Version() }
