package guides

import (
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6"

	"github.com/customerops/terraform-provider-crm/internal/provider"
)

// adoptionGuide holds the table of list resources and their filters.
const adoptionGuide = "adopting-existing-customers"

var (
	tableRowRE = regexp.MustCompile("^\\|\\s*`(crm_[a-z0-9_]+)`\\s*\\|([^|]*)\\|")
	codeRE     = regexp.MustCompile("`([a-z0-9_]+)`")
)

// TestGuides_listResourceTable: the adoption guide's table names every list
// resource the provider serves, each with exactly its filters (the
// backquoted names of the second column), and no other: a list resource
// added or a filter renamed fails here until the guide says so.
func TestGuides_listResourceTable(t *testing.T) {
	guides, err := LoadGuides()
	if err != nil {
		t.Fatal(err)
	}
	i := slices.IndexFunc(guides, func(g *Guide) bool { return g.Name == adoptionGuide })
	if i < 0 {
		t.Fatalf("no guide %s", adoptionGuide)
	}
	text, err := os.ReadFile(guides[i].Path)
	if err != nil {
		t.Fatal(err)
	}
	inGuide := map[string][]string{}
	for line := range strings.SplitSeq(string(text), "\n") {
		m := tableRowRE.FindStringSubmatch(line)
		if m == nil {
			continue
		}
		if _, dup := inGuide[m[1]]; dup {
			t.Errorf("%s is in the table twice", m[1])
		}
		filters := []string{}
		for _, f := range codeRE.FindAllStringSubmatch(m[2], -1) {
			filters = append(filters, f[1])
		}
		slices.Sort(filters)
		inGuide[m[1]] = filters
	}

	schema, err := provider.NewServer("test")().GetProviderSchema(t.Context(), &tfprotov6.GetProviderSchemaRequest{})
	if err != nil {
		t.Fatal(err)
	}
	if len(schema.ListResourceSchemas) == 0 {
		t.Fatal("the provider serves no list resource")
	}
	for typ, s := range schema.ListResourceSchemas {
		want := []string{}
		for _, a := range s.Block.Attributes {
			want = append(want, a.Name)
		}
		slices.Sort(want)
		got, ok := inGuide[typ]
		switch {
		case !ok:
			t.Errorf("%s: the provider lists %s (filters %v); add it to the guide's table", adoptionGuide, typ, want)
		case !slices.Equal(got, want):
			t.Errorf("%s: the table gives %s the filters %v; the provider's are %v", adoptionGuide, typ, got, want)
		}
		delete(inGuide, typ)
	}
	for typ := range inGuide {
		t.Errorf("%s: the table names %s, which the provider does not list", adoptionGuide, typ)
	}
}
