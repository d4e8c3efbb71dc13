package webcommander

import "strings"

// place is a country or state as responses carry it: {id, name, code}.
type place struct {
	ID   int64  `json:"id"`
	Name string `json:"name"`
	Code string `json:"code"`
}

// countries is the built-in country table (decided: a small one is enough
// for tests; a request naming any other country is a 400).
var countries = []place{
	{13, "Australia", "AU"}, {226, "United States", "US"}, {225, "United Kingdom", "GB"},
	{99, "India", "IN"}, {153, "New Zealand", "NZ"}, {38, "Canada", "CA"}, {81, "Germany", "DE"},
	{73, "France", "FR"}, {18, "Bangladesh", "BD"}, {82, "Ghana", "GH"},
}

// states are the known states of AU and US, by country code. A state not
// listed is accepted as sent and answered as {0, value, value}.
var states = map[string][]place{
	"AU": {
		{1, "New South Wales", "NSW"}, {2, "Victoria", "VIC"}, {3, "Queensland", "QLD"},
		{4, "Western Australia", "WA"}, {5, "South Australia", "SA"}, {6, "Tasmania", "TAS"},
		{7, "Australian Capital Territory", "ACT"}, {8, "Northern Territory", "NT"},
	},
	"US": {
		{101, "California", "CA"}, {102, "New York", "NY"}, {103, "New Jersey", "NJ"},
		{104, "Texas", "TX"}, {105, "Washington", "WA"}, {106, "Florida", "FL"}, {107, "Illinois", "IL"},
	},
}

// lookup finds v by code or name, case-insensitively.
func lookup(table []place, v string) (place, bool) {
	for _, p := range table {
		if strings.EqualFold(p.Code, v) || strings.EqualFold(p.Name, v) {
			return p, true
		}
	}
	return place{}, false
}

// countryOf is the response's country object: nil when none is stored, the
// table's entry when known, else the stored value as name and code (only
// seeds and mutates can store an unknown country).
func countryOf(v string) *place {
	if v == "" {
		return nil
	}
	if p, ok := lookup(countries, v); ok {
		return &p
	}
	return &place{Name: v, Code: v}
}

// stateOf is the response's state object, resolved within country.
func stateOf(country, v string) *place {
	if v == "" {
		return nil
	}
	code := country
	if c, ok := lookup(countries, country); ok {
		code = c.Code
	}
	if p, ok := lookup(states[code], v); ok {
		return &p
	}
	return &place{Name: v, Code: v}
}
