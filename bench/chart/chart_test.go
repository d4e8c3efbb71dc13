package main

import (
	"bytes"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const sample = `provider,n,latency_ms,phase,seconds,peak_rss_mib
terraform_data,100,,apply,0.77,
terraform_data,500,,apply,6.03,
framework,100,,apply,0.90,40.5
framework,500,,apply,7.00,44.0
crm,100,0,apply,1.00,55.95
crm,500,0,apply,8.00,56.98
crm,100,20,apply,1.95,49.70
terraform_data,100,,plan,0.39,
framework,100,,plan,0.50,41
crm,100,0,plan,0.75,54.11
terraform_data,100,,update,0.54,
crm,100,0,update,1.04,57.90
terraform_data,100,,destroy,0.79,
crm,100,0,destroy,1.20,46.36
`

func TestReadParsesEveryColumn(t *testing.T) {
	ms, err := Read(strings.NewReader(sample))
	if err != nil {
		t.Fatal(err)
	}
	if len(ms) != 14 {
		t.Fatalf("%d measurements, want 14", len(ms))
	}
	floor, crm := ms[0], ms[6]
	if floor.Provider != TerraformData || floor.N != 100 || floor.LatencyMS != NoLatency || floor.Phase != "apply" || floor.Seconds != 0.77 || !math.IsNaN(floor.RSSMiB) {
		t.Errorf("floor row: %+v", floor)
	}
	if crm.Provider != CRM || crm.N != 100 || crm.LatencyMS != 20 || crm.Seconds != 1.95 || crm.RSSMiB != 49.70 {
		t.Errorf("crm row: %+v", crm)
	}
}

func TestReadRefusesWhatTheBenchDoesNotWrite(t *testing.T) {
	for name, body := range map[string]string{
		"empty":             "",
		"header only":       "provider,n,latency_ms,phase,seconds,peak_rss_mib\n",
		"other header":      "provider,n,phase,seconds\ncrm,1,apply,1\n",
		"short row":         "provider,n,latency_ms,phase,seconds,peak_rss_mib\ncrm,100,0,apply,1\n",
		"unknown provider":  "provider,n,latency_ms,phase,seconds,peak_rss_mib\nnull_resource,100,,apply,1,\n",
		"unknown phase":     "provider,n,latency_ms,phase,seconds,peak_rss_mib\ncrm,100,0,import,1,\n",
		"zero n":            "provider,n,latency_ms,phase,seconds,peak_rss_mib\ncrm,0,0,apply,1,\n",
		"crm, no latency":   "provider,n,latency_ms,phase,seconds,peak_rss_mib\ncrm,100,,apply,1,\n",
		"floor, a latency":  "provider,n,latency_ms,phase,seconds,peak_rss_mib\nframework,100,20,apply,1,\n",
		"negative seconds":  "provider,n,latency_ms,phase,seconds,peak_rss_mib\ncrm,100,0,apply,-1,\n",
		"seconds not a num": "provider,n,latency_ms,phase,seconds,peak_rss_mib\ncrm,100,0,apply,n/a,\n",
		"bad rss":           "provider,n,latency_ms,phase,seconds,peak_rss_mib\ncrm,100,0,apply,1,n/a\n",
	} {
		if ms, err := Read(strings.NewReader(body)); err == nil {
			t.Errorf("%s: read %v, want an error", name, ms)
		}
	}
}

func TestReadNamesTheLine(t *testing.T) {
	_, err := Read(strings.NewReader(sample + "crm,100,0,apply,x,\n"))
	if err == nil || !strings.Contains(err.Error(), "line 16") {
		t.Fatalf("error %v, want one naming line 16", err)
	}
}

func TestSeriesOfOrdersProvidersAndN(t *testing.T) {
	ms, _ := Read(strings.NewReader(sample + "crm,50,0,apply,0.5,50\n"))
	var labels []string
	for _, s := range SeriesOf(ms, "apply") {
		labels = append(labels, s.Label)
		for i := 1; i < len(s.Points); i++ {
			if s.Points[i-1].N >= s.Points[i].N {
				t.Errorf("%s: N not increasing: %+v", s.Label, s.Points)
			}
		}
	}
	want := []string{
		"crm provider, 0 ms API latency", "crm provider, 20 ms API latency",
		"framework floor (crm schema, no API)", "terraform_data (Terraform alone)",
	}
	if strings.Join(labels, "|") != strings.Join(want, "|") {
		t.Errorf("series %q, want %q", labels, want)
	}
}

func TestMarginalTable(t *testing.T) {
	ms, _ := Read(strings.NewReader(sample))
	table := MarginalTable(ms)
	// apply 100 -> 500: terraform_data (6.03-0.77)/400*1000 = 13.15,
	// framework 15.25, crm 17.50, crm - framework 2.25.
	if !strings.Contains(table, "| apply (create N) | 100 → 500 | 13.15 | 15.25 | 17.50 | 2.25 |") {
		t.Errorf("no apply 100 → 500 row:\n%s", table)
	}
	// From 0: the average over the first N, start-up included.
	if !strings.Contains(table, "| apply (create N) | 0 → 100 | 7.70 | 9.00 | 10.00 | 1.00 |") {
		t.Errorf("no apply 0 → 100 row:\n%s", table)
	}
	// The 20 ms series is not in it; a series without the N shows a dash.
	if !strings.Contains(table, "| update 10 % | 0 → 100 | 5.40 | — | 10.40 | — |") {
		t.Errorf("no update row with a dash:\n%s", table)
	}
}

func TestRunWritesANonEmptySVG(t *testing.T) {
	dir := t.TempDir()
	in, out := filepath.Join(dir, "results.csv"), filepath.Join(dir, "cost-curve.svg")
	if err := os.WriteFile(in, []byte(sample), 0o600); err != nil {
		t.Fatal(err)
	}
	var stdout bytes.Buffer
	if err := run([]string{"-in", in, "-out", out, "-marginal"}, &stdout); err != nil {
		t.Fatal(err)
	}
	svg, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	s := string(svg)
	if len(svg) < 1000 || !strings.Contains(s, "<svg") || !strings.HasSuffix(strings.TrimSpace(s), "</svg>") {
		t.Fatalf("not a complete SVG (%d bytes): %.200s", len(svg), s)
	}
	for _, want := range []string{"apply (create N)", "no-op plan", "update 10 %", "destroy", "framework floor (crm schema, no API)"} {
		if !strings.Contains(s, want) {
			t.Errorf("the SVG has no %q", want)
		}
	}
	if !strings.HasPrefix(stdout.String(), "| phase | N |") {
		t.Errorf("-marginal printed %q", stdout.String())
	}
}

func TestRunFailsOnABadFile(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "results.csv")
	_ = os.WriteFile(in, []byte("nonsense\n"), 0o600)
	if err := run([]string{"-in", in, "-out", filepath.Join(dir, "x.svg")}, &bytes.Buffer{}); err == nil {
		t.Fatal("no error")
	}
	if _, err := os.Stat(filepath.Join(dir, "x.svg")); err == nil {
		t.Error("wrote an SVG from a bad file")
	}
}

func TestFitQuadraticRecoversAKnownCurve(t *testing.T) {
	// t = 0.5 + 0.006·N + 0.00001·N²: growth equals the linear part at N = 600.
	var pts []Measurement
	for _, n := range []int{100, 500, 1000, 2000} {
		x := float64(n)
		pts = append(pts, Measurement{N: n, Seconds: 0.5 + 0.006*x + 0.00001*x*x})
	}
	f, ok := FitQuadratic(pts)
	if !ok {
		t.Fatal("no fit")
	}
	near := func(got, want float64) bool { return math.Abs(got-want) <= 1e-9*math.Max(1, math.Abs(want)) }
	if !near(f.C, 0.5) || !near(f.A, 0.006) || !near(f.B, 0.00001) {
		t.Errorf("fit %+v", f)
	}
	if n, ok := f.Crossover(); !ok || math.Abs(n-600) > 1e-6 {
		t.Errorf("crossover %v %v, want 600", n, ok)
	}
	if _, ok := FitQuadratic(pts[:2]); ok {
		t.Error("a fit from two N")
	}
	if _, ok := (Fit{A: 1, B: -1}).Crossover(); ok {
		t.Error("a crossover without growth")
	}
}

func TestFitTable(t *testing.T) {
	ms, _ := Read(strings.NewReader(sample +
		"terraform_data,1000,,apply,21.04,\nterraform_data,2000,,apply,73.65,\n"))
	table := FitTable(ms)
	// Only terraform_data's apply has three N; the others have no row.
	if strings.Count(table, "\n") != 3 || !strings.Contains(table, "| apply (create N) | terraform_data |") {
		t.Errorf("table:\n%s", table)
	}
}
