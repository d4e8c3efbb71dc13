package main

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"
)

// Header is the first line of results.csv, as scripts/bench_curve.sh
// writes it.
var Header = []string{"provider", "n", "latency_ms", "phase", "seconds", "peak_rss_mib"}

// The providers a row can be of.
const (
	CRM           = "crm"
	TerraformData = "terraform_data"
	Framework     = "framework"
)

// Phases in the bench's order, and how results.md names them.
var Phases = []string{"apply", "plan", "update", "destroy"}

var phaseTitles = map[string]string{
	"apply":   "apply (create N)",
	"plan":    "no-op plan",
	"update":  "update 10 %",
	"destroy": "destroy",
}

// NoLatency is the latency of a floor's row: it has no API.
const NoLatency = -1

// Measurement is one phase of one run: a row of results.csv.
type Measurement struct {
	Provider  string
	N         int
	LatencyMS int // NoLatency for the floors
	Phase     string
	Seconds   float64
	RSSMiB    float64 // NaN when not measured (terraform_data has no provider process)
}

// Read parses results.csv. Every row must name a known provider and phase,
// a positive N, a latency for the crm provider's rows (none for the
// floors'), and a non-negative time.
func Read(r io.Reader) ([]Measurement, error) {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = len(Header)
	head, err := cr.Read()
	if errors.Is(err, io.EOF) {
		return nil, errors.New("empty file: no header")
	}
	if err != nil {
		return nil, err
	}
	if !slices.Equal(head, Header) {
		return nil, fmt.Errorf("header %q, want %q", strings.Join(head, ","), strings.Join(Header, ","))
	}
	var ms []Measurement
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, err
		}
		line, _ := cr.FieldPos(0)
		m, err := parse(rec)
		if err != nil {
			return nil, fmt.Errorf("line %d: %w", line, err)
		}
		ms = append(ms, m)
	}
	if len(ms) == 0 {
		return nil, errors.New("no measurements")
	}
	return ms, nil
}

func parse(rec []string) (Measurement, error) {
	m := Measurement{Provider: rec[0], Phase: rec[3], LatencyMS: NoLatency, RSSMiB: math.NaN()}
	switch m.Provider {
	case CRM, TerraformData, Framework:
	default:
		return m, fmt.Errorf("unknown provider %q", m.Provider)
	}
	if !slices.Contains(Phases, m.Phase) {
		return m, fmt.Errorf("unknown phase %q", m.Phase)
	}
	n, err := strconv.Atoi(rec[1])
	if err != nil || n <= 0 {
		return m, fmt.Errorf("n %q is not a positive whole number", rec[1])
	}
	m.N = n
	switch {
	case m.Provider == CRM:
		if m.LatencyMS, err = strconv.Atoi(rec[2]); err != nil || m.LatencyMS < 0 {
			return m, fmt.Errorf("latency_ms %q: the crm provider's rows need a latency in ms", rec[2])
		}
	case rec[2] != "":
		return m, fmt.Errorf("latency_ms %q: a floor has no API, so no latency", rec[2])
	}
	if m.Seconds, err = strconv.ParseFloat(rec[4], 64); err != nil || m.Seconds < 0 || math.IsNaN(m.Seconds) {
		return m, fmt.Errorf("seconds %q is not a non-negative number", rec[4])
	}
	if rec[5] != "" {
		if m.RSSMiB, err = strconv.ParseFloat(rec[5], 64); err != nil || m.RSSMiB < 0 {
			return m, fmt.Errorf("peak_rss_mib %q is not a non-negative number", rec[5])
		}
	}
	return m, nil
}

// Series is one line of a panel: one provider (at one latency) in one
// phase, sorted by N.
type Series struct {
	Label     string
	Provider  string
	LatencyMS int
	Points    []Measurement
}

// SeriesOf groups the measurements of phase into series: the crm provider
// at each latency (lowest first), then the framework floor, then
// terraform_data. A repeated N keeps its last row.
func SeriesOf(ms []Measurement, phase string) []Series {
	type key struct {
		provider string
		latency  int
	}
	byKey := map[key]map[int]Measurement{}
	for _, m := range ms {
		if m.Phase != phase {
			continue
		}
		k := key{m.Provider, m.LatencyMS}
		if byKey[k] == nil {
			byKey[k] = map[int]Measurement{}
		}
		byKey[k][m.N] = m
	}
	keys := make([]key, 0, len(byKey))
	for k := range byKey {
		keys = append(keys, k)
	}
	rank := map[string]int{CRM: 0, Framework: 1, TerraformData: 2}
	slices.SortFunc(keys, func(a, b key) int {
		if a.provider != b.provider {
			return rank[a.provider] - rank[b.provider]
		}
		return a.latency - b.latency
	})
	out := make([]Series, 0, len(keys))
	for _, k := range keys {
		s := Series{Label: label(k.provider, k.latency), Provider: k.provider, LatencyMS: k.latency}
		for _, m := range byKey[k] {
			s.Points = append(s.Points, m)
		}
		slices.SortFunc(s.Points, func(a, b Measurement) int { return a.N - b.N })
		out = append(out, s)
	}
	return out
}

func label(provider string, latency int) string {
	switch provider {
	case CRM:
		return fmt.Sprintf("crm provider, %d ms API latency", latency)
	case Framework:
		return "framework floor (crm schema, no API)"
	default:
		return "terraform_data (Terraform alone)"
	}
}
