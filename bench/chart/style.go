package main

import (
	"image/color"

	"gonum.org/v1/plot/plotutil"
)

// seriesStyle keeps a provider's colour the same in every panel: the crm
// provider red (darker at a higher latency), the framework floor blue,
// terraform_data grey.
func seriesStyle(s Series, i int) color.Color {
	switch s.Provider {
	case CRM:
		if s.LatencyMS > 0 {
			return color.RGBA{R: 0x8b, G: 0x1a, B: 0x1a, A: 0xff}
		}
		return color.RGBA{R: 0xd6, G: 0x27, B: 0x28, A: 0xff}
	case Framework:
		return color.RGBA{R: 0x1f, G: 0x77, B: 0xb4, A: 0xff}
	case TerraformData:
		return color.RGBA{R: 0x70, G: 0x70, B: 0x70, A: 0xff}
	}
	return plotutil.Color(i)
}
