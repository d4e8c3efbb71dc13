package settings

import (
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

func TestResolve(t *testing.T) {
	const envKey, envURL = "CRM_RESOLVE_TEST_KEY", "CRM_RESOLVE_TEST_URL"
	list := func(key, url types.String) []Setting {
		return []Setting{{Name: "key", Env: envKey, Value: key}, {Name: "base_url", Env: envURL, Value: url, Default: "https://api.example.com"}}
	}
	block := path.Root("acme")
	cases := []struct {
		name             string
		present          bool
		key, url         types.String
		envKey, envURL   string
		ok               bool
		errors           []string // substrings, one per error
		wantKey, wantURL string
	}{
		{name: "unused: no block, nothing set", key: types.StringNull(), url: types.StringNull(), ok: false},
		{name: "unused: only a defaulted setting in the environment", key: types.StringNull(), url: types.StringNull(), envURL: "https://x.example.com", ok: false},
		{name: "block without the key", present: true, key: types.StringNull(), url: types.StringNull(), errors: []string{"CRM_RESOLVE_TEST_KEY"}},
		{name: "key from the environment, default URL", key: types.StringNull(), url: types.StringNull(), envKey: "k", ok: true, wantKey: "k", wantURL: "https://api.example.com"},
		{name: "config wins", present: true, key: types.StringValue("c"), url: types.StringValue("https://c.example.com"), envKey: "k", ok: true, wantKey: "c", wantURL: "https://c.example.com"},
		{name: "unknown", present: true, key: types.StringUnknown(), url: types.StringNull(), errors: []string{"unknown until apply"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Setenv(envKey, tc.envKey)
			t.Setenv(envURL, tc.envURL)
			values, ok, diags := Resolve(block, tc.present, list(tc.key, tc.url)...)
			if ok != tc.ok || len(diags.Errors()) != len(tc.errors) {
				t.Fatalf("ok = %v, diags %v; want ok %v and %d errors", ok, diags, tc.ok, len(tc.errors))
			}
			for i, want := range tc.errors {
				if d := diags.Errors()[i]; !strings.Contains(d.Detail(), want) {
					t.Errorf("error %d: %q lacks %q", i, d.Detail(), want)
				}
			}
			if ok && (values["key"] != tc.wantKey || values["base_url"] != tc.wantURL) {
				t.Errorf("values = %v", values)
			}
		})
	}
}
