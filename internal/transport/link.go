package transport

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
)

// NextLink sends first as the first page's query (its size and filters),
// then the query of the answer's Link header with rel="next" (RFC 8288),
// as is, and stops when there is none. The fetch must hand the answer's
// headers over (PageInfo.Header, from ResponseHeader) and send q without
// adding to it: the link carries the filters, and some servers refuse
// anything beside their cursor (Shopify's page_info). GitHub and Shopify
// page this way.
//
// Only the link's query is used, sent to the fetch's own path: credentials
// never follow a link to another host.
func NextLink(first url.Values) PageStyle {
	return PageStyle{
		first: func() url.Values { return cloneQuery(first) },
		next: func(p lastPage) (url.Values, bool, error) {
			link := nextLink(p.info.Header)
			if link == "" {
				return nil, false, nil
			}
			u, err := url.Parse(link)
			if err != nil {
				return nil, false, fmt.Errorf("listing: the next-page link of page %d: %w", p.number, err)
			}
			return u.Query(), true, nil
		},
	}
}

func cloneQuery(q url.Values) url.Values {
	out := make(url.Values, len(q))
	for k, v := range q {
		out[k] = append([]string(nil), v...)
	}
	return out
}

// nextLink is the target of the first link with relation type "next" in
// h's Link headers, or "" when there is none.
// Link: <https://x.example/items?page_info=abc>; rel="next", <…>; rel="previous"
func nextLink(h http.Header) string {
	for _, v := range h.Values("Link") {
		for {
			v = strings.TrimLeft(v, " \t,")
			end := strings.IndexByte(v, '>')
			if !strings.HasPrefix(v, "<") || end < 0 {
				break // not a link: nothing more to trust in this header
			}
			target := v[1:end]
			var params []string
			params, v = linkParams(v[end+1:])
			if hasRel(params, "next") {
				return strings.TrimSpace(target)
			}
		}
	}
	return ""
}

// linkParams splits what follows a link's <target> into its ;-separated
// parameters, up to the comma that ends the link, and returns the rest.
// Separators inside quoted strings (title="a;b, c") do not count.
func linkParams(s string) (params []string, rest string) {
	start, quoted := 0, false
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case quoted && c == '\\':
			i++
		case c == '"':
			quoted = !quoted
		case !quoted && c == ';':
			params = append(params, s[start:i])
			start = i + 1
		case !quoted && c == ',':
			return append(params, s[start:i]), s[i+1:]
		}
	}
	return append(params, s[start:]), ""
}

// hasRel reports whether params name relation type rel: rel="next",
// rel=next, or one of several (rel="next last").
func hasRel(params []string, rel string) bool {
	for _, p := range params {
		name, value, _ := strings.Cut(p, "=")
		if !strings.EqualFold(strings.TrimSpace(name), "rel") {
			continue
		}
		for _, r := range strings.Fields(strings.Trim(strings.TrimSpace(value), `"`)) {
			if strings.EqualFold(r, rel) {
				return true
			}
		}
		return false // only the first rel counts (RFC 8288 §3.3)
	}
	return false
}
