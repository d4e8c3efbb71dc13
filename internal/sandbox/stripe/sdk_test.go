package stripe_test

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"testing"

	stripego "github.com/stripe/stripe-go/v82"

	"github.com/customerops/terraform-provider-crm/internal/sandbox"
	sbstripe "github.com/customerops/terraform-provider-crm/internal/sandbox/stripe"
)

// sdkClient is Stripe's own Go SDK pointed at a sandbox: no retries, no logs.
func sdkClient(t *testing.T) (*stripego.Client, *sandbox.Server) {
	t.Helper()
	s := sandbox.New(sbstripe.Emulator)
	// stripe-go wants a base URL without a path (its paths start with
	// /v1), so the SDK talks to a server that adds the sandbox's prefix.
	h := s.Handler()
	front := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		r.URL.Path = sbstripe.Prefix + r.URL.Path
		h.ServeHTTP(w, r)
	}))
	t.Cleanup(front.Close)
	backends := stripego.NewBackendsWithConfig(&stripego.BackendConfig{
		URL:               stripego.String(front.URL),
		MaxNetworkRetries: stripego.Int64(0),
		LeveledLogger:     &stripego.LeveledLogger{Level: stripego.LevelNull},
	})
	return stripego.NewClient(sbstripe.APIKey, stripego.WithBackends(backends)), s
}

// TestStripeGoSDK: Stripe's Go SDK, a client written by Stripe, uses the
// emulator as it would use Stripe: it creates, retrieves, updates, lists
// with auto-pagination, retries a create with the same idempotency key (and
// gets the same customer back), and deletes; every call succeeds and
// decodes into the SDK's own types.
func TestStripeGoSDK(t *testing.T) {
	sc, s := sdkClient(t)
	ctx := context.Background()

	params := &stripego.CustomerCreateParams{
		Name: stripego.String("Jenny Rosen"), Email: stripego.String("jenny.rosen@example.com"),
		Phone: stripego.String("+14155550123"), Description: stripego.String("Our first customer"),
		Address: &stripego.AddressParams{Line1: stripego.String("510 Townsend St"), City: stripego.String("San Francisco"),
			PostalCode: stripego.String("94103"), Country: stripego.String("US")},
		Shipping: &stripego.CustomerCreateShippingParams{Name: stripego.String("Jenny Rosen"),
			Address: &stripego.AddressParams{Line1: stripego.String("1 Market St"), Country: stripego.String("US")}},
		PreferredLocales: []*string{stripego.String("en"), stripego.String("fr-CA")},
		TaxExempt:        stripego.String(string(stripego.CustomerTaxExemptExempt)),
		InvoicePrefix:    stripego.String("JENNY01"),
	}
	params.AddMetadata("tier", "gold")
	params.SetIdempotencyKey("sdk-create-1")
	created, err := sc.V1Customers.Create(ctx, params)
	if err != nil {
		t.Fatalf("create: %v", err)
	}
	if created.Name != "Jenny Rosen" || created.Address.City != "San Francisco" || created.Shipping.Address.Line1 != "1 Market St" ||
		created.Metadata["tier"] != "gold" || len(created.PreferredLocales) != 2 || created.TaxExempt != stripego.CustomerTaxExemptExempt ||
		created.InvoicePrefix != "JENNY01" || created.Created == 0 || created.Livemode {
		t.Errorf("created: %+v", created)
	}

	// The same create, key and parameters: Stripe's replay, not a second customer.
	again, err := sc.V1Customers.Create(ctx, params)
	if err != nil || again.ID != created.ID {
		t.Errorf("replayed create: %v, id %v want %s", err, again, created.ID)
	}
	if n := len(sbstripe.StoreOf(s).Customers.List()); n != 1 {
		t.Errorf("%d customers after a replayed create, want 1", n)
	}
	// The key with other parameters: Stripe's idempotency error.
	other := &stripego.CustomerCreateParams{Name: stripego.String("Someone else")}
	other.SetIdempotencyKey("sdk-create-1")
	if _, err := sc.V1Customers.Create(ctx, other); err == nil {
		t.Error("a reused key with other parameters was accepted")
	} else if se := (*stripego.Error)(nil); !errors.As(err, &se) || se.Type != stripego.ErrorTypeIdempotency || se.HTTPStatusCode != 400 {
		t.Errorf("reused key: %#v", err)
	}

	got, err := sc.V1Customers.Retrieve(ctx, created.ID, nil)
	if err != nil || got.ID != created.ID || got.Email != "jenny.rosen@example.com" {
		t.Errorf("retrieve: %+v, %v", got, err)
	}

	upd := &stripego.CustomerUpdateParams{Description: stripego.String(""), Name: stripego.String("Jenny R. Rosen")}
	upd.AddMetadata("tier", "")
	upd.AddMetadata("vip", "yes")
	updated, err := sc.V1Customers.Update(ctx, created.ID, upd)
	if err != nil || updated.Name != "Jenny R. Rosen" || updated.Description != "" || updated.Metadata["vip"] != "yes" || len(updated.Metadata) != 1 {
		t.Errorf("update: %+v, %v", updated, err)
	}

	for i := range 24 {
		p := &stripego.CustomerCreateParams{Email: stripego.String("bulk@example.com")}
		if i%2 == 0 {
			p.Email = stripego.String("Bulk@example.com")
		}
		if _, err := sc.V1Customers.Create(ctx, p); err != nil {
			t.Fatal(err)
		}
	}
	list := &stripego.CustomerListParams{}
	list.Limit = stripego.Int64(5)
	seen := map[string]bool{}
	for c, err := range sc.V1Customers.List(ctx, list) {
		if err != nil {
			t.Fatalf("list: %v", err)
		}
		if seen[c.ID] {
			t.Errorf("listed %s twice", c.ID)
		}
		seen[c.ID] = true
	}
	if len(seen) != 25 {
		t.Errorf("auto-pagination listed %d customers, want 25", len(seen))
	}
	byEmail := &stripego.CustomerListParams{Email: stripego.String("bulk@example.com")}
	n := 0
	for c, err := range sc.V1Customers.List(ctx, byEmail) {
		if err != nil || c.Email != "bulk@example.com" {
			t.Errorf("list by e-mail: %+v, %v", c, err)
		}
		n++
	}
	if n != 12 {
		t.Errorf("list by e-mail (exact, case included) found %d, want 12", n)
	}

	deleted, err := sc.V1Customers.Delete(ctx, created.ID, nil)
	if err != nil || !deleted.Deleted || deleted.ID != created.ID {
		t.Errorf("delete: %+v, %v", deleted, err)
	}
	gone, err := sc.V1Customers.Retrieve(ctx, created.ID, nil)
	if err != nil || !gone.Deleted {
		t.Errorf("retrieve a deleted customer: %+v, %v", gone, err)
	}
	if _, err := sc.V1Customers.Retrieve(ctx, "cus_doesnotexist", nil); err == nil {
		t.Error("an unknown customer was found")
	} else if se := (*stripego.Error)(nil); !errors.As(err, &se) || se.Code != stripego.ErrorCodeResourceMissing || se.HTTPStatusCode != 404 || se.Param != "id" {
		t.Errorf("unknown customer: %#v", err)
	}
}
