package razorpay_test

import (
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/customerops/terraform-provider-crm/internal/acctest"
	"github.com/customerops/terraform-provider-crm/internal/sandbox"
	sbrazorpay "github.com/customerops/terraform-provider-crm/internal/sandbox/razorpay"
)

const customerAddr = "crm_razorpay_customer.test"

var idPattern = regexp.MustCompile(`^cust_[A-Za-z0-9]{14}$`)

// newSandbox is acctest.Sandbox plus the rule every Razorpay test checks
// at its end: nothing ever sent DELETE to Razorpay.
func newSandbox(t *testing.T) *sandbox.Server {
	t.Helper()
	s := acctest.Sandbox(t)
	t.Cleanup(func() {
		for _, r := range s.RequestsFor(sbrazorpay.Name) {
			if r.Method == "DELETE" {
				t.Errorf("Razorpay has no delete, but the provider sent DELETE %s", r.Path)
			}
		}
	})
	return s
}

// customer is the HCL of crm_razorpay_customer.test; empty fields are left
// out, and notes are written only when non-nil (so {} and omitted differ).
type customer struct {
	Name, Contact, Email, GSTIN string
	Notes                       map[string]string
	Adopt                       *bool
}

func (c customer) config(s *sandbox.Server) string {
	var b strings.Builder
	b.WriteString("\nresource \"crm_razorpay_customer\" \"test\" {\n")
	for _, kv := range [][2]string{{"name", c.Name}, {"contact", c.Contact}, {"email", c.Email}, {"gstin", c.GSTIN}} {
		if kv[1] != "" {
			fmt.Fprintf(&b, "  %s = %s\n", kv[0], strconv.Quote(kv[1]))
		}
	}
	if c.Notes != nil {
		keys := make([]string, 0, len(c.Notes))
		for k := range c.Notes {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		b.WriteString("  notes = {\n")
		for _, k := range keys {
			fmt.Fprintf(&b, "    %s = %s\n", strconv.Quote(k), strconv.Quote(c.Notes[k]))
		}
		b.WriteString("  }\n")
	}
	if c.Adopt != nil {
		fmt.Fprintf(&b, "  adopt_existing = %t\n", *c.Adopt)
	}
	b.WriteString("}\n")
	return acctest.Config(s, b.String())
}

// gaurav is the contract's example customer.
func gaurav() customer {
	return customer{Name: "Gaurav Kumar", Contact: "+919876543210", Email: "gaurav.kumar@example.com"}
}

func ptr[T any](v T) *T { return &v }

// stateID returns the customer id in state.
func stateID(st *terraform.State) string {
	return st.RootModule().Resources[customerAddr].Primary.ID
}

// captureID is a Check storing the customer id in *id.
func captureID(id *string) func(*terraform.State) error {
	return func(st *terraform.State) error {
		*id = stateID(st)
		return nil
	}
}

// storeCount checks how many customers the sandbox holds.
func storeCount(s *sandbox.Server, want int) func(*terraform.State) error {
	return func(*terraform.State) error {
		if got := len(sbrazorpay.StoreOf(s).Customers.List()); got != want {
			return fmt.Errorf("the sandbox holds %d Razorpay customers, want %d", got, want)
		}
		return nil
	}
}

// sbxCustomer is a customer to seed out of band.
func sbxCustomer(name, contact, email string) sbrazorpay.Customer {
	return sbrazorpay.Customer{Name: name, Contact: contact, Email: email}
}
