package axim

import (
	"context"
	"iter"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"time"

	"github.com/customerops/terraform-provider-crm/internal/crud"
	"github.com/customerops/terraform-provider-crm/internal/transport"
)

// pageSize is the largest page Axim's list serves (CONTRACT.md §2).
const pageSize = 10

// Client makes typed calls to one Axim store's API.
type Client struct {
	api *transport.Client
	// A plan refreshes customers a page at a time: reads that arrive
	// together share one id:in list request.
	batch *transport.Batch[Customer]
}

// NewClient wraps a transport client configured for Axim.
func NewClient(cfg transport.Config) (*Client, error) {
	cfg.Platform = about.Block
	cfg.DecodeError = decodeError
	api, err := transport.New(cfg)
	if err != nil {
		return nil, err
	}
	c := &Client{api: api}
	c.batch = transport.NewBatch(api, "customers", pageSize,
		func(ctx context.Context, ids []string) ([]Customer, error) {
			return c.ListCustomers(ctx, url.Values{"id:in": {strings.Join(ids, ",")}})
		},
		func(cu *Customer) string { return cu.ID })
	return c, nil
}

// decodeError reads Axim's error body
// {"success":false,"message":"...","errors":[{"field":"email","message":"..."}]}.
// Only a 404 that says the customer is not found means it is gone.
func decodeError(status int, body []byte) *transport.APIError {
	eb := transport.ObjectMembers(body)
	msg := eb.String("message")
	apiErr := &transport.APIError{
		Message:  msg,
		NotFound: status == http.StatusNotFound && strings.EqualFold(msg, "Customer not found"),
	}
	apiErr.AddFieldErrors(eb.Objects("errors"))
	return apiErr
}

// IDs is the form of Axim's customer ids.
var IDs = crud.IDForm{What: "an Axim customer", Pattern: regexp.MustCompile(`^[0-9a-f]{24}$`), Rule: "24 lower-case hexadecimal characters"}

// IsDuplicate reports Axim's refusal of a second customer with an e-mail.
func IsDuplicate(err error) bool {
	apiErr, ok := transport.AsAPIError(err)
	return ok && apiErr.Status == http.StatusBadRequest && strings.Contains(strings.ToLower(apiErr.Message), "already exists")
}

// CreateCustomer creates a customer. If the answer is lost, the customer is
// looked up by e-mail (unique per store) before any second attempt, and
// adopted only if it was created after this create began.
func (c *Client) CreateCustomer(ctx context.Context, in CustomerInput) (*Customer, error) {
	since := transport.Since(time.Now())
	return transport.CreateOnce(ctx, c.api,
		func() (*Customer, error) {
			var out envelope[*Customer]
			if err := c.api.Do(ctx, http.MethodPost, "/customers", nil, in, &out); err != nil {
				return nil, err
			}
			return checked(out.Data)
		},
		transport.FindMade(since, func(ctx context.Context) (*Customer, error) { return c.FindCustomer(ctx, in.Email) }, madeAt))
}

// madeAt reads Axim's creation time (RFC 3339).
func madeAt(cu *Customer) (time.Time, bool) { return transport.MadeAt(time.RFC3339Nano, cu.CreatedAt) }

// ReadCustomer reads a managed customer, in one request with the
// customers read at the same time.
func (c *Client) ReadCustomer(ctx context.Context, id string) (*Customer, error) {
	return c.batch.Get(ctx, id, c.GetCustomer)
}

// GetCustomer reads one customer with its own request.
func (c *Client) GetCustomer(ctx context.Context, id string) (*Customer, error) {
	p, err := IDs.Path("/customers", id)
	if err != nil {
		return nil, err
	}
	var out envelope[*Customer]
	if err = c.api.Do(ctx, http.MethodGet, p, nil, nil, &out); err != nil {
		return nil, err
	}
	return checked(out.Data)
}

// UpdateCustomer is Axim's PUT, which replaces the whole record.
func (c *Client) UpdateCustomer(ctx context.Context, id string, in CustomerInput) (*Customer, error) {
	p, err := IDs.Path("/customers", id)
	if err != nil {
		return nil, err
	}
	var out envelope[*Customer]
	if err = c.api.Do(ctx, http.MethodPut, p, nil, in, &out); err != nil {
		return nil, err
	}
	return checked(out.Data)
}

// DeleteCustomer deletes a customer.
func (c *Client) DeleteCustomer(ctx context.Context, id string) error {
	p, err := IDs.Path("/customers", id)
	if err != nil {
		return err
	}
	return c.api.Do(ctx, http.MethodDelete, p, nil, nil, nil)
}

// ListCustomers pages through the customers (10 a page, the API's
// maximum) matching filters (status, email, ...).
func (c *Client) ListCustomers(ctx context.Context, filters url.Values) ([]Customer, error) {
	return transport.Paginate(ctx, customerPages, c.customerPage(filters))
}

// EachCustomer is ListCustomers as a sequence, for list resources: a page
// is requested once the one before it has been taken.
func (c *Client) EachCustomer(ctx context.Context, filters url.Values) iter.Seq2[Customer, error] {
	return transport.Each(ctx, customerPages, c.customerPage(filters))
}

// customerPages is how the customer list pages (CONTRACT.md §2).
var customerPages = transport.PageNumbers("page", "limit", pageSize)

func (c *Client) customerPage(filters url.Values) transport.FetchPage[Customer] {
	return func(ctx context.Context, q url.Values) ([]Customer, transport.PageInfo, error) {
		for k, v := range filters {
			q[k] = v
		}
		var out envelope[[]Customer]
		if err := c.api.Do(ctx, http.MethodGet, "/customers", q, nil, &out); err != nil {
			return nil, transport.PageInfo{}, err
		}
		var info transport.PageInfo
		if out.Meta != nil {
			info.Total = out.Meta.Total
		}
		return out.Data, info, nil
	}
}

// FindCustomer returns the customer with this e-mail (unique per store, any
// case), or nil when there is none.
func (c *Client) FindCustomer(ctx context.Context, email string) (*Customer, error) {
	all, err := c.ListCustomers(ctx, url.Values{"email": {email}})
	if err != nil {
		return nil, err
	}
	for i := range all {
		if strings.EqualFold(all[i].Email, email) {
			return &all[i], nil
		}
	}
	return nil, nil
}

// checked refuses an answer without the customer's id, which would
// otherwise become an empty id in state.
func checked(c *Customer) (*Customer, error) {
	return transport.Checked(c, func(c *Customer) string { return c.ID }, "axim API: the answer holds no customer id")
}
