package main

import (
	"fmt"
	"strconv"
	"strings"
)

// parseYAML reads the block-style YAML subset that goreleaser
// configurations are written in: mappings and sequences by indentation,
// plain, single- and double-quoted scalars, flow sequences of scalars
// (`[zip]`), literal and folded block scalars (`|`, `>-`), comments and a
// leading `---`. A mapping is a map[string]any, a sequence a []any, a
// scalar a string and an empty value nil. Anchors, aliases, tags, flow
// mappings with content and multi-document files are refused with the
// line they are on, so the check never reads a file differently from
// goreleaser without saying so.
func parseYAML(src string) (any, error) {
	p := &yamlParser{}
	for i, raw := range strings.Split(strings.ReplaceAll(src, "\r\n", "\n"), "\n") {
		p.lines = append(p.lines, yamlLine{no: i + 1, raw: raw})
	}
	if err := p.scan(); err != nil {
		return nil, err
	}
	if len(p.content) == 0 {
		return nil, nil
	}
	v, err := p.block(p.content[0].indent)
	if err != nil {
		return nil, err
	}
	if p.i < len(p.content) {
		l := p.content[p.i]
		return nil, fmt.Errorf("line %d: unexpected indentation", l.no)
	}
	return v, nil
}

type yamlLine struct {
	no     int    // 1-based line number
	raw    string // the line as written
	indent int    // leading spaces
	text   string // without indentation and comment, right-trimmed
	index  int    // position in lines
}

type yamlParser struct {
	lines   []yamlLine
	content []yamlLine // the lines with content, in order
	i       int        // next line of content
}

func (p *yamlParser) scan() error {
	for idx, l := range p.lines {
		body := strings.TrimLeft(l.raw, " ")
		if strings.HasPrefix(body, "\t") {
			return fmt.Errorf("line %d: a tab in the indentation", l.no)
		}
		l.indent = len(l.raw) - len(body)
		l.text = strings.TrimRight(stripComment(body), " \t")
		l.index = idx
		if l.text == "" || (l.indent == 0 && l.text == "---" && len(p.content) == 0) {
			continue
		}
		if l.indent == 0 && (l.text == "..." || strings.HasPrefix(l.text, "---")) {
			return fmt.Errorf("line %d: more than one YAML document", l.no)
		}
		if strings.HasPrefix(l.text, "%") {
			return fmt.Errorf("line %d: YAML directives are not supported", l.no)
		}
		p.content = append(p.content, l)
	}
	return nil
}

// stripComment cuts a `#` comment that starts the text or follows a blank,
// outside quotes.
func stripComment(s string) string {
	end := len(s)
	unquoted(s, func(i int) bool { return i == 0 || strings.ContainsRune(" \t[{,:-", rune(s[i-1])) }, func(i int) bool {
		if s[i] == '#' && (i == 0 || s[i-1] == ' ' || s[i-1] == '\t') {
			end = i
			return false
		}
		return true
	})
	return s[:end]
}

// unquoted calls visit with the index of each byte of s outside quotes,
// until visit returns false. opens says whether a quote at i starts a
// quoted string there; inside double quotes a backslash escapes the next
// byte.
func unquoted(s string, opens, visit func(i int) bool) {
	var quote byte
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case quote == '"' && c == '\\':
			i++
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case (c == '"' || c == '\'') && opens(i):
			quote = c
		case !visit(i):
			return
		}
	}
}

func isSeqItem(text string) bool { return text == "-" || strings.HasPrefix(text, "- ") }

// block reads the mapping or sequence whose lines are indented by indent.
func (p *yamlParser) block(indent int) (any, error) {
	l := p.content[p.i]
	if l.indent != indent {
		return nil, fmt.Errorf("line %d: unexpected indentation", l.no)
	}
	if isSeqItem(l.text) {
		return p.sequence(indent)
	}
	return p.mapping(indent)
}

func (p *yamlParser) sequence(indent int) (any, error) {
	var seq []any
	for p.i < len(p.content) {
		l := p.content[p.i]
		if l.indent < indent || (l.indent == indent && !isSeqItem(l.text)) {
			break // the parent's next key, where the sequence sits at its indentation
		}
		if l.indent > indent {
			return nil, fmt.Errorf("line %d: unexpected indentation", l.no)
		}
		rest := strings.TrimLeft(l.text[1:], " ")
		if rest == "" {
			p.i++
			v, err := p.nested(indent)
			if err != nil {
				return nil, err
			}
			seq = append(seq, v)
			continue
		}
		// The item's content starts a block of its own at its column:
		// `- goos: darwin` then `  goarch: arm` is a mapping.
		col := indent + len(l.text) - len(rest)
		if isSeqItem(rest) || mappingKey(rest) >= 0 {
			p.content[p.i].indent, p.content[p.i].text = col, rest
			v, err := p.block(col)
			if err != nil {
				return nil, err
			}
			seq = append(seq, v)
			continue
		}
		p.i++
		v, err := p.value(rest, l, indent)
		if err != nil {
			return nil, err
		}
		seq = append(seq, v)
	}
	return seq, nil
}

func (p *yamlParser) mapping(indent int) (any, error) {
	m := map[string]any{}
	for p.i < len(p.content) {
		l := p.content[p.i]
		if l.indent < indent {
			break
		}
		if l.indent > indent {
			return nil, fmt.Errorf("line %d: unexpected indentation", l.no)
		}
		if isSeqItem(l.text) {
			return nil, fmt.Errorf("line %d: a sequence item where a mapping key was expected", l.no)
		}
		colon := mappingKey(l.text)
		if colon < 0 {
			return nil, fmt.Errorf("line %d: expected `key: value`, got %q", l.no, l.text)
		}
		key, err := scalar(strings.TrimSpace(l.text[:colon]), l.no)
		if err != nil {
			return nil, err
		}
		k, _ := key.(string)
		if _, dup := m[k]; dup {
			return nil, fmt.Errorf("line %d: key %q given twice", l.no, k)
		}
		rest := strings.TrimSpace(l.text[colon+1:])
		p.i++
		var v any
		if rest == "" {
			// A sequence may sit at the key's own indentation.
			if p.i < len(p.content) && p.content[p.i].indent == indent && isSeqItem(p.content[p.i].text) {
				v, err = p.sequence(indent)
			} else {
				v, err = p.nested(indent)
			}
		} else {
			v, err = p.value(rest, l, indent)
		}
		if err != nil {
			return nil, err
		}
		m[k] = v
	}
	return m, nil
}

// nested reads the block indented deeper than parent, or nil if none is.
func (p *yamlParser) nested(parent int) (any, error) {
	if p.i >= len(p.content) || p.content[p.i].indent <= parent {
		return nil, nil
	}
	return p.block(p.content[p.i].indent)
}

// value reads what follows `key:` or `- ` on line l, whose block is
// indented by indent.
func (p *yamlParser) value(text string, l yamlLine, indent int) (any, error) {
	if text[0] == '|' || text[0] == '>' {
		return p.blockScalar(text, l, indent)
	}
	if text[0] == '[' {
		return flowSequence(text, l.no)
	}
	if text == "{}" {
		return map[string]any{}, nil
	}
	if text[0] == '{' {
		return nil, fmt.Errorf("line %d: flow mappings ({...}) are not supported", l.no)
	}
	v, err := scalar(text, l.no)
	if err != nil {
		return nil, err
	}
	// A plain scalar may go on over more-indented lines.
	for p.i < len(p.content) && p.content[p.i].indent > indent {
		next := p.content[p.i]
		s, ok := v.(string)
		if !ok || text[0] == '"' || text[0] == '\'' || mappingKey(next.text) >= 0 || isSeqItem(next.text) {
			return nil, fmt.Errorf("line %d: unexpected indentation", next.no)
		}
		v = s + " " + next.text
		p.i++
	}
	return v, nil
}

// blockScalar reads a literal (|) or folded (>) scalar: the raw lines,
// blank ones included, indented deeper than indent.
func (p *yamlParser) blockScalar(header string, l yamlLine, indent int) (any, error) {
	style, chomp := header[0], strings.TrimSpace(header[1:])
	if chomp != "" && chomp != "-" && chomp != "+" {
		return nil, fmt.Errorf("line %d: block scalar header %q is not supported", l.no, header)
	}
	var body []string
	first := l.index + 1
	last := first - 1
	for p.i < len(p.content) && p.content[p.i].indent > indent {
		last = p.content[p.i].index
		p.i++
	}
	if last < first {
		return "", nil
	}
	strip := -1
	for _, ln := range p.lines[first : last+1] {
		raw := ln.raw
		if strings.TrimSpace(raw) == "" {
			body = append(body, "")
			continue
		}
		n := len(raw) - len(strings.TrimLeft(raw, " "))
		if strip < 0 {
			strip = n
		}
		if n < strip {
			return nil, fmt.Errorf("line %d: block scalar line less indented than its first", l.no)
		}
		body = append(body, raw[strip:])
	}
	var s string
	if style == '|' {
		s = strings.Join(body, "\n")
	} else {
		var b strings.Builder
		for i, line := range body {
			switch {
			case i == 0:
			case line == "" || body[i-1] == "":
				b.WriteString("\n")
			default:
				b.WriteString(" ")
			}
			b.WriteString(line)
		}
		s = b.String()
	}
	if chomp != "-" {
		s += "\n"
	}
	return s, nil
}

// mappingKey is the index of the colon that ends a mapping key in text,
// or -1: a `:` followed by a blank or ending the text, outside quotes.
func mappingKey(text string) int {
	if text == "" || strings.ContainsRune("[{|>&*!", rune(text[0])) {
		return -1
	}
	var quote byte
	for i := 0; i < len(text); i++ {
		c := text[i]
		switch {
		case quote == '"' && c == '\\':
			i++
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case i == 0 && (c == '"' || c == '\''):
			quote = c
		case c == ':' && (i+1 == len(text) || text[i+1] == ' '):
			return i
		}
	}
	return -1
}

// scalar is a plain, single- or double-quoted scalar; an empty or null
// one is nil.
func scalar(text string, line int) (any, error) {
	switch {
	case text == "" || text == "~" || text == "null":
		return nil, nil
	case text[0] == '"':
		if len(text) < 2 || text[len(text)-1] != '"' {
			return nil, fmt.Errorf("line %d: unterminated or trailing text after a double-quoted string: %s", line, text)
		}
		s, err := strconv.Unquote(text)
		if err != nil {
			return nil, fmt.Errorf("line %d: double-quoted string %s: %w", line, text, err)
		}
		return s, nil
	case text[0] == '\'':
		if len(text) < 2 || text[len(text)-1] != '\'' {
			return nil, fmt.Errorf("line %d: unterminated or trailing text after a single-quoted string: %s", line, text)
		}
		return strings.ReplaceAll(text[1:len(text)-1], "''", "'"), nil
	case strings.ContainsRune("&*!", rune(text[0])):
		return nil, fmt.Errorf("line %d: anchors, aliases and tags are not supported: %s", line, text)
	}
	return text, nil
}

// flowSequence reads `[a, "b", 'c']`: scalars only.
func flowSequence(text string, line int) (any, error) {
	if text[len(text)-1] != ']' {
		return nil, fmt.Errorf("line %d: a flow sequence must end on its line: %s", line, text)
	}
	inner := strings.TrimSpace(text[1 : len(text)-1])
	seq := []any{}
	if inner == "" {
		return seq, nil
	}
	start := 0
	var items []string
	var nested bool
	unquoted(inner, func(int) bool { return true }, func(i int) bool {
		switch inner[i] {
		case '[', '{':
			nested = true
			return false
		case ',':
			items = append(items, inner[start:i])
			start = i + 1
		}
		return true
	})
	if nested {
		return nil, fmt.Errorf("line %d: nested flow collections are not supported: %s", line, text)
	}
	items = append(items, inner[start:])
	for _, it := range items {
		v, err := scalar(strings.TrimSpace(it), line)
		if err != nil {
			return nil, err
		}
		seq = append(seq, v)
	}
	return seq, nil
}
