// Package generate is `terraform-provider-crm generate`: the adoption path
// for OpenTofu and Terraform before 1.14, which have no `terraform query`.
// It serves the provider in process and asks it what `terraform query
// -generate-config-out` asks it (the list resource, with the resources
// included), then writes the same resource and import blocks with
// hclwrite. The credentials come from the same environment variables the
// provider block falls back to.
package generate

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
)

// Usage is the command's help.
const Usage = `Usage: terraform-provider-crm generate TYPE [NAME=VALUE ...] [-o FILE] [-limit N]

Writes a resource block and an import block for every record the provider
lists, so that "terraform apply" (or "tofu apply") adopts them all and the
next plan is empty. The import blocks name records by id, which every
Terraform and OpenTofu version with import blocks (1.5+) understands.

TYPE is a resource type (crm_xtrakit_customer, xtrakit_customer) or a
platform name for its customers (xtrakit). NAME=VALUE pairs are the list
resource's filters, as in a list block's config (email=ada@example.com).
Credentials come from the environment variables the provider reads
(XTRAKIT_API_KEY, ...).

`

// Options are the command line's.
type Options struct {
	Type    string            // the resource type, "crm_xtrakit_customer"
	Filters map[string]string // list config attribute -> its value as typed
	Limit   int64             // 0: every record
	Out     string            // a new file; "" for stdout
}

// Run is the subcommand: args after "generate". server builds the
// provider's protocol server.
func Run(ctx context.Context, args []string, stdout, stderr io.Writer, server func() tfprotov6.ProviderServer) error {
	opts, err := parseArgs(args, stderr)
	if err != nil {
		return err
	}
	out := stdout
	if opts.Out != "" {
		// Like -generate-config-out: never overwrite what a person wrote.
		f, err := os.OpenFile(opts.Out, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
		if err != nil {
			return fmt.Errorf("-o %s: %w (generate writes a new file only)", opts.Out, err)
		}
		defer f.Close()
		out = f
	}
	n, err := Write(ctx, server(), &opts, out)
	if err != nil {
		if opts.Out != "" {
			_ = os.Remove(opts.Out)
		}
		return err
	}
	where := "standard output"
	if opts.Out != "" {
		where = opts.Out
	}
	fmt.Fprintf(stderr, "generate: %d %s record(s): %d resource and %d import block(s) written to %s\n", n, opts.Type, n, n, where)
	return nil
}

func parseArgs(args []string, stderr io.Writer) (Options, error) {
	fs := flag.NewFlagSet("generate", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprint(stderr, Usage)
		fs.PrintDefaults()
	}
	var opts Options
	fs.StringVar(&opts.Out, "o", "", "write to this new `file` instead of standard output")
	fs.Int64Var(&opts.Limit, "limit", 0, "at most this many records (0: all)")
	// Flags may stand anywhere: `generate xtrakit email=x -o c.tf` too.
	var rest []string
	for {
		if err := fs.Parse(args); err != nil {
			return opts, err
		}
		if fs.NArg() == 0 {
			break
		}
		rest = append(rest, fs.Arg(0))
		args = fs.Args()[1:]
	}
	if len(rest) == 0 {
		fs.Usage()
		return opts, errors.New("name the resource type to list, e.g. `generate xtrakit_customer`")
	}
	if opts.Limit < 0 {
		return opts, fmt.Errorf("-limit %d: a limit is 0 (all) or more", opts.Limit)
	}
	opts.Type = rest[0]
	opts.Filters = map[string]string{}
	for _, kv := range rest[1:] {
		name, value, ok := strings.Cut(kv, "=")
		if !ok || name == "" {
			return opts, fmt.Errorf("%q: a filter is NAME=VALUE, e.g. email=ada@example.com", kv)
		}
		if _, dup := opts.Filters[name]; dup {
			return opts, fmt.Errorf("the filter %s is given twice", name)
		}
		opts.Filters[name] = value
	}
	return opts, nil
}

// resolveType finds the list resource TYPE names among those the provider
// serves: the full name, without "crm_", or a platform's customers.
func resolveType(given string, served map[string]*tfprotov6.Schema) (string, error) {
	for _, candidate := range []string{given, "crm_" + given, "crm_" + given + "_customer"} {
		if _, ok := served[candidate]; ok {
			return candidate, nil
		}
	}
	names := make([]string, 0, len(served))
	for name := range served {
		names = append(names, name)
	}
	sort.Strings(names)
	return "", fmt.Errorf("%q is not a type the provider lists; one of: %s", given, strings.Join(names, ", "))
}
