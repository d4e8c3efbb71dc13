package xtrakit

import (
	"context"
	"encoding/json"
	"fmt"
	"iter"
	"net/http"
	"net/url"
	"sort"
	"strconv"
	"time"

	"github.com/customerops/terraform-provider-crm/internal/crud"
	"github.com/customerops/terraform-provider-crm/internal/fields"
	"github.com/customerops/terraform-provider-crm/internal/transport"
)

// DefaultBaseURL is Xtrakit's production API.
const DefaultBaseURL = "https://api.xtrakit.com/api/v1"

// Client makes typed calls to the Xtrakit API.
type Client struct {
	api *transport.Client
	// A plan refreshes customers and groups from their (unpaged) lists:
	// one request each instead of one per record.
	customers *transport.Snapshot[Customer]
	groups    *transport.Snapshot[Group]
}

// NewClient wraps a transport client configured for Xtrakit.
func NewClient(cfg transport.Config) (*Client, error) {
	cfg.Platform = about.Block
	cfg.DecodeError = decodeError
	api, err := transport.New(cfg)
	if err != nil {
		return nil, err
	}
	c := &Client{api: api}
	c.customers = transport.NewSnapshot(api, "customers",
		func(ctx context.Context) ([]Customer, error) { return c.ListCustomers(ctx, nil) },
		func(cu *Customer) string { return strconv.FormatInt(cu.ID, 10) })
	c.groups = transport.NewSnapshot(api, "customer groups", c.ListGroups,
		func(g *Group) string { return strconv.FormatInt(g.ID, 10) })
	return c, nil
}

func decodeError(status int, body []byte) *transport.APIError {
	eb := transport.ObjectMembers(body)
	msg := eb.String("error")
	// Only Xtrakit's own "not found" answer means the record is gone; any
	// other 404 (a wrong base_url, a proxy) must not drop records from state.
	gone := status == http.StatusNotFound && (msg == "Customer not found" || msg == "Group not found")
	apiErr := &transport.APIError{Message: msg, NotFound: gone}
	// {"errors":{"field":["message"]}}. The fields blamed are those with a
	// message: {"x":[]} or {"x":null} blames nothing; a member of the wrong
	// type blames nothing either.
	var errs map[string][]string
	_ = json.Unmarshal(eb["errors"], &errs)
	fields := make([]string, 0, len(errs))
	for f, msgs := range errs {
		if len(msgs) > 0 {
			fields = append(fields, f)
		}
	}
	sort.Strings(fields)
	for _, f := range fields {
		for _, m := range errs[f] {
			apiErr.Details = append(apiErr.Details, f+": "+m)
		}
	}
	if len(fields) == 1 {
		apiErr.Field = fields[0]
	}
	return apiErr
}

// IDs is the form of Xtrakit's customer and group ids.
var IDs = crud.IDForm{What: "an Xtrakit", Pattern: crud.PositiveIntegers, Rule: "positive integers"}

// ParseID turns a Terraform id ("42") into Xtrakit's integer id.
func ParseID(s string) (int64, error) {
	if err := IDs.Check(s); err != nil {
		return 0, err
	}
	id, err := strconv.ParseInt(s, 10, 64)
	if err != nil { // beyond int64
		return 0, fmt.Errorf("%q is not an Xtrakit id: ids are positive integers below 2^63", s)
	}
	return id, nil
}

// ---- customers ----

func (c *Client) CreateCustomer(ctx context.Context, in CustomerInput) (*Customer, error) {
	since := transport.Since(time.Now())
	return transport.CreateOnce(ctx, c.api,
		func() (*Customer, error) {
			var out envelope[customerData]
			if err := c.api.Do(ctx, http.MethodPost, "/customers/add", nil, in, &out); err != nil {
				return nil, err
			}
			return mustHave(out.Data.Customer, "customer")
		},
		func(ctx context.Context) (*Customer, error) { return c.findCreated(ctx, in, since) })
}

// findCreated looks for a customer equal to in, field by field. When
// several match, the newest (highest id) is the one a lost create made.
func (c *Client) findCreated(ctx context.Context, in CustomerInput, since time.Time) (*Customer, error) {
	return transport.FindNewestMade(c.EachCustomer(ctx, in.CustomerGroupID), since,
		func(cu *Customer) bool { return sameCustomer(cu.CustomerInput, in) },
		func(cu *Customer) (time.Time, bool) { return madeAt(cu.CreatedAt) },
		func(a, b *Customer) bool { return a.ID > b.ID })
}

// ReadCustomer reads a managed customer, from the customer list when a
// plan refreshes many.
func (c *Client) ReadCustomer(ctx context.Context, id string) (*Customer, error) {
	return c.customers.Get(ctx, id, c.GetCustomer)
}

func (c *Client) GetCustomer(ctx context.Context, id string) (*Customer, error) {
	p, err := IDs.Path("/customers", id)
	if err != nil {
		return nil, err
	}
	var out envelope[customerData]
	if err = c.api.Do(ctx, http.MethodGet, p, nil, nil, &out); err != nil {
		return nil, err
	}
	return mustHave(out.Data.Customer, "customer")
}

func (c *Client) UpdateCustomer(ctx context.Context, id string, in CustomerInput) (*Customer, error) {
	p, err := IDs.Path("/customers", id)
	if err != nil {
		return nil, err
	}
	var out envelope[customerData]
	if err = c.api.Do(ctx, http.MethodPut, p, nil, in, &out); err != nil {
		return nil, err
	}
	return mustHave(out.Data.Customer, "customer")
}

func (c *Client) DeleteCustomer(ctx context.Context, id string) error {
	p, err := IDs.Path("/customers", id)
	if err != nil {
		return err
	}
	return c.api.Do(ctx, http.MethodDelete, p, nil, nil, nil)
}

// ListCustomers returns every customer, or those of one group. The API
// documents no pagination: the whole list comes back in one page.
func (c *Client) ListCustomers(ctx context.Context, groupID *int64) ([]Customer, error) {
	return transport.Paginate(ctx, transport.WholeList(), c.customerPage(groupID))
}

// EachCustomer is ListCustomers as a sequence, for list resources.
func (c *Client) EachCustomer(ctx context.Context, groupID *int64) iter.Seq2[Customer, error] {
	return transport.Each(ctx, transport.WholeList(), c.customerPage(groupID))
}

func (c *Client) customerPage(groupID *int64) transport.FetchPage[Customer] {
	return func(ctx context.Context, q url.Values) ([]Customer, transport.PageInfo, error) {
		if groupID != nil {
			q.Set("customer_group_id", strconv.FormatInt(*groupID, 10))
		}
		var out envelope[customersData]
		err := c.api.Do(ctx, http.MethodGet, "/customers", q, nil, &out)
		return out.Data.Customers, transport.PageInfo{}, err
	}
}

// ---- customer groups ----

func (c *Client) CreateGroup(ctx context.Context, in GroupInput) (*Group, error) {
	since := transport.Since(time.Now())
	return transport.CreateOnce(ctx, c.api,
		func() (*Group, error) {
			var out envelope[groupData]
			if err := c.api.Do(ctx, http.MethodPost, "/customer-groups/add", nil, in, &out); err != nil {
				return nil, err
			}
			return mustHave(out.Data.Group, "group")
		},
		func(ctx context.Context) (*Group, error) { return c.findCreatedGroup(ctx, in, since) })
}

// findCreatedGroup is findCreated for groups.
func (c *Client) findCreatedGroup(ctx context.Context, in GroupInput, since time.Time) (*Group, error) {
	return transport.FindNewestMade(c.EachGroup(ctx), since,
		func(g *Group) bool {
			return fields.SameText(g.GroupName, in.GroupName) && optEqual(g.GroupDescription, in.GroupDescription)
		},
		func(g *Group) (time.Time, bool) { return madeAt(g.CreatedAt) },
		func(a, b *Group) bool { return a.ID > b.ID })
}

// ReadGroup reads a managed group, from the group list when a plan
// refreshes many.
func (c *Client) ReadGroup(ctx context.Context, id string) (*Group, error) {
	return c.groups.Get(ctx, id, c.GetGroup)
}

func (c *Client) GetGroup(ctx context.Context, id string) (*Group, error) {
	p, err := IDs.Path("/customer-groups", id)
	if err != nil {
		return nil, err
	}
	var out envelope[groupData]
	if err = c.api.Do(ctx, http.MethodGet, p, nil, nil, &out); err != nil {
		return nil, err
	}
	return mustHave(out.Data.Group, "group")
}

func (c *Client) UpdateGroup(ctx context.Context, id string, in GroupInput) (*Group, error) {
	p, err := IDs.Path("/customer-groups", id)
	if err != nil {
		return nil, err
	}
	var out envelope[groupData]
	if err = c.api.Do(ctx, http.MethodPut, p, nil, in, &out); err != nil {
		return nil, err
	}
	return mustHave(out.Data.Group, "group")
}

func (c *Client) DeleteGroup(ctx context.Context, id string) error {
	p, err := IDs.Path("/customer-groups", id)
	if err != nil {
		return err
	}
	return c.api.Do(ctx, http.MethodDelete, p, nil, nil, nil)
}

// ListGroups returns every group, in one page like ListCustomers.
func (c *Client) ListGroups(ctx context.Context) ([]Group, error) {
	return transport.Paginate(ctx, transport.WholeList(), c.groupPage)
}

// EachGroup is ListGroups as a sequence, for list resources.
func (c *Client) EachGroup(ctx context.Context) iter.Seq2[Group, error] {
	return transport.Each(ctx, transport.WholeList(), c.groupPage)
}

func (c *Client) groupPage(ctx context.Context, q url.Values) ([]Group, transport.PageInfo, error) {
	var out envelope[groupsData]
	err := c.api.Do(ctx, http.MethodGet, "/customer-groups", q, nil, &out)
	return out.Data.Groups, transport.PageInfo{}, err
}

// timeLayout is Xtrakit's timestamp. It carries no zone; the project
// reads it as UTC (CONTRACT.md §7).
const timeLayout = "2006-01-02 15:04:05"

// madeAt reads a record's creation time: Xtrakit has no natural key, so a
// lost create is matched on every field, and only the creation time tells
// it from an identical older record, which must not be adopted. The
// timestamps never order records (CONTRACT.md §6): the newest is the
// highest id.
func madeAt(createdAt string) (time.Time, bool) {
	return transport.MadeAt(timeLayout, createdAt)
}
