package transport

import (
	"net/http"
	"testing"
)

func TestNextLink(t *testing.T) {
	cases := []struct {
		name  string
		links []string
		want  string
	}{
		{"none", nil, ""},
		{"shopify", []string{`<https://s.example/admin/api/2024-01/customers.json?limit=50&page_info=abc>; rel="next"`},
			"https://s.example/admin/api/2024-01/customers.json?limit=50&page_info=abc"},
		{"previous and next", []string{`<https://x.example/i?page_info=a>; rel="previous", <https://x.example/i?page_info=b>; rel="next"`},
			"https://x.example/i?page_info=b"},
		{"previous only (last page)", []string{`<https://x.example/i?page_info=a>; rel="previous"`}, ""},
		{"github, unquoted rel", []string{`<https://api.example/r?page=2>; rel=next, <https://api.example/r?page=9>; rel=last`},
			"https://api.example/r?page=2"},
		{"several relation types", []string{`</i?p=2>; rel="last next"`}, "/i?p=2"},
		{"case of rel", []string{`</i?p=2>; REL="Next"`}, "/i?p=2"},
		{"separate header lines", []string{`</i?p=1>; rel="prev"`, `</i?p=3>; rel="next"`}, "/i?p=3"},
		{"comma in the target", []string{`</i?ids=1,2&p=3>; rel="next"`}, "/i?ids=1,2&p=3"},
		{"separators quoted in a parameter", []string{`</a>; title="x; rel=next, y"; rel="prev", </b>; rel="next"`}, "/b"},
		{"the first rel counts", []string{`</a>; rel="prev"; rel="next"`}, ""},
		{"next as another parameter's value", []string{`</a>; type="next"`}, ""},
		{"malformed", []string{`https://x.example/i; rel="next"`}, ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			h := http.Header{}
			for _, l := range tc.links {
				h.Add("Link", l)
			}
			if got := nextLink(h); got != tc.want {
				t.Errorf("nextLink(%q) = %q, want %q", tc.links, got, tc.want)
			}
		})
	}
}
