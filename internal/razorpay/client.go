package razorpay

import (
	"context"
	"errors"
	"iter"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/customerops/terraform-provider-crm/internal/crud"
	"github.com/customerops/terraform-provider-crm/internal/transport"
)

// DefaultBaseURL is Razorpay's production API.
const DefaultBaseURL = "https://api.razorpay.com/v1"

// Razorpay's own descriptions the provider reacts to (CONTRACT.md §3).
const (
	msgNoSuchID = "The id provided does not exist"
	msgExists   = "Customer already exists for the merchant"
)

// pageSize is the largest page the list call allows.
const pageSize = 100

// Client makes typed calls to the Razorpay API. It has no delete: Razorpay
// offers none, and nothing in this package may send DELETE.
type Client struct {
	api       *transport.Client
	customers *transport.GrowingSnapshot[Customer]
}

// NewClient wraps a transport client configured for Razorpay.
func NewClient(cfg transport.Config) (*Client, error) {
	cfg.Platform = about.Block
	cfg.DecodeError = decodeError
	api, err := transport.New(cfg)
	if err != nil {
		return nil, err
	}
	c := &Client{api: api}
	c.customers = transport.NewGrowingSnapshot(api, "customers", c.listPage, func(cu *Customer) string { return cu.ID })
	return c, nil
}

// decodeError keeps Razorpay's description. Only a 400 saying "The id
// provided does not exist" means gone: any other 400 (validation, a
// malformed id, a duplicate) is a real error, and a 404 comes from
// something in front of Razorpay (a wrong base URL), never from a customer.
func decodeError(status int, body []byte) *transport.APIError {
	e := transport.ObjectMembers(body).Object("error")
	desc, code := e.String("description"), e.String("code")
	apiErr := &transport.APIError{Message: desc, Field: e.String("field")}
	if status == http.StatusBadRequest && strings.TrimSuffix(strings.TrimSpace(desc), ".") == msgNoSuchID {
		apiErr.NotFound = true
	}
	if code != "" && code != "BAD_REQUEST_ERROR" {
		apiErr.Details = append(apiErr.Details, "code: "+code)
	}
	return apiErr
}

// IsDuplicate reports whether err is Razorpay refusing a second customer
// with the same email + contact.
func IsDuplicate(err error) bool {
	apiErr, ok := transport.AsAPIError(err)
	return ok && apiErr.Status == http.StatusBadRequest && strings.TrimSuffix(apiErr.Message, ".") == msgExists
}

// IDs is the form of Razorpay's customer ids.
var IDs = crud.IDForm{What: "a Razorpay customer", Pattern: regexp.MustCompile(`^cust_[A-Za-z0-9]{14}$`), Rule: `"cust_" followed by 14 letters or digits`}

// CreateCustomer creates a customer, or with FailExisting "0" returns the
// one that already has this email + contact. If the answer is lost, the
// customer is looked up by email + contact before any second attempt, so a
// retried create never makes a second customer.
func (c *Client) CreateCustomer(ctx context.Context, in CustomerInput) (*Customer, error) {
	since := transport.Since(time.Now())
	return transport.CreateOnce(ctx, c.api,
		func() (*Customer, error) {
			var out Customer
			if err := c.api.Do(ctx, http.MethodPost, "/customers", nil, in, &out); err != nil {
				return nil, err
			}
			return checked(&out)
		},
		func(ctx context.Context) (*Customer, error) {
			if in.FailExisting == "0" {
				// Adopting an existing customer is asked for: however old.
				return c.FindCustomer(ctx, in.Email, in.Contact)
			}
			// Only a customer made by this create may be adopted; the list is
			// newest first, so the lookup stops at the first older customer
			// and costs one page whatever the merchant's size.
			return c.findCreated(ctx, in.Email, in.Contact, since)
		})
}

// ReadCustomer reads a managed customer: in a plan of many, from the
// list, read a page of 100 at a time as the reads need it (Razorpay's
// list states no size, so it is never read past what the reads pay for).
func (c *Client) ReadCustomer(ctx context.Context, id string) (*Customer, error) {
	return c.customers.Get(ctx, id, c.GetCustomer)
}

// GetCustomer reads one customer with its own request.
func (c *Client) GetCustomer(ctx context.Context, id string) (*Customer, error) {
	p, err := IDs.Path("/customers", id)
	if err != nil {
		return nil, err
	}
	var out Customer
	if err = c.api.Do(ctx, http.MethodGet, p, nil, nil, &out); err != nil {
		return nil, err
	}
	return checked(&out)
}

// UpdateCustomer is Razorpay's edit: it takes name, contact and email only.
func (c *Client) UpdateCustomer(ctx context.Context, id string, in EditInput) (*Customer, error) {
	p, err := IDs.Path("/customers", id)
	if err != nil {
		return nil, err
	}
	var out Customer
	if err = c.api.Do(ctx, http.MethodPut, p, nil, in, &out); err != nil {
		return nil, err
	}
	return checked(&out)
}

// ListCustomers returns every customer, newest first as Razorpay lists them.
func (c *Client) ListCustomers(ctx context.Context) ([]Customer, error) {
	var all []Customer
	for cu, err := range c.EachCustomer(ctx) {
		if err != nil {
			return all, err
		}
		all = append(all, cu)
	}
	return all, nil
}

// FindCustomer returns the customer with this email + contact (Razorpay's
// unique key; email compared case-insensitively), or nil if none has them.
func (c *Client) FindCustomer(ctx context.Context, email, contact string) (*Customer, error) {
	return c.findCreated(ctx, email, contact, time.Time{})
}

// findCreated is FindCustomer among the customers created at or after since
// (all of them for a zero since). The list is newest first, so the lookup
// stops at the first older customer.
func (c *Client) findCreated(ctx context.Context, email, contact string, since time.Time) (*Customer, error) {
	return transport.FindNewestMade(c.EachCustomer(ctx), since,
		func(cu *Customer) bool { return cu.Contact == contact && strings.EqualFold(cu.Email, email) },
		madeAt, nil)
}

// madeAt reads Razorpay's creation time (Unix seconds).
func madeAt(cu *Customer) (time.Time, bool) { return time.Unix(cu.CreatedAt, 0), true }

// EachCustomer lists the customers newest first, as Razorpay does, through
// the shared pager (count ≤ 100, skip): a page is requested once the one
// before it has been taken. A customer created while paging shifts the
// pages: ids already seen are skipped.
func (c *Client) EachCustomer(ctx context.Context) iter.Seq2[Customer, error] {
	return func(yield func(Customer, error) bool) {
		seen := map[string]bool{}
		for cu, err := range transport.Each(ctx, transport.SkipCount("skip", "count", pageSize), c.customerPage) {
			if err == nil {
				if seen[cu.ID] {
					continue
				}
				seen[cu.ID] = true
			}
			if !yield(cu, err) {
				return
			}
		}
	}
}

// listPage is page n of the list (newest first), for refresh by list.
func (c *Client) listPage(ctx context.Context, n int) ([]Customer, bool, error) {
	q := url.Values{"count": {strconv.Itoa(pageSize)}, "skip": {strconv.Itoa(n * pageSize)}}
	items, _, err := c.customerPage(ctx, q)
	if err == nil && items == nil {
		// An answer without the list must not read as "no customers".
		err = errors.New("razorpay API: the list answer holds no items")
	}
	return items, len(items) < pageSize, err
}

func (c *Client) customerPage(ctx context.Context, q url.Values) ([]Customer, transport.PageInfo, error) {
	var page collection
	err := c.api.Do(ctx, http.MethodGet, "/customers", q, nil, &page)
	return page.Items, transport.PageInfo{}, err
}
