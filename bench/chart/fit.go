package main

import (
	"fmt"
	"math"
	"strings"
)

// Fit is a least-squares fit of a series' seconds against N:
// t(N) ≈ C + A·N + B·N². C is the fixed cost (start-up), A the cost per
// resource, B what makes it grow faster than N.
type Fit struct {
	C, A, B float64
}

// FitQuadratic fits points (at least three distinct N); ok is false with
// fewer or when they don't determine the fit.
func FitQuadratic(points []Measurement) (Fit, bool) {
	distinct := map[int]bool{}
	for _, m := range points {
		distinct[m.N] = true
	}
	if len(distinct) < 3 {
		return Fit{}, false
	}
	// Normal equations in N/1000, so that the sums stay well conditioned.
	var s [5]float64 // sums of x^0..x^4
	var t [3]float64 // sums of y·x^0..x^2
	for _, m := range points {
		x := float64(m.N) / 1000
		p := 1.0
		for k := range s {
			s[k] += p
			if k < len(t) {
				t[k] += m.Seconds * p
			}
			p *= x
		}
	}
	a := [3][4]float64{
		{s[0], s[1], s[2], t[0]},
		{s[1], s[2], s[3], t[1]},
		{s[2], s[3], s[4], t[2]},
	}
	// Gaussian elimination with partial pivoting.
	for col := range 3 {
		pivot := col
		for r := col + 1; r < 3; r++ {
			if math.Abs(a[r][col]) > math.Abs(a[pivot][col]) {
				pivot = r
			}
		}
		if math.Abs(a[pivot][col]) < 1e-12 {
			return Fit{}, false
		}
		a[col], a[pivot] = a[pivot], a[col]
		for r := col + 1; r < 3; r++ {
			f := a[r][col] / a[col][col]
			for c := col; c < 4; c++ {
				a[r][c] -= f * a[col][c]
			}
		}
	}
	var x [3]float64
	for r := 2; r >= 0; r-- {
		v := a[r][3]
		for c := r + 1; c < 3; c++ {
			v -= a[r][c] * x[c]
		}
		x[r] = v / a[r][r]
	}
	// Back from thousands: t = x0 + x1·(N/1000) + x2·(N/1000)².
	return Fit{C: x[0], A: x[1] / 1000, B: x[2] / 1e6}, true
}

// Crossover is the N at which the superlinear term B·N² has grown as large
// as the linear A·N: beyond it, most of each added resource's cost is the
// growth. ok is false when the fit shows no growth (B ≤ 0) or no linear
// part (A ≤ 0: the fit is all growth).
func (f Fit) Crossover() (float64, bool) {
	if f.B <= 0 || f.A <= 0 {
		return 0, false
	}
	return f.A / f.B, true
}

// At is the fit's time at n.
func (f Fit) At(n float64) float64 { return f.C + f.A*n + f.B*n*n }

// FitTable is a markdown table of each phase's fits at 0 ms, for
// terraform_data, the framework floor and the crm provider, with the
// largest distance of a measurement from its fit (how far to trust it).
func FitTable(ms []Measurement) string {
	var b strings.Builder
	b.WriteString("| phase | series | fixed s (C) | s per 1,000, linear (A) | growth at N = 1,000, s (B·N²) | N where B·N² = A·N | largest residual s |\n")
	b.WriteString("|---|---|---:|---:|---:|---:|---:|\n")
	for _, phase := range Phases {
		for _, s := range SeriesOf(ms, phase) {
			if s.Provider == CRM && s.LatencyMS != 0 {
				continue
			}
			f, ok := FitQuadratic(s.Points)
			if !ok {
				continue
			}
			cross := "none: no growth"
			if n, ok := f.Crossover(); ok {
				cross = fmt.Sprintf("%.0f", n)
			}
			var resid float64
			for _, m := range s.Points {
				resid = math.Max(resid, math.Abs(m.Seconds-f.At(float64(m.N))))
			}
			fmt.Fprintf(&b, "| %s | %s | %.2f | %.2f | %.2f | %s | %.2f |\n",
				phaseTitles[phase], shortLabel(s), f.C, f.A*1000, f.B*1e6, cross, resid)
		}
	}
	return b.String()
}

func shortLabel(s Series) string {
	switch s.Provider {
	case CRM:
		return "crm (0 ms)"
	case Framework:
		return "framework floor"
	default:
		return "terraform_data"
	}
}
