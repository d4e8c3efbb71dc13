// Command chart draws make bench's cost curve: the wall time of each phase
// (apply, no-op plan, update 10 %, destroy) against the number of customers
// N, for the crm provider (at each latency measured) and its two floors,
// terraform_data (Terraform alone) and the framework floor (the crm schema
// with no API, bench/floorprovider). It reads the bench's bench/results.csv
// and writes one SVG with a panel per phase (bench/cost-curve.svg).
//
// With -marginal it also prints, as markdown tables, each series' marginal
// cost per 1,000 resources between successive N at 0 ms (where it grows with
// N, the time per resource is not constant, and where the floors grow as
// fast as the provider, that growth is Terraform's), and a least-squares fit
// t(N) ≈ C + A·N + B·N² of each series with the N beyond which the growth
// term outweighs the linear one.
//
//	go run ./bench/chart -in bench/results.csv -out bench/cost-curve.svg [-marginal]
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
)

func main() {
	if err := run(os.Args[1:], os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "chart:", err)
		os.Exit(1)
	}
}

func run(args []string, stdout io.Writer) error {
	fs := flag.NewFlagSet("chart", flag.ContinueOnError)
	in := fs.String("in", "bench/results.csv", "the bench's measurements")
	out := fs.String("out", "bench/cost-curve.svg", "the chart to write")
	marginal := fs.Bool("marginal", false, "print the marginal cost per 1,000 resources and the quadratic fits as markdown tables")
	if err := fs.Parse(args); err != nil {
		return err
	}
	f, err := os.Open(*in)
	if err != nil {
		return err
	}
	ms, err := Read(f)
	_ = f.Close()
	if err != nil {
		return fmt.Errorf("%s: %w", *in, err)
	}
	if err := WriteSVG(ms, *out); err != nil {
		return err
	}
	if *marginal {
		_, err = io.WriteString(stdout, MarginalTable(ms)+"\n"+FitTable(ms))
	}
	return err
}
