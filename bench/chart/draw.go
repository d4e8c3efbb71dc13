package main

import (
	"bytes"
	"fmt"
	"io"
	"os"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/plotutil"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgsvg"
)

// WriteSVG draws one panel per phase (two by two) into path.
func WriteSVG(ms []Measurement, path string) error {
	var buf bytes.Buffer
	if err := Draw(ms, &buf); err != nil {
		return err
	}
	return os.WriteFile(path, buf.Bytes(), 0o644) //nolint:gosec // a chart for the repository, readable by all
}

// Draw writes the chart as SVG to w.
func Draw(ms []Measurement, w io.Writer) error {
	const rows, cols = 2, 2
	plots := make([][]*plot.Plot, rows)
	for i, phase := range Phases {
		if plots[i/cols] == nil {
			plots[i/cols] = make([]*plot.Plot, cols)
		}
		p, err := panel(ms, phase)
		if err != nil {
			return err
		}
		plots[i/cols][i%cols] = p
	}
	img := vgsvg.New(26*vg.Centimeter, 20*vg.Centimeter)
	dc := draw.New(img)
	tiles := draw.Tiles{
		Rows: rows, Cols: cols,
		PadX: 6 * vg.Millimeter, PadY: 6 * vg.Millimeter,
		PadTop: 3 * vg.Millimeter, PadBottom: 3 * vg.Millimeter,
		PadLeft: 3 * vg.Millimeter, PadRight: 3 * vg.Millimeter,
	}
	canvases := plot.Align(plots, tiles, dc)
	for j := range plots {
		for i := range plots[j] {
			plots[j][i].Draw(canvases[j][i])
		}
	}
	_, err := img.WriteTo(w)
	return err
}

// panel is one phase's plot: a line per series, the crm provider's
// latencies above 0 ms dashed.
func panel(ms []Measurement, phase string) (*plot.Plot, error) {
	p := plot.New()
	p.Title.Text = phaseTitles[phase]
	p.X.Label.Text = "customers in the state (N)"
	p.Y.Label.Text = "wall time, s"
	p.X.Min, p.Y.Min = 0, 0
	p.Add(plotter.NewGrid())
	p.Legend.Top = true
	p.Legend.Left = true
	p.Legend.TextStyle.Font.Size = vg.Points(8)
	for i, s := range SeriesOf(ms, phase) {
		xys := make(plotter.XYs, len(s.Points))
		for k, m := range s.Points {
			xys[k] = plotter.XY{X: float64(m.N), Y: m.Seconds}
		}
		line, points, err := plotter.NewLinePoints(xys)
		if err != nil {
			return nil, fmt.Errorf("%s, %s: %w", phase, s.Label, err)
		}
		style := seriesStyle(s, i)
		line.Color, points.Color = style, style
		line.Width = vg.Points(1.5)
		points.Shape = plotutil.Shape(i)
		if s.Provider == CRM && s.LatencyMS > 0 {
			line.Dashes = []vg.Length{vg.Points(5), vg.Points(3)}
		}
		p.Add(line, points)
		p.Legend.Add(s.Label, line, points)
	}
	return p, nil
}
