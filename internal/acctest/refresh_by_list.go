package acctest

import (
	"fmt"
	"strconv"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/customerops/terraform-provider-crm/internal/sandbox"
)

// The records a RefreshByList test changes and deletes out of band; record
// Untouched is neither, and plans no change.
const (
	Changed   = 5
	Deleted   = 7
	Untouched = 8
)

// RefreshByList is the test of a refresh that reads many records at once
// (the platform's list, or batches of ids) instead of one GET each: N
// records of Type named "many" are applied, record Changed is changed and
// record Deleted deleted out of band, and the next plan still updates the
// first back to its configuration and re-creates the second, leaves
// Untouched alone, and sends only the reads Refresh accepts; the apply
// then restores both.
type RefreshByList struct {
	Server   *sandbox.Server
	Platform string
	// Type is the resource type; Config declares N of them, named "many",
	// with count (the provider block is added).
	Type   string
	N      int
	Config string
	// Change changes record Changed's Attr out of band; Want is the
	// configured value the plan restores.
	Attr, Want string
	Change     func(id string) error
	// Delete deletes record Deleted out of band, reporting whether it was there.
	Delete func(id string) bool
	// Refresh checks the plan's reads (GETs to Platform), given the
	// records' ids by index.
	Refresh func(ids []string) func(gets []sandbox.Request) error
	// Stored is how many records the platform holds; Restored checks record
	// Changed there after the apply.
	Stored   func() int
	Restored func(id string) error
}

// Test runs the two steps.
func (r RefreshByList) Test(t *testing.T) {
	t.Helper()
	ids := make([]string, r.N)
	var mark Mark
	at := func(i int) string { return fmt.Sprintf("%s.many[%d]", r.Type, i) }
	inState := func(st *terraform.State, i int) string {
		if res := st.RootModule().Resources[fmt.Sprintf("%s.many.%d", r.Type, i)]; res != nil {
			return res.Primary.ID
		}
		return ""
	}
	config := Config(r.Server, r.Config)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config: config,
				Check: func(st *terraform.State) error {
					for i := range ids {
						if ids[i] = inState(st, i); ids[i] == "" {
							return fmt.Errorf("%s is not in state", at(i))
						}
					}
					return nil
				},
			},
			{
				PreConfig: func() {
					if err := r.Change(ids[Changed]); err != nil {
						t.Fatal(err)
					}
					if !r.Delete(ids[Deleted]) {
						t.Fatalf("%s (%s) is not in the sandbox", at(Deleted), ids[Deleted])
					}
					mark = MarkRequests(r.Server)
				},
				Config: config,
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(at(Changed), plancheck.ResourceActionUpdate),
						plancheck.ExpectKnownValue(at(Changed), tfjsonpath.New(r.Attr), knownvalue.StringExact(r.Want)),
						plancheck.ExpectResourceAction(at(Deleted), plancheck.ResourceActionCreate),
						plancheck.ExpectResourceAction(at(Untouched), plancheck.ResourceActionNoop),
						RefreshGETs(&mark, r.Platform, r.Refresh(ids)),
					},
				},
				Check: func(st *terraform.State) error {
					if id := inState(st, Changed); id != ids[Changed] {
						return fmt.Errorf("%s in state is %q, want the record updated in place (%s)", at(Changed), id, ids[Changed])
					}
					if id := inState(st, Deleted); id == "" || id == ids[Deleted] {
						return fmt.Errorf("%s in state is %q, want a new record (was %s)", at(Deleted), id, ids[Deleted])
					}
					if n := r.Stored(); n != r.N {
						return fmt.Errorf("the sandbox holds %d records, want %d", n, r.N)
					}
					return r.Restored(ids[Changed])
				},
			},
		},
	})
}

// NumericID is a state id as the number a platform with numeric ids keys
// its records by; 0, which no record has, when it is not one.
func NumericID(id string) int64 {
	n, err := strconv.ParseInt(id, 10, 64)
	if err != nil {
		return 0
	}
	return n
}
