package main

import (
	"reflect"
	"strings"
	"testing"
)

func TestParseYAML(t *testing.T) {
	src := `---
# a comment
version: 2
builds:
  - env:
      - CGO_ENABLED=0 # trailing comment
    flags: -trimpath
    ldflags:
      - "-s -w -X main.version={{.Version}}"
    goos: [linux, "windows", 'darwin']
    goarch:
    - amd64
    - "386"
    ignore:
      - goos: darwin
        goarch: "386"
      -   goos: 'it''s'
          goarm: 7
    binary: "{{ .ProjectName }}_v{{ .Version }}"
    url: http://example.com/#anchor
archives:
- formats: [zip]
  name_template: >-
    {{ .ProjectName }}_
    {{- .Version }}
  script: |
    line one
      line two

    line four
empty:
nothing: ~
braces: {}
plain: a long
  folded plain
`
	got, err := parseYAML(src)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]any{
		"version": "2",
		"builds": []any{map[string]any{
			"env":     []any{"CGO_ENABLED=0"},
			"flags":   "-trimpath",
			"ldflags": []any{"-s -w -X main.version={{.Version}}"},
			"goos":    []any{"linux", "windows", "darwin"},
			"goarch":  []any{"amd64", "386"},
			"ignore": []any{
				map[string]any{"goos": "darwin", "goarch": "386"},
				map[string]any{"goos": "it's", "goarm": "7"},
			},
			"binary": "{{ .ProjectName }}_v{{ .Version }}",
			"url":    "http://example.com/#anchor",
		}},
		"archives": []any{map[string]any{
			"formats":       []any{"zip"},
			"name_template": "{{ .ProjectName }}_ {{- .Version }}",
			"script":        "line one\n  line two\n\nline four\n",
		}},
		"empty":   nil,
		"nothing": nil,
		"braces":  map[string]any{},
		"plain":   "a long folded plain",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got  %#v\nwant %#v", got, want)
	}
}

func TestParseYAMLRefusesWhatItDoesNotRead(t *testing.T) {
	for name, tc := range map[string]struct{ src, msg string }{
		"anchor":         {"a: &x 1\nb: *x\n", "line 1: anchors"},
		"tab":            {"a:\n\t- b\n", "line 2: a tab"},
		"duplicate key":  {"a: 1\na: 2\n", `line 2: key "a" given twice`},
		"flow mapping":   {"a: {b: 1}\n", "line 1: flow mappings"},
		"bad indent":     {"a:\n    b: 1\n  c: 2\n", "line 3: unexpected indentation"},
		"not a mapping":  {"a: 1\nb\n", "line 2: expected `key: value`"},
		"two documents":  {"a: 1\n---\nb: 2\n", "line 2: more than one YAML document"},
		"nested flow":    {"a: [[1]]\n", "line 1: nested flow"},
		"key under text": {"a: x\n  b: 1\n", "line 2: unexpected indentation"},
	} {
		t.Run(name, func(t *testing.T) {
			_, err := parseYAML(tc.src)
			if err == nil || !strings.Contains(err.Error(), tc.msg) {
				t.Errorf("error %v, want one containing %q", err, tc.msg)
			}
		})
	}
}
