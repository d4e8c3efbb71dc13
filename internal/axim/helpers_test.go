package axim_test

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/hashicorp/terraform-plugin-testing/terraform"
)

const customerAddr = "crm_axim_customer.test"

var idPattern = regexp.MustCompile(`^[0-9a-f]{24}$`)

// address is one entry of addresses in HCL; empty fields are left out.
type address struct {
	FirstName, LastName, Phone, Address1, Address2, City, State, Country, Zipcode string
	Default                                                                       bool
}

func (a address) hcl() string {
	var b strings.Builder
	b.WriteString("    {\n")
	for _, f := range [][2]string{{"first_name", a.FirstName}, {"last_name", a.LastName}, {"phone_number", a.Phone},
		{"address1", a.Address1}, {"address2", a.Address2}, {"city", a.City}, {"state", a.State}, {"country", a.Country},
		{"zipcode", a.Zipcode}} {
		if f[1] != "" {
			fmt.Fprintf(&b, "      %s = %q\n", f[0], f[1])
		}
	}
	if a.Default {
		b.WriteString("      is_default = true\n")
	}
	b.WriteString("    },\n")
	return b.String()
}

// customer is the HCL of crm_axim_customer.test; Meta is written as is.
type customer struct {
	FirstName, LastName, Email, Status, Phone, Notes, Company string
	Addresses                                                 []address
	Meta                                                      string
}

func (c customer) hcl() string {
	var b strings.Builder
	b.WriteString("resource \"crm_axim_customer\" \"test\" {\n")
	fmt.Fprintf(&b, "  first_name = %q\n  last_name = %q\n  email = %q\n", c.FirstName, c.LastName, c.Email)
	for _, f := range [][2]string{{"status", c.Status}, {"phone_number", c.Phone}, {"notes", c.Notes}, {"company_id", c.Company}} {
		if f[1] != "" {
			fmt.Fprintf(&b, "  %s = %q\n", f[0], f[1])
		}
	}
	if c.Addresses != nil {
		b.WriteString("  addresses = [\n")
		for _, a := range c.Addresses {
			b.WriteString(a.hcl())
		}
		b.WriteString("  ]\n")
	}
	if c.Meta != "" {
		fmt.Fprintf(&b, "  meta_fields = %s\n", c.Meta)
	}
	b.WriteString("}\n")
	return b.String()
}

func minimal() customer {
	return customer{FirstName: "John", LastName: "Doe", Email: "john@aximcommerce.com"}
}

var (
	home   = address{FirstName: "John", LastName: "Doe", Address1: "12/4, test st", City: "Elizabeth", State: "NJ", Country: "US", Zipcode: "07202", Default: true}
	office = address{Address1: "1 Broad St", City: "Newark", State: "NJ", Country: "US", Zipcode: "07102"}
	depot  = address{Address1: "9 Dock Rd", City: "Toronto", State: "ON", Country: "CA"}
)

// full has three addresses and meta fields of all three types.
func full() customer {
	c := minimal()
	c.Status, c.Phone, c.Notes = "pending", "65161861", "NOTE AREA"
	c.Addresses = []address{home, office, depot}
	c.Meta = `{
    p21_contact_id = 12548
    tier           = "gold"
    vip            = true
  }`
	return c
}

func stateID(st *terraform.State) string {
	return st.RootModule().Resources[customerAddr].Primary.ID
}
