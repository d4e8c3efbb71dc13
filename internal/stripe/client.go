package stripe

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"iter"
	"net/http"
	"net/url"
	"regexp"

	"github.com/customerops/terraform-provider-crm/internal/crud"
	"github.com/customerops/terraform-provider-crm/internal/transport"
)

// pageSize is the largest page Stripe's list serves (CONTRACT.md §2).
const pageSize = 100

// customersPath is the customers' collection (CONTRACT.md §1).
const customersPath = "/v1/customers"

// Client makes typed calls to Stripe's API.
type Client struct {
	api *transport.Client
	// customers serves a plan's refresh from the list (CONTRACT.md §2).
	customers *transport.GrowingSnapshot[Customer]
}

// NewClient wraps a transport client configured for Stripe.
func NewClient(cfg transport.Config) (*Client, error) {
	cfg.Platform = about.Block
	cfg.DecodeError = decodeError
	cfg.RetryHint = shouldRetry
	api, err := transport.New(cfg)
	if err != nil {
		return nil, err
	}
	c := &Client{api: api}
	c.customers = transport.NewGrowingSnapshot(api, "customers", transport.NumberedPages(customerPages, c.customerPage(nil)),
		func(cu *Customer) string { return cu.ID })
	return c, nil
}

// shouldRetry reads Stripe-Should-Retry, Stripe's advice on retrying an
// error, which the transport follows before its status rules: "false"
// never retries, "true" retries any status (CONTRACT.md §3). Every request
// this client sends may be sent twice (reads and deletes are idempotent,
// creates and updates carry an Idempotency-Key: §7), so "true" always
// holds.
func shouldRetry(resp *http.Response) (retry, decided bool) {
	switch resp.Header.Get("Stripe-Should-Retry") {
	case "true":
		return true, true
	case "false":
		return false, true
	}
	return false, false
}

// decodeError reads Stripe's error body
// {"error":{"type":"invalid_request_error","code":"resource_missing","message":"...","param":"id"}}
// by its exact keys (CONTRACT.md §3). Only a 404 whose code is
// resource_missing means the customer is gone; param is the field blamed.
func decodeError(status int, body []byte) *transport.APIError {
	e := transport.ObjectMembers(body).Object("error")
	apiErr := &transport.APIError{
		Message:  e.String("message"),
		Field:    e.String("param"),
		NotFound: status == http.StatusNotFound && e.String("code") == "resource_missing",
	}
	for _, k := range []string{"type", "code"} {
		if v := e.String(k); v != "" {
			apiErr.Details = append(apiErr.Details, k+": "+v)
		}
	}
	return apiErr
}

// IDs is the form of Stripe's customer ids.
var IDs = crud.IDForm{What: "a Stripe customer", Pattern: regexp.MustCompile(`^cus_[0-9A-Za-z]{1,250}$`), Rule: "`cus_` followed by letters and digits"}

// NewIdempotencyKey is a random key for one create (CONTRACT.md §6).
func NewIdempotencyKey() string {
	var b [16]byte
	_, _ = rand.Read(b[:])
	return "terraform-" + hex.EncodeToString(b[:])
}

// CreateCustomer creates a customer with one idempotency key for every
// attempt (CONTRACT.md §6): with the key, a create is as safe to send
// again as a GET, so the transport retries a lost or 502/503/504 answer
// with the same key, and Stripe answers a key it has seen with the
// customer the first attempt made instead of making another. Stripe has
// no natural key to look a customer up by, so the key replaces the lookup
// the other platforms make.
func (c *Client) CreateCustomer(ctx context.Context, in Form) (*Customer, error) {
	return c.CreateCustomerWithKey(ctx, NewIdempotencyKey(), in)
}

// CreateCustomerWithKey is CreateCustomer with a given idempotency key.
func (c *Client) CreateCustomerWithKey(ctx context.Context, key string, in Form) (*Customer, error) {
	var out Customer
	if err := c.postKeyed(ctx, key, customersPath, in, &out); err != nil {
		if transport.IsOutcomeUnknown(err) {
			return nil, fmt.Errorf("%w (the customer may exist on Stripe: every attempt was sent with Idempotency-Key %s)", err, key)
		}
		return nil, err
	}
	return checked(&out, http.MethodPost, customersPath)
}

// ReadCustomer reads a managed customer: in a plan of many, from the list,
// read a page of 100 at a time as the reads need it (Stripe's list states
// no size, so it is never read past what the reads pay for); else, and for
// a customer the list lacks (a deleted one), with its own GET, whose
// answer alone may say gone (CONTRACT.md §2).
func (c *Client) ReadCustomer(ctx context.Context, id string) (*Customer, error) {
	return c.customers.Get(ctx, id, c.GetCustomer)
}

// GetCustomer reads one customer. A deleted customer, which Stripe still
// answers 200 with deleted: true, is gone (CONTRACT.md §6).
func (c *Client) GetCustomer(ctx context.Context, id string) (*Customer, error) {
	p, err := IDs.Path(customersPath, id)
	if err != nil {
		return nil, err
	}
	var out Customer
	if err = c.api.Do(ctx, http.MethodGet, p, nil, nil, &out); err != nil {
		return nil, err
	}
	return checked(&out, http.MethodGet, p)
}

// UpdateCustomer is Stripe's POST /v1/customers/{id}: it changes only the
// parameters sent; an empty value clears one (CONTRACT.md §5). Like a
// create, and like Stripe's SDKs, it carries an Idempotency-Key of its
// own, the same on every retry (CONTRACT.md §7).
func (c *Client) UpdateCustomer(ctx context.Context, id string, in Form) (*Customer, error) {
	p, err := IDs.Path(customersPath, id)
	if err != nil {
		return nil, err
	}
	var out Customer
	if err = c.postKeyed(ctx, NewIdempotencyKey(), p, in, &out); err != nil {
		return nil, err
	}
	return checked(&out, http.MethodPost, p)
}

// postKeyed sends a POST with one Idempotency-Key on every attempt:
// Stripe replays the first answer to the same key, so the request is as
// safe to send again as a GET (transport.RetrySafe; CONTRACT.md §6).
func (c *Client) postKeyed(ctx context.Context, key, path string, in Form, out *Customer) error {
	return c.api.Do(transport.RetrySafe(ctx), http.MethodPost, path, nil, in, out, transport.RequestHeader("Idempotency-Key", key))
}

// DeleteCustomer deletes a customer for good (CONTRACT.md §1).
func (c *Client) DeleteCustomer(ctx context.Context, id string) error {
	p, err := IDs.Path(customersPath, id)
	if err != nil {
		return err
	}
	var out deletedCustomer
	return c.api.Do(ctx, http.MethodDelete, p, nil, nil, &out)
}

// ListCustomers pages through the customers matching filters (email,
// created[gt], ...), 100 a page, newest first, with starting_after cursors
// (CONTRACT.md §2).
func (c *Client) ListCustomers(ctx context.Context, filters url.Values) ([]Customer, error) {
	return transport.Paginate(ctx, customerPages, c.customerPage(filters))
}

// EachCustomer is ListCustomers as a sequence, for list resources: a page
// is requested only once the one before it has been taken.
func (c *Client) EachCustomer(ctx context.Context, filters url.Values) iter.Seq2[Customer, error] {
	return transport.Each(ctx, customerPages, c.customerPage(filters))
}

// customerPages is the customers' paging: limit=100, the next page after
// the last id (CONTRACT.md §2).
var customerPages = transport.AfterLast("starting_after", "limit", pageSize, func(cu Customer) string { return cu.ID })

// customerPage fetches one page of the customers matching filters.
func (c *Client) customerPage(filters url.Values) transport.FetchPage[Customer] {
	return func(ctx context.Context, q url.Values) ([]Customer, transport.PageInfo, error) {
		for k, v := range filters {
			q[k] = v
		}
		var out list
		if err := c.api.Do(ctx, http.MethodGet, customersPath, q, nil, &out); err != nil {
			return nil, transport.PageInfo{}, err
		}
		return out.Data, transport.PageInfo{HasNext: out.HasMore}, nil
	}
}

// FindCustomer returns the customer with this e-mail, which Stripe matches
// exactly, case included (CONTRACT.md §2), or nil when there is none.
// E-mails are not unique on Stripe: more than one is an error.
func (c *Client) FindCustomer(ctx context.Context, email string) (*Customer, error) {
	all, err := c.ListCustomers(ctx, url.Values{"email": {email}})
	if err != nil {
		return nil, err
	}
	switch len(all) {
	case 0:
		return nil, nil
	case 1:
		return &all[0], nil
	}
	ids := make([]string, len(all))
	for i := range all {
		ids[i] = all[i].ID
	}
	return nil, fmt.Errorf("%d Stripe customers have the e-mail %q (%v): e-mails are not unique on Stripe, read one by id", len(all), email, ids)
}

// checked refuses an answer without the customer's id, and reports a
// deleted customer as gone.
func checked(cu *Customer, method, path string) (*Customer, error) {
	if cu.Deleted {
		return nil, &transport.APIError{Platform: about.Block, Method: method, Path: path, Status: http.StatusOK,
			Message: "the customer is deleted", NotFound: true}
	}
	return transport.Checked(cu, func(cu *Customer) string { return cu.ID }, "stripe API: the answer holds no customer id")
}
