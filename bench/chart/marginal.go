package main

import (
	"fmt"
	"slices"
	"strings"
)

// Marginal is the marginal cost per 1,000 resources of one series between
// two N: (t(to) - t(from)) / (to - from) * 1000 seconds. From 0 it is the
// average over the first N, start-up included.
func Marginal(from, to Measurement) float64 {
	return (to.Seconds - from.Seconds) / float64(to.N-from.N) * 1000
}

// MarginalTable is a markdown table of the marginal cost per 1,000
// resources between successive N, per phase, for terraform_data, the
// framework floor and the crm provider at 0 ms, and the provider's own part
// (crm minus framework floor).
func MarginalTable(ms []Measurement) string {
	var b strings.Builder
	b.WriteString("| phase | N | terraform_data s/1,000 | framework floor s/1,000 | crm (0 ms) s/1,000 | crm − framework s/1,000 |\n")
	b.WriteString("|---|---|---:|---:|---:|---:|\n")
	for _, phase := range Phases {
		at := map[string]map[int]Measurement{}
		var ns []int
		for _, s := range SeriesOf(ms, phase) {
			if s.Provider == CRM && s.LatencyMS != 0 {
				continue
			}
			at[s.Provider] = map[int]Measurement{0: {N: 0}}
			for _, m := range s.Points {
				at[s.Provider][m.N] = m
				if !slices.Contains(ns, m.N) {
					ns = append(ns, m.N)
				}
			}
		}
		slices.Sort(ns)
		prev := 0
		for _, n := range ns {
			cell := func(provider string) (float64, bool) {
				from, okFrom := at[provider][prev]
				to, okTo := at[provider][n]
				if !okFrom || !okTo {
					return 0, false
				}
				return Marginal(from, to), true
			}
			row := []string{phaseTitles[phase], fmt.Sprintf("%d → %d", prev, n)}
			for _, p := range []string{TerraformData, Framework, CRM} {
				row = append(row, format(cell(p)))
			}
			crm, okC := cell(CRM)
			fw, okF := cell(Framework)
			row = append(row, format(crm-fw, okC && okF))
			b.WriteString("| " + strings.Join(row, " | ") + " |\n")
			prev = n
		}
	}
	return b.String()
}

func format(v float64, ok bool) string {
	if !ok {
		return "—"
	}
	return fmt.Sprintf("%.2f", v)
}
