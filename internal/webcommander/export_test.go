package webcommander

import "context"

// CreateRaw creates a customer from a raw request body (the customer
// object and the top-level fields), as any API client would: for tests
// that make records outside Terraform.
func (c *Client) CreateRaw(ctx context.Context, customer, top map[string]any) (*Customer, error) {
	return c.CreateCustomer(ctx, customerBody{Customer: customer, Top: top})
}
