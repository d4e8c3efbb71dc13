package webcommander

import (
	"context"
	"iter"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/customerops/terraform-provider-crm/internal/crud"
	"github.com/customerops/terraform-provider-crm/internal/transport"
)

// pageSize is the largest page WebCommander's list serves (CONTRACT.md §2).
const pageSize = 20

// Client makes typed calls to one WebCommander store's admin API.
type Client struct {
	api *transport.Client
	// A plan of many customers reads them from the store's list once GETs
	// have cost as much as the list would.
	customers *transport.Snapshot[Customer]
}

// NewClient builds the client for the store at cfg.BaseURL (the store URL
// plus /api/v4): one OAuth token for every request of the provider
// instance, fetched on first use and renewed on expiry or a 401.
func NewClient(cfg transport.Config, creds Credentials) (*Client, error) {
	cfg.Platform = about.Block
	cfg.DecodeError = decodeError
	tokens, err := transport.New(cfg) // the token endpoint takes no bearer token
	if err != nil {
		return nil, err
	}
	cfg.Auth = newAuth(tokens, creds)
	api, err := transport.New(cfg)
	if err != nil {
		return nil, err
	}
	c := &Client{api: api}
	c.customers = transport.NewPagedSnapshot(api, "customers",
		func(ctx context.Context) ([]Customer, error) { return c.ListCustomers(ctx, "") },
		func(cu *Customer) string { return strconv.FormatInt(cu.ID, 10) },
		c.listPages)
	return c, nil
}

// decodeError reads WebCommander's error body; only its 404 "not found"
// means the customer is gone.
func decodeError(status int, body []byte) *transport.APIError {
	eb := transport.ObjectMembers(body)
	apiErr := &transport.APIError{
		Message:  eb.String("message"),
		NotFound: status == http.StatusNotFound && eb.String("error") == "not_found",
	}
	apiErr.AddFieldErrors(eb.Objects("errors"))
	return apiErr
}

// IDs is the form of WebCommander's customer ids.
var IDs = crud.IDForm{What: "a WebCommander customer", Pattern: crud.PositiveIntegers, Rule: "positive integers"}

// IsDuplicate reports WebCommander's refusal of a second customer with an e-mail.
func IsDuplicate(err error) bool {
	apiErr, ok := transport.AsAPIError(err)
	return ok && apiErr.Status == http.StatusConflict
}

// CreateCustomer creates a customer. If the answer is lost and the body
// has an e-mail, the customer is looked up by it before any second attempt
// and adopted only if it was created after this create began.
func (c *Client) CreateCustomer(ctx context.Context, body customerBody) (*Customer, error) {
	since := transport.Since(time.Now())
	email, _ := body.Customer["email"].(string)
	return transport.CreateOnce(ctx, c.api,
		func() (*Customer, error) {
			var out customerEnvelope
			if err := c.api.Do(ctx, http.MethodPost, "/admin/customers", nil, body, &out); err != nil {
				return nil, err
			}
			return checked(out.Customer)
		},
		transport.FindMade(since, func(ctx context.Context) (*Customer, error) {
			if email == "" {
				return nil, nil // nothing to find it by: a second attempt may duplicate it
			}
			return c.FindCustomer(ctx, email)
		}, madeAt))
}

// madeAt reads WebCommander's creation time (RFC 3339).
func madeAt(cu *Customer) (time.Time, bool) { return transport.MadeAt(time.RFC3339Nano, cu.CreatedAt) }

// ReadCustomer reads a managed customer, from the store's list when a
// plan reads enough of them for the list to pay.
func (c *Client) ReadCustomer(ctx context.Context, id string) (*Customer, error) {
	return c.customers.Get(ctx, id, c.GetCustomer)
}

// listPages is how many requests listing the whole store takes.
func (c *Client) listPages(ctx context.Context) (int, error) {
	var out listEnvelope
	if err := c.api.Do(ctx, http.MethodGet, "/admin/customers", url.Values{"limit": {"1"}}, nil, &out); err != nil {
		return 0, err
	}
	return (out.Pagination.Total + pageSize - 1) / pageSize, nil
}

func (c *Client) GetCustomer(ctx context.Context, id string) (*Customer, error) {
	p, err := IDs.Path("/admin/customers", id)
	if err != nil {
		return nil, err
	}
	var out customerEnvelope
	if err = c.api.Do(ctx, http.MethodGet, p, nil, nil, &out); err != nil {
		return nil, err
	}
	return checked(out.Customer)
}

// UpdateCustomer is WebCommander's PUT, which changes only what it carries.
func (c *Client) UpdateCustomer(ctx context.Context, id string, body customerBody) (*Customer, error) {
	p, err := IDs.Path("/admin/customers", id)
	if err != nil {
		return nil, err
	}
	var out customerEnvelope
	if err = c.api.Do(ctx, http.MethodPut, p, nil, body, &out); err != nil {
		return nil, err
	}
	return checked(out.Customer)
}

func (c *Client) DeleteCustomer(ctx context.Context, id string) error {
	p, err := IDs.Path("/admin/customers", id)
	if err != nil {
		return err
	}
	return c.api.Do(ctx, http.MethodDelete, p, nil, nil, nil)
}

// ListCustomers pages through the customers (20 a page, the API's
// maximum), optionally those with one e-mail.
func (c *Client) ListCustomers(ctx context.Context, email string) ([]Customer, error) {
	return transport.Paginate(ctx, customerPages, c.customerPage(email))
}

// EachCustomer is ListCustomers as a sequence, for list resources: a page
// is requested once the one before it has been taken.
func (c *Client) EachCustomer(ctx context.Context, email string) iter.Seq2[Customer, error] {
	return transport.Each(ctx, customerPages, c.customerPage(email))
}

// customerPages is how the customer list pages (CONTRACT.md §2).
var customerPages = transport.OffsetHasNext("offset", "limit", pageSize)

func (c *Client) customerPage(email string) transport.FetchPage[Customer] {
	return func(ctx context.Context, q url.Values) ([]Customer, transport.PageInfo, error) {
		if email != "" {
			q.Set("email", email)
		}
		var out listEnvelope
		if err := c.api.Do(ctx, http.MethodGet, "/admin/customers", q, nil, &out); err != nil {
			return nil, transport.PageInfo{}, err
		}
		return out.Customers, transport.PageInfo{HasNext: out.Pagination.HasNext, Total: out.Pagination.Total}, nil
	}
}

// FindCustomer returns the customer with this e-mail (any case), or nil.
func (c *Client) FindCustomer(ctx context.Context, email string) (*Customer, error) {
	all, err := c.ListCustomers(ctx, email)
	if err != nil {
		return nil, err
	}
	for i := range all {
		if all[i].Email != nil && strings.EqualFold(*all[i].Email, email) {
			return &all[i], nil
		}
	}
	return nil, nil
}

// checked refuses an answer without the customer's id.
func checked(c *Customer) (*Customer, error) {
	return transport.Checked(c, func(c *Customer) int64 { return c.ID }, "webcommander API: the answer holds no customer id")
}
