package stripe

import (
	"fmt"
	"net/url"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/customerops/terraform-provider-crm/internal/sandbox/httpjson"
)

// Limits and enums (internal/stripe/CONTRACT.md §4).
const (
	maxName         = 256
	maxEmail        = 512
	maxPhone        = 20
	maxText         = 5000
	maxMetadataKeys = 50
	maxMetadataKey  = 40
	maxMetadataVal  = 500
	maxLimit        = 100
	defaultLimit    = 10
)

// TaxExemptions are the values tax_exempt takes.
var TaxExemptions = []string{"none", "exempt", "reverse"}

var invoicePrefix = regexp.MustCompile(`^[A-Z0-9]{3,12}$`)

// input is a create or update body, read from its bracket notation. A nil
// pointer is a parameter not sent; clear* is the parameter sent empty.
type input struct {
	Name, Email, Phone, Description, TaxExempt, InvoicePrefix *string

	Address      *Address
	ClearAddress bool

	Shipping      *shippingIn
	ClearShipping bool

	Metadata      map[string]string // "" values unset their key
	ClearMetadata bool

	Locales    []string
	SetLocales bool
}

type shippingIn struct {
	Name, Phone *string
	Address     *Address
}

// key splits "shipping[address][city]" into "shipping" and
// ["address","city"]; ok is false for a malformed key.
func splitKey(k string) (root string, path []string, ok bool) {
	i := strings.IndexByte(k, '[')
	if i < 0 {
		return k, nil, true
	}
	root, rest := k[:i], k[i:]
	for rest != "" {
		if rest[0] != '[' {
			return root, nil, false
		}
		j := strings.IndexByte(rest, ']')
		if j < 0 {
			return root, nil, false
		}
		path = append(path, rest[1:j])
		rest = rest[j+1:]
	}
	return root, path, root != ""
}

func unknown(k string) *apiError {
	return &apiError{Code: codeParamUnknown, Message: "Received unknown parameter: " + k, Param: k}
}

func invalidf(param, format string, a ...any) *apiError {
	return &apiError{Code: codeParamInvalid, Message: fmt.Sprintf(format, a...), Param: param}
}

func addressPart(a *Address, part string) **string {
	switch part {
	case "line1":
		return &a.Line1
	case "line2":
		return &a.Line2
	case "city":
		return &a.City
	case "state":
		return &a.State
	case "postal_code":
		return &a.PostalCode
	case "country":
		return &a.Country
	}
	return nil
}

// readInput reads a form body into an input, refusing what Stripe refuses.
func readInput(form url.Values) (*input, *apiError) {
	in := &input{}
	locales := map[int]string{}
	keys := make([]string, 0, len(form))
	for k := range form {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		vs := form[k]
		v := vs[len(vs)-1]
		root, path, ok := splitKey(k)
		if !ok {
			return nil, unknown(k)
		}
		str := func(dst **string) *apiError {
			if len(path) != 0 {
				return unknown(k)
			}
			*dst = &v
			return nil
		}
		var err *apiError
		switch root {
		case "name":
			err = str(&in.Name)
		case "email":
			err = str(&in.Email)
		case "phone":
			err = str(&in.Phone)
		case "description":
			err = str(&in.Description)
		case "tax_exempt":
			err = str(&in.TaxExempt)
		case "invoice_prefix":
			err = str(&in.InvoicePrefix)
		case "expand":
			// Accepted and ignored: nothing expandable is attached.
		case "address":
			switch {
			case len(path) == 0 && v == "":
				in.ClearAddress = true
			case len(path) == 0:
				err = invalidf(k, "Invalid hash")
			case len(path) == 1 && addressPart(&Address{}, path[0]) != nil:
				if in.Address == nil {
					in.Address = &Address{}
				}
				*addressPart(in.Address, path[0]) = &v
			default:
				err = unknown(k)
			}
		case "shipping":
			if len(path) == 0 {
				if v != "" {
					err = invalidf(k, "Invalid hash")
				}
				in.ClearShipping = true
				break
			}
			if in.Shipping == nil {
				in.Shipping = &shippingIn{}
			}
			switch {
			case len(path) == 1 && path[0] == "name":
				in.Shipping.Name = &v
			case len(path) == 1 && path[0] == "phone":
				in.Shipping.Phone = &v
			case len(path) == 2 && path[0] == "address" && addressPart(&Address{}, path[1]) != nil:
				if in.Shipping.Address == nil {
					in.Shipping.Address = &Address{}
				}
				*addressPart(in.Shipping.Address, path[1]) = &v
			default:
				err = unknown(k)
			}
		case "metadata":
			switch {
			case len(path) == 0 && v == "":
				in.ClearMetadata = true
			case len(path) == 1 && path[0] != "":
				if in.Metadata == nil {
					in.Metadata = map[string]string{}
				}
				in.Metadata[path[0]] = v
			default:
				err = invalidf("metadata", "Invalid metadata: metadata must be a hash of string keys and values")
			}
		case "preferred_locales":
			in.SetLocales = true
			switch {
			case len(path) == 0 && v == "":
			case len(path) == 1:
				i, convErr := strconv.Atoi(path[0])
				if convErr != nil || i < 0 || i > 1000 {
					err = invalidf(k, "Invalid array")
					break
				}
				locales[i] = v
			default:
				err = invalidf(k, "Invalid array")
			}
		default:
			err = unknown(k)
		}
		if err != nil {
			return nil, err
		}
	}
	for i := 0; i < len(locales); i++ {
		v, ok := locales[i]
		if !ok {
			return nil, invalidf("preferred_locales", "Invalid array")
		}
		in.Locales = append(in.Locales, v)
	}
	return in, in.validate()
}

func tooLong(param, v string, n int) *apiError {
	if utf8.RuneCountInString(v) <= n {
		return nil
	}
	return invalidf(param, "Invalid string: %.20s...; must be at most %d characters", v, n)
}

// validate checks the contract's field rules on what was sent.
func (in *input) validate() *apiError {
	for _, f := range []struct {
		param string
		v     *string
		n     int
	}{{"name", in.Name, maxName}, {"email", in.Email, maxEmail}, {"phone", in.Phone, maxPhone}, {"description", in.Description, maxText}, {"invoice_prefix", in.InvoicePrefix, maxText}} {
		if f.v != nil {
			if err := tooLong(f.param, *f.v, f.n); err != nil {
				return err
			}
		}
	}
	if in.Email != nil && *in.Email != "" && !httpjson.ValidEmail(strings.TrimSpace(*in.Email)) {
		return &apiError{Code: codeEmailInvalid, Message: "Invalid email address: " + *in.Email, Param: "email"}
	}
	if in.TaxExempt != nil && *in.TaxExempt != "" {
		ok := false
		for _, t := range TaxExemptions {
			ok = ok || t == *in.TaxExempt
		}
		if !ok {
			return invalidf("tax_exempt", "Invalid tax_exempt: must be one of none, exempt, or reverse")
		}
	}
	if in.InvoicePrefix != nil && !invoicePrefix.MatchString(*in.InvoicePrefix) {
		return invalidf("invoice_prefix", "Invalid invoice_prefix: must be 3-12 uppercase letters or numbers")
	}
	if len(in.Metadata) > maxMetadataKeys {
		return invalidf("metadata", "Invalid metadata: metadata can have up to %d keys", maxMetadataKeys)
	}
	for k, v := range in.Metadata {
		if utf8.RuneCountInString(k) > maxMetadataKey {
			return invalidf("metadata", "Invalid metadata: keys must be at most %d characters", maxMetadataKey)
		}
		if utf8.RuneCountInString(v) > maxMetadataVal {
			return invalidf("metadata["+k+"]", "Invalid metadata: values must be at most %d characters", maxMetadataVal)
		}
	}
	for _, a := range []*Address{in.Address, shippingAddress(in.Shipping)} {
		if a == nil {
			continue
		}
		for _, p := range []*string{a.Line1, a.Line2, a.City, a.State, a.PostalCode, a.Country} {
			if p != nil {
				if err := tooLong("address", *p, maxText); err != nil {
					return err
				}
			}
		}
	}
	// A hash both emptied ("shipping=") and set ("shipping[name]=...") in
	// one body is refused (decided: which one wins is not documented).
	if in.ClearShipping && in.Shipping != nil {
		return invalidf("shipping", "Invalid hash")
	}
	if in.ClearAddress && in.Address != nil {
		return invalidf("address", "Invalid hash")
	}
	if s := in.Shipping; s != nil {
		if s.Name == nil || *s.Name == "" {
			return &apiError{Code: codeParamMissing, Message: "Missing required param: shipping[name].", Param: "shipping[name]"}
		}
		if s.Address == nil {
			return &apiError{Code: codeParamMissing, Message: "Missing required param: shipping[address].", Param: "shipping[address]"}
		}
	}
	for i, l := range in.Locales {
		if err := tooLong("preferred_locales["+strconv.Itoa(i)+"]", l, maxText); err != nil {
			return err
		}
	}
	return nil
}

func shippingAddress(s *shippingIn) *Address {
	if s == nil {
		return nil
	}
	return s.Address
}

// listQuery is a list's query, read and checked.
type listQuery struct {
	limit                       int
	startingAfter, endingBefore string
	email                       *string
	created                     createdRange
}

// createdRange is the created filter: created=<t> (exactly t) or the hash
// created[gt|gte|lt|lte]=<t>, Unix seconds; bounds not sent are nil.
type createdRange struct{ eq, gt, gte, lt, lte *int64 }

// holds reports whether a customer created at t is in the range.
func (r createdRange) holds(t int64) bool {
	return (r.eq == nil || t == *r.eq) && (r.gt == nil || t > *r.gt) && (r.gte == nil || t >= *r.gte) &&
		(r.lt == nil || t < *r.lt) && (r.lte == nil || t <= *r.lte)
}

// read sets the bound path names (none: the integer itself) to v.
func (r *createdRange) read(k string, path []string, v string) *apiError {
	var dst **int64
	switch {
	case len(path) == 0:
		dst = &r.eq
	case len(path) == 1 && path[0] == "gt":
		dst = &r.gt
	case len(path) == 1 && path[0] == "gte":
		dst = &r.gte
	case len(path) == 1 && path[0] == "lt":
		dst = &r.lt
	case len(path) == 1 && path[0] == "lte":
		dst = &r.lte
	default:
		return unknown(k)
	}
	n, err := strconv.ParseInt(v, 10, 64)
	if err != nil {
		return &apiError{Code: codeParamInvalidInt, Message: "Invalid integer: " + v, Param: k}
	}
	*dst = &n
	return nil
}

func readListQuery(q url.Values) (listQuery, *apiError) {
	lq := listQuery{limit: defaultLimit}
	for k, vs := range q {
		v := vs[len(vs)-1]
		root, path, ok := splitKey(k)
		switch root {
		case "limit":
			n, err := strconv.Atoi(v)
			if err != nil || n < 1 || n > maxLimit {
				return lq, invalidf("limit", "This value must be between 1 and 100 (it currently is '%s').", v)
			}
			lq.limit = n
		case "starting_after":
			lq.startingAfter = v
		case "ending_before":
			lq.endingBefore = v
		case "email":
			lq.email = &v
		case "created":
			if !ok {
				return lq, unknown(k)
			}
			if err := lq.created.read(k, path, v); err != nil {
				return lq, err
			}
		case "expand", "test_clock":
			// test_clock filters are not emulated (no customer has a test
			// clock); expand is ignored.
		default:
			return lq, unknown(k)
		}
	}
	if lq.startingAfter != "" && lq.endingBefore != "" {
		return lq, invalidf("starting_after", "You may only specify one of these parameters: starting_after, ending_before.")
	}
	return lq, nil
}
